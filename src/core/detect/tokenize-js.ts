/**
 * JavaScript / TypeScript (and JSX/TSX) tokenizer: names, numbers, strings, template literals (one token, nested
 * `${}` skipped with an explicit stack), regular-expression literals (by the usual previous-token heuristic),
 * punctuation; `//` and `/* *\/` comments skipped. Linear time; never throws. JSX text is tokenized as code (an
 * apostrophe in JSX text starts a string that ends at the end of its line).
 */
import { cpLength, decodeEscapes, isDigit, isIdentPart, isIdentStart, isSpace, scanIdent, scanNumber, scanPunct } from "./scan";
import { token } from "./tokens";
import type { Token } from "./tokens";

const OPS3 = new Set(["===", "!==", "**=", "...", "<<=", ">>=", ">>>", "&&=", "||=", "??="]);
const OPS2 = new Set(["=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>"]);
const NUMBER_RULES = { exponent: "eE", suffix: "n" };
/** After these keywords a `/` starts a regular expression. */
const REGEX_AFTER_WORD = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

/** End of a '...' or "..." string starting at `i`; ends early (unterminated) at a line break. */
function scanQuoted(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    const ch = src[j];
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (ch === q) {
      return j + 1;
    }
    if (ch === "\n" || ch === "\r") {
      return j;
    }
    j++;
  }
  return src.length;
}

/** End of the template literal starting at `i`, and whether it has substitutions. Explicit stack: no recursion. */
function scanTemplate(src: string, i: number): { end: number; substitutions: boolean } {
  const n = src.length;
  const TEMPLATE = -1;
  const stack: number[] = [TEMPLATE];
  let substitutions = false;
  let j = i + 1;
  while (j < n && stack.length > 0) {
    const top = stack[stack.length - 1];
    const ch = src[j];
    if (top === TEMPLATE) {
      if (ch === "\\") {
        j += 2;
      } else if (ch === "`") {
        stack.pop();
        j++;
      } else if (ch === "$" && src[j + 1] === "{") {
        stack.push(0);
        substitutions = true;
        j += 2;
      } else {
        j++;
      }
      continue;
    }
    // code inside ${ }: brace depth in the frame
    if (ch === "/" && src[j + 1] === "/") {
      while (j < n && src[j] !== "\n") {
        j++;
      }
    } else if (ch === "/" && src[j + 1] === "*") {
      const close = src.indexOf("*/", j + 2);
      j = close < 0 ? n : close + 2;
    } else if (ch === "'" || ch === '"') {
      j = scanQuoted(src, j);
    } else if (ch === "`") {
      stack.push(TEMPLATE);
      j++;
    } else if (ch === "{") {
      stack[stack.length - 1] = top + 1;
      j++;
    } else if (ch === "}") {
      if (top === 0) {
        stack.pop();
      } else {
        stack[stack.length - 1] = top - 1;
      }
      j++;
    } else {
      j++;
    }
  }
  return { end: Math.min(j, n), substitutions };
}

/** End of a regular-expression literal at `i`, or -1 when it is not one (no closing `/` on the line). */
function scanRegex(src: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < src.length) {
    const ch = src[j];
    if (ch === "\n" || ch === "\r") {
      return -1;
    }
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (ch === "[") {
      inClass = true;
    } else if (ch === "]") {
      inClass = false;
    } else if (ch === "/" && !inClass) {
      j++;
      while (j < src.length && isIdentPart(src, j, "$")) {
        j += cpLength(src, j);
      }
      return j;
    }
    j++;
  }
  return -1;
}

function lineEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length && src[j] !== "\n" && src[j] !== "\r") {
    j++;
  }
  return j;
}

function regexAllowed(prev: Token | undefined): boolean {
  if (prev === undefined) {
    return true;
  }
  if (prev.kind === "name") {
    return REGEX_AFTER_WORD.has(prev.text);
  }
  if (prev.kind === "punct") {
    return prev.text !== ")" && prev.text !== "]" && prev.text !== "}";
  }
  return false;
}

export function tokenizeJs(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  let space = true;
  let regexFailedUntil = 0;
  if (src.startsWith("#!")) {
    while (i < n && src[i] !== "\n") {
      i++;
    }
  }
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    if (c === 47 /* / */) {
      const next = src.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) {
          i++;
        }
        space = true;
        continue;
      }
      if (next === 42) {
        const close = src.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        space = true;
        continue;
      }
      if (i >= regexFailedUntil && regexAllowed(tokens[tokens.length - 1])) {
        const end = scanRegex(src, i);
        if (end < 0) {
          // No regex closes on this line: do not rescan it from every later `/` (keeps pathological lines linear).
          regexFailedUntil = lineEnd(src, i);
        } else {
          tokens.push(token("string", start, end, src.slice(start, end), space));
          space = false;
          i = end;
          continue;
        }
      }
    }
    if (isIdentStart(src, i, "$")) {
      const end = scanIdent(src, i, "$");
      tokens.push(token("name", start, end, src.slice(start, end), space));
      space = false;
      i = end;
      continue;
    }
    if (c === 39 || c === 34) {
      const end = scanQuoted(src, i);
      const closed = end - start >= 2 && src[end - 1] === src[start];
      const body = src.slice(start + 1, closed ? end - 1 : end);
      tokens.push(token("string", start, end, src.slice(start, end), space, decodeEscapes(body)));
      space = false;
      i = Math.max(end, i + 1);
      continue;
    }
    if (c === 96 /* ` */) {
      const { end, substitutions } = scanTemplate(src, i);
      const text = src.slice(start, end);
      if (substitutions || end - start < 2 || src[end - 1] !== "`") {
        tokens.push(token("string", start, end, text, space));
      } else {
        tokens.push(token("string", start, end, text, space, decodeEscapes(src.slice(start + 1, end - 1))));
      }
      space = false;
      i = end;
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
