/**
 * Python tokenizer: names, numbers, strings (all prefixes: r, b, u, f, t and combinations; single, double and triple
 * quotes), punctuation. Skips `#` comments and line continuations. Linear time; never throws: an unterminated string
 * ends at the end of its line (single-quoted) or of the text (triple-quoted).
 * Known simplification: Python 3.12 f-strings that nest the same quote inside `{}` end early.
 */
import { cpLength, decodeEscapes, isDigit, isIdentStart, isSpace, scanIdent, scanNumber, scanPunct } from "./scan";
import { token } from "./tokens";
import type { Token } from "./tokens";

const OPS3 = new Set(["**=", "//=", ">>=", "<<=", "..."]);
const OPS2 = new Set(["**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>"]);
const NUMBER_RULES = { exponent: "eE", suffix: "jJ" };
const STRING_PREFIX = /^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;

/** Scans a quoted body from `i` (just after the opening quote). Returns [bodyEnd, tokenEnd]. */
function scanQuoted(src: string, i: number, quote: string, triple: boolean): [number, number] {
  const n = src.length;
  let j = i;
  while (j < n) {
    const ch = src[j];
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (ch === quote) {
      if (!triple) {
        return [j, j + 1];
      }
      if (src[j + 1] === quote && src[j + 2] === quote) {
        return [j, j + 3];
      }
    } else if (!triple && (ch === "\n" || ch === "\r")) {
      return [j, j];
    }
    j++;
  }
  return [n, n];
}

export function tokenizePython(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  let space = true;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) {
        i++;
      }
      space = true;
      continue;
    }
    if (c === 92 /* \ */ && (src.charCodeAt(i + 1) === 10 || src.charCodeAt(i + 1) === 13)) {
      i += 2;
      space = true;
      continue;
    }
    const start = i;
    let prefix = "";
    if (isIdentStart(src, i)) {
      const end = scanIdent(src, i);
      const word = src.slice(i, end);
      const q = src[end];
      if ((q === '"' || q === "'") && STRING_PREFIX.test(word)) {
        prefix = word.toLowerCase();
        i = end;
      } else {
        tokens.push(token("name", start, end, word, space));
        space = false;
        i = end;
        continue;
      }
    }
    const ch = src[i];
    if (ch === '"' || ch === "'") {
      const triple = src[i + 1] === ch && src[i + 2] === ch;
      const bodyStart = i + (triple ? 3 : 1);
      const [bodyEnd, end] = scanQuoted(src, bodyStart, ch, triple);
      const text = src.slice(start, end);
      const plain = !prefix.includes("f") && !prefix.includes("t") && !prefix.includes("b");
      const body = src.slice(bodyStart, bodyEnd);
      const value = plain ? (prefix.includes("r") ? body : decodeEscapes(body)) : undefined;
      tokens.push(token("string", start, end, text, space, value));
      space = false;
      i = Math.max(end, i + 1);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      const end = scanNumber(src, i, NUMBER_RULES);
      tokens.push(token("number", start, end, src.slice(start, end), space));
      space = false;
      i = end;
      continue;
    }
    const end = c < 128 ? scanPunct(src, i, OPS3, OPS2) : i + cpLength(src, i);
    tokens.push(token("punct", start, end, src.slice(start, end), space));
    space = false;
    i = end;
  }
  return tokens;
}
