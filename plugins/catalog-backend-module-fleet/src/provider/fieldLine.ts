import { Document, isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';

const SEGMENT = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;

/**
 * Splits a validation issue path such as `spec.components[2].version` or
 * `spec.quota["requests.cpu"]` into its keys and indexes; undefined when the path
 * does not follow that syntax.
 */
export function parseFieldPath(
  path: string,
): Array<string | number> | undefined {
  const segments: Array<string | number> = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const start = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match || (start === 0 && path.startsWith('.'))) {
      return undefined;
    }
    const [, key, index, quoted] = match;
    if (key !== undefined) {
      segments.push(key);
    } else if (index !== undefined) {
      segments.push(Number(index));
    } else {
      segments.push(JSON.parse(quoted) as string);
    }
  }
  return segments;
}

/**
 * The 1-based line of the field at `path` in the document: the line of its key (or
 * sequence item), or of its closest existing ancestor when the field is missing.
 */
export function fieldLine(
  doc: Document,
  lineCounter: LineCounter,
  path: string,
): number | undefined {
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

  let node: unknown = doc.contents;
  let line = lineOf(doc.contents);
  for (const segment of parseFieldPath(path) ?? []) {
    if (isMap(node) && typeof segment === 'string') {
      const pair = node.items.find(
        item => isScalar(item.key) && item.key.value === segment,
      );
      if (!pair) {
        break;
      }
      line = lineOf(pair.key as Node) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) {
        break;
      }
      line = lineOf(item as Node) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
