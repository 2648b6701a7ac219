/**
 * The structure of a JavaScript regular expression, as far as its matching cost goes:
 * what repeats, what branches, and what this check refuses outright.
 */
export type RegexNode =
  | { type: 'char' }
  | { type: 'assertion'; text: string }
  | { type: 'backreference'; text: string }
  | {
      type: 'group';
      alternatives: RegexNode[][];
      lookaround: boolean;
      text: string;
    }
  | { type: 'repeat'; node: RegexNode; min: number; max: number; text: string };

const QUANTIFIER_BRACES = /^\{(\d+)(,(\d*))?\}/;

/**
 * Reads a pattern that RegExp accepts (no flags, so Annex B syntax: a `{` that starts no
 * quantifier is a literal) into RegexNodes. Characters, classes and escapes that match
 * one character are all `char`: only the structure matters here.
 */
export class RegexParser {
  #pos = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    return {
      type: 'group',
      alternatives: this.#alternatives(),
      lookaround: false,
      text: this.source,
    };
  }

  #alternatives(): RegexNode[][] {
    const alternatives: RegexNode[][] = [[]];
    while (this.#pos < this.source.length) {
      const c = this.source[this.#pos];
      if (c === ')') {
        break;
      }
      if (c === '|') {
        this.#pos += 1;
        alternatives.push([]);
        continue;
      }
      const start = this.#pos;
      const atom = this.#atom();
      alternatives[alternatives.length - 1].push(this.#quantified(atom, start));
    }
    return alternatives;
  }

  #atom(): RegexNode {
    const c = this.source[this.#pos];
    switch (c) {
      case '^':
      case '$':
        this.#pos += 1;
        return { type: 'assertion', text: c };
      case '(':
        return this.#group();
      case '[':
        this.#skipClass();
        return { type: 'char' };
      case '\\':
        return this.#escape();
      default:
        this.#pos += 1;
        return { type: 'char' };
    }
  }

  #group(): RegexNode {
    const start = this.#pos;
    this.#pos += 1;
    const rest = this.source.slice(this.#pos, this.#pos + 3);
    let lookaround = false;
    if (rest.startsWith('?=') || rest.startsWith('?!')) {
      lookaround = true;
      this.#pos += 2;
    } else if (rest === '?<=' || rest === '?<!') {
      lookaround = true;
      this.#pos += 3;
    } else if (rest.startsWith('?<')) {
      this.#pos = this.source.indexOf('>', this.#pos) + 1;
    } else if (rest.startsWith('?')) {
      // (?:…) and modifier groups such as (?i:…)
      this.#pos = this.source.indexOf(':', this.#pos) + 1;
    }
    const alternatives = this.#alternatives();
    this.#pos += 1;
    return {
      type: 'group',
      alternatives,
      lookaround,
      text: this.source.slice(start, this.#pos),
    };
  }

  #skipClass(): void {
    this.#pos += 1;
    while (this.#pos < this.source.length && this.source[this.#pos] !== ']') {
      this.#pos += this.source[this.#pos] === '\\' ? 2 : 1;
    }
    this.#pos += 1;
  }

  #escape(): RegexNode {
    const start = this.#pos;
    this.#pos += 1;
    const c = this.source[this.#pos] ?? '';
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.source[this.#pos] ?? '')) {
        this.#pos += 1;
      }
      return {
        type: 'backreference',
        text: this.source.slice(start, this.#pos),
      };
    }
    if (c === 'k' && this.source[this.#pos + 1] === '<') {
      const end = this.source.indexOf('>', this.#pos);
      this.#pos = end < 0 ? this.#pos + 1 : end + 1;
      return {
        type: 'backreference',
        text: this.source.slice(start, this.#pos),
      };
    }
    if (c === 'b' || c === 'B') {
      this.#pos += 1;
      return { type: 'assertion', text: `\\${c}` };
    }
    const fixedLength: Record<string, RegExp> = {
      u: /^u[0-9a-fA-F]{4}/,
      x: /^x[0-9a-fA-F]{2}/,
      c: /^c[A-Za-z]/,
      '0': /^0[0-7]{0,2}/,
    };
    const match = fixedLength[c]?.exec(
      this.source.slice(this.#pos, this.#pos + 5),
    );
    this.#pos += match ? match[0].length : 1;
    return { type: 'char' };
  }

  #quantified(atom: RegexNode, start: number): RegexNode {
    const c = this.source[this.#pos];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.#pos += 1;
    } else if (c === '{') {
      const match = QUANTIFIER_BRACES.exec(
        this.source.slice(this.#pos, this.#pos + 40),
      );
      if (!match) {
        return atom;
      }
      min = Number(match[1]);
      if (match[2] === undefined) {
        max = min;
      } else {
        max = match[3] === '' ? Infinity : Number(match[3]);
      }
      this.#pos += match[0].length;
    } else {
      return atom;
    }
    if (this.source[this.#pos] === '?') {
      this.#pos += 1;
    }
    return {
      type: 'repeat',
      node: atom,
      min,
      max,
      text: this.source.slice(start, this.#pos),
    };
  }
}
