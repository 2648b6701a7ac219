import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Node,
  parseAllDocuments,
} from 'yaml';

/** Limits on the YAML of one entity file; entity files need a fraction of each. */
export const YAML_LIMITS = {
  /** Nesting of maps and lists; an entity needs about 6 levels. */
  maxDepth: 64,
  /**
   * How much the file's aliases (`*name`) may expand when read, as YAML's own guard
   * against alias bombs counts it.
   */
  maxAliasCount: 100,
};

/** Why the YAML of a file cannot be read, in words, with its line when it has one. */
export type YamlProblem = { line?: number; message: string };

/** One YAML document, read within YAML_LIMITS. */
export type EntityYaml = {
  /** The document as plain data. */
  data: unknown;
  /** The document, for the lines of its fields. */
  doc: Document;
  lineCounter: LineCounter;
};

/**
 * Reads the one YAML document of an entity file within YAML_LIMITS, or says why it
 * cannot. Never throws: whatever the bytes, the answer is the data or a problem, and
 * the work is about linear in the size of the file (duplicate keys are found with a
 * set, not with the parser's pairwise check).
 */
export function parseEntityYaml(
  content: string,
): EntityYaml | { problem: YamlProblem } {
  const fail = (message: string, line?: number) => ({
    problem: { line, message },
  });
  const lineCounter = new LineCounter();
  try {
    const tooDeep = flowDepthProblem(content);
    if (tooDeep) {
      return { problem: tooDeep };
    }
    const docs = parseAllDocuments(content, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
    });
    if (!Array.isArray(docs) || docs.length === 0) {
      return fail('the file holds no entity');
    }
    const parseError = docs.flatMap(doc => doc.errors)[0];
    if (parseError) {
      return fail(
        isStackOverflow(parseError.message)
          ? tooDeepMessage()
          : `invalid YAML: ${parseError.message}`,
        lineCounter.linePos(parseError.pos[0]).line,
      );
    }
    if (docs.length > 1) {
      return fail(
        `expected one YAML document with one entity, found ${docs.length}`,
        lineOf(docs[1], lineCounter),
      );
    }
    const [doc] = docs;
    const structural = structureProblem(doc, lineCounter);
    if (structural) {
      return { problem: structural };
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) {
        const alias = firstAlias(doc);
        return fail(
          `invalid YAML: its aliases${
            alias ? ` (such as *${alias.source})` : ''
          } expand to more data than an entity file may hold; write the values out instead`,
          alias ? lineOf(alias, lineCounter) : undefined,
        );
      }
      throw error;
    }
    return { data, doc, lineCounter };
  } catch (error) {
    return fail(
      isStackOverflow(String((error as Error)?.message))
        ? tooDeepMessage()
        : `the YAML parser gave up: ${(error as Error)?.message ?? error}`,
    );
  }
}

function tooDeepMessage(): string {
  return `invalid YAML: it nests maps and lists more than ${YAML_LIMITS.maxDepth} levels deep`;
}

function isStackOverflow(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}

/**
 * Flow collections (`[[[…`) nested past the limit, found before the parser works through
 * them (a megabyte of brackets takes it seconds). Files with fewer brackets than the
 * limit cannot nest that deep and skip the lexer.
 */
function flowDepthProblem(content: string): YamlProblem | undefined {
  let brackets = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      brackets += 1;
    }
  }
  if (brackets <= YAML_LIMITS.maxDepth) {
    return undefined;
  }
  let depth = 0;
  let line = 1;
  for (const token of new Lexer().lex(content)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > YAML_LIMITS.maxDepth) {
        return { line, message: tooDeepMessage() };
      }
    } else if (token === ']' || token === '}') {
      depth -= 1;
    } else {
      // The lexer's tokens are the source plus control characters, so its line
      // breaks are the file's.
      for (
        let i = token.indexOf('\n');
        i >= 0;
        i = token.indexOf('\n', i + 1)
      ) {
        line += 1;
      }
    }
  }
  return undefined;
}

/**
 * Nesting past the limit and keys repeated in one map (what the parser's `uniqueKeys`
 * reports, in linear time), walking the document without recursion.
 */
function structureProblem(
  doc: Document,
  lineCounter: LineCounter,
): YamlProblem | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [
    { node: doc.contents, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) {
      continue;
    }
    if (depth >= YAML_LIMITS.maxDepth) {
      return {
        line: lineOf(node, lineCounter),
        message: tooDeepMessage(),
      };
    }
    if (isSeq(node)) {
      for (const item of node.items) {
        stack.push({ node: item, depth: depth + 1 });
      }
      continue;
    }
    const keys = new Set<unknown>();
    for (const pair of node.items) {
      if (!isPair(pair)) {
        continue;
      }
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (keys.has(key)) {
        return {
          line: lineOf(pair.key as Node, lineCounter),
          message: 'invalid YAML: Map keys must be unique',
        };
      }
      keys.add(key);
      stack.push({ node: pair.key, depth: depth + 1 });
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return undefined;
}

function firstAlias(doc: Document): (Node & { source: string }) | undefined {
  const stack: unknown[] = [doc.contents];
  let first: (Node & { source: string }) | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (!first || (node.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) {
        first = node;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        stack.push(item);
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        stack.push(pair.key, pair.value);
      }
    }
  }
  return first;
}

function lineOf(
  node: { range?: [number, number, number] | null } | null | undefined,
  lineCounter: LineCounter,
): number | undefined {
  return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
}
