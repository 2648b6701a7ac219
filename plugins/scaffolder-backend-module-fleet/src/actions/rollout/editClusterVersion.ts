import { isDeepStrictEqual } from 'node:util';
import { InputError } from '@backstage/errors';
import {
  Document,
  isMap,
  isScalar,
  parseDocument,
  parse as parseYaml,
  type Scalar,
  type YAMLMap,
} from 'yaml';

/** What a promotion changes in a cluster's file. */
export type ClusterVersionEdit = {
  /** The new `spec.profileVersion`. */
  profileVersion: string;
  /** The new `spec.rollout.versionSince`, YYYY-MM-DD. */
  versionSince: string;
};

/** Cluster files are small; a bigger one is not edited (the catalog module's limit is 1 MiB). */
const MAX_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

type Splice = { start: number; end: number; text: string };

/**
 * Sets `spec.profileVersion` and `spec.rollout.versionSince` in the text of a cluster's
 * `cluster.yaml`, leaving every other byte as it was: comments, order, quoting, flow or block
 * style and line endings. The document is parsed with the `yaml` package to find where the two
 * values are (or where `versionSince` goes), and only those spans of the text are replaced. The
 * result is parsed again and must equal the original data with exactly these two changes.
 *
 * @throws InputError naming the file when it is not one YAML document with a `spec` map holding
 *   a plain `profileVersion`, or when the edit would change anything else.
 */
export function editClusterVersion(
  text: string,
  edit: ClusterVersionEdit,
  file: string,
): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) {
    throw new InputError(`${file} is larger than a cluster file may be`);
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(
      `${file} is not valid YAML (${doc.errors[0].message}); fix it in the platform repository first`,
    );
  }
  toData(doc, file);
  const spec = doc.get('spec', true);
  if (!isMap(spec)) {
    throw new InputError(`${file} has no spec map`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];

  const version = spec.get('profileVersion', true);
  if (!isScalar(version) || !version.range) {
    throw new InputError(`${file} has no plain spec.profileVersion to change`);
  }
  splices.push(replaceScalar(version, edit.profileVersion));

  const rollout = spec.get('rollout', true);
  if (rollout === undefined) {
    splices.push(
      insertPair(
        text,
        spec,
        version as NodeWithRange,
        `rollout: { versionSince: ${quoted(edit.versionSince)} }`,
        eol,
      ),
    );
  } else if (isMap(rollout)) {
    const since = rollout.get('versionSince', true);
    if (since === undefined) {
      const last = rollout.items[rollout.items.length - 1]?.value;
      splices.push(
        last && isNodeWithRange(last)
          ? insertPair(
              text,
              rollout,
              last,
              `versionSince: ${quoted(edit.versionSince)}`,
              eol,
            )
          : replaceRange(
              rollout as unknown as NodeWithRange,
              `{ versionSince: ${quoted(edit.versionSince)} }`,
            ),
      );
    } else if (isScalar(since) && since.range) {
      splices.push(replaceScalar(since, edit.versionSince));
    } else {
      throw new InputError(
        `${file} has a spec.rollout.versionSince that is not a plain date`,
      );
    }
  } else {
    throw new InputError(`${file} has a spec.rollout that is not a map`);
  }

  const edited = applySplices(text, splices);
  const after = toData(
    parseDocument(edited, { uniqueKeys: true, prettyErrors: false }),
    file,
  );
  // a second reading of the original, changed as intended (a copy made otherwise may come from
  // another realm under Jest and never compare equal)
  const expected = toData(
    parseDocument(text, { uniqueKeys: true, prettyErrors: false }),
    file,
  );
  expected.spec.profileVersion = edit.profileVersion;
  expected.spec.rollout = {
    ...(expected.spec.rollout ?? {}),
    versionSince: edit.versionSince,
  };
  if (!isDeepStrictEqual(after, expected)) {
    throw new InputError(
      `${file} could not be changed without touching more than spec.profileVersion and spec.rollout.versionSince; change it by hand`,
    );
  }
  return edited;
}

function toData(doc: Document, file: string): any {
  if (doc.errors.length > 0) {
    throw new InputError(`${file} is not valid YAML after the change`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    throw new InputError(
      `${file} uses aliases that expand beyond what a cluster file may hold`,
    );
  }
}

type NodeWithRange = { range: [number, number, number] };

function isNodeWithRange(node: unknown): node is NodeWithRange {
  return !!(node as { range?: unknown })?.range;
}

/** The new value in the old value's quoting; plain only when it reads back as the same string. */
function replaceScalar(node: Scalar, value: string): Splice {
  const [start, end] = node.range!;
  let text: string;
  if (node.type === 'QUOTE_SINGLE') {
    text = `'${value.replace(/'/g, "''")}'`;
  } else if (node.type === 'QUOTE_DOUBLE' || !isPlainSafe(value)) {
    text = JSON.stringify(value);
  } else {
    text = value;
  }
  return { start, end, text };
}

function replaceRange(node: NodeWithRange, text: string): Splice {
  return { start: node.range[0], end: node.range[1], text };
}

/**
 * A new `key: value` pair in `map`, after the pair whose value is `after`: on its own line with
 * the map's indentation in a block map, after a comma in a flow map.
 */
function insertPair(
  text: string,
  map: YAMLMap,
  after: NodeWithRange,
  pair: string,
  eol: string,
): Splice {
  if (map.flow) {
    const at = after.range[1];
    return { start: at, end: at, text: `, ${pair}` };
  }
  const firstKey = map.items[0]?.key as NodeWithRange | undefined;
  if (!firstKey?.range) {
    throw new InputError('cannot tell the indentation of the map');
  }
  const keyStart = firstKey.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const lineEnd = text.indexOf('\n', after.range[1]);
  const line = `${' '.repeat(indent)}${pair}`;
  if (lineEnd < 0) {
    return { start: text.length, end: text.length, text: `${eol}${line}` };
  }
  return { start: lineEnd + 1, end: lineEnd + 1, text: `${line}${eol}` };
}

function applySplices(text: string, splices: Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) {
    result =
      result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  }
  return result;
}

function isPlainSafe(value: string): boolean {
  return (
    /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(value) && parseYaml(value) === value
  );
}

/** Dates are double-quoted, as the platform repository writes them, so no parser reads a timestamp. */
function quoted(value: string): string {
  return JSON.stringify(value);
}
