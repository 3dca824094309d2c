/**
 * Tokens of the small per-language tokenizers (Python, JS/TS, Julia). Comments are dropped; a whole string literal
 * (including f-strings, template literals and Julia interpolations) is one `string` token; everything else is a
 * `name`, `number` or `punct` token. Offsets are UTF-16 indices into the document text.
 */

export type TokenKind = "name" | "number" | "string" | "punct";

export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** Source text (for strings: the raw literal, quotes and prefixes included). */
  readonly text: string;
  /**
   * Strings: the decoded value of a plain literal; `undefined` for f-strings, byte strings, template literals with
   * substitutions, interpolated Julia strings and string macros (not literals).
   */
  readonly value?: string;
  /** Whitespace or a comment comes right before this token. */
  readonly space: boolean;
}

/** Makes a token; every token has the same shape (one hidden class), `value` only set on literal strings. */
export function token(kind: TokenKind, start: number, end: number, text: string, space: boolean, value?: string): Token {
  return { kind, start, end, text, value, space };
}

/** A token list with its bracket structure. */
export interface TokenStream {
  readonly tokens: readonly Token[];
  /** For an opening or closing bracket, the index of its partner; -1 when unmatched or not a bracket. */
  readonly match: Int32Array;
  /** Index of the innermost enclosing opening bracket of each token; -1 at top level. */
  readonly parent: Int32Array;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSE: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** Matches brackets in one pass (a stack; a mismatched closer is left unmatched and does not pop). */
export function buildStream(tokens: readonly Token[]): TokenStream {
  const n = tokens.length;
  const match = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const top = stack.length > 0 ? stack[stack.length - 1] : -1;
    if (t.kind === "punct" && CLOSE[t.text] !== undefined) {
      if (top >= 0 && tokens[top].text === CLOSE[t.text]) {
        stack.pop();
        match[i] = top;
        match[top] = i;
        parent[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
        continue;
      }
    }
    parent[i] = top;
    if (t.kind === "punct" && OPEN[t.text] !== undefined) {
      stack.push(i);
    }
  }
  return { tokens, match, parent };
}

/** True when token `t` is the punctuation `text`. */
export function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === "punct" && t.text === text;
}

/** True when token `t` is the name `text` (or any name when `text` is omitted). */
export function isName(t: Token | undefined, text?: string): boolean {
  return t !== undefined && t.kind === "name" && (text === undefined || t.text === text);
}
