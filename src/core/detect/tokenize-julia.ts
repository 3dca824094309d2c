/**
 * Julia tokenizer: names (Unicode, `!`, subscripts, primes: `σ`, `hardσ`, `push!`), numbers (`1f0`, `1e-3`, `0x1F`),
 * strings `"…"` / `"""…"""` and commands `` `…` `` with `$(…)` interpolation (one token; nesting skipped with an explicit
 * stack), string macros (`raw"…"`, `r"…"`: no interpolation), character literals vs. the adjoint `'`, `#` and nested
 * `#= =#` comments, punctuation. Linear time; never throws.
 */
import { cpLength, decodeEscapes, isDigit, isIdentStart, isSpace, scanIdent, scanNumber, scanPunct } from "./scan";
import { token } from "./tokens";
import type { Token } from "./tokens";

const OPS3 = new Set(["...", "===", "!==", "<:=", ".==", "//="]);
const OPS2 = new Set(["=>", "->", "==", "!=", "<=", ">=", "::", "//", "&&", "||", "|>", "<|", "+=", "-=", "*=", "/=", "^=", "÷=", "<:", ">:", ".="]);
const NUMBER_RULES = { exponent: "eEfF", suffix: "" };

/** Skips a `#= … =#` comment (nestable) starting at `i`. */
function skipBlockComment(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    if (src[j] === "#" && src[j + 1] === "=") {
      depth++;
      j += 2;
    } else if (src[j] === "=" && src[j + 1] === "#") {
      depth--;
      j += 2;
      if (depth === 0) {
        return j;
      }
    } else {
      j++;
    }
  }
  return src.length;
}

/**
 * End of the string or command starting at `i` (at its opening quote or backtick). `interpolate` is false for string
 * macros (`raw"…"`). Nested strings inside `$( … )` are followed with an explicit stack of frames.
 */
function scanString(src: string, i: number, interpolate: boolean): { end: number; interpolated: boolean; bodyStart: number; bodyEnd: number } {
  const n = src.length;
  const q0 = src[i];
  const triple0 = src[i + 1] === q0 && src[i + 2] === q0;
  type Frame = { readonly kind: "str"; readonly q: string; readonly triple: boolean } | { kind: "code"; depth: number };
  const stack: Frame[] = [{ kind: "str", q: q0, triple: triple0 }];
  let interpolated = false;
  const bodyStart = i + (triple0 ? 3 : 1);
  let bodyEnd = n;
  let j = bodyStart;
  while (j < n && stack.length > 0) {
    const top = stack[stack.length - 1];
    const ch = src[j];
    if (top.kind === "str") {
      if (ch === "\\") {
        j += 2;
      } else if (ch === top.q && (!top.triple || (src[j + 1] === top.q && src[j + 2] === top.q))) {
        if (stack.length === 1) {
          bodyEnd = j;
        }
        stack.pop();
        j += top.triple ? 3 : 1;
      } else if (interpolate && ch === "$" && src[j + 1] === "(") {
        stack.push({ kind: "code", depth: 0 });
        interpolated = true;
        j += 2;
      } else {
        if (interpolate && ch === "$") {
          interpolated = true;
        }
        j++;
      }
      continue;
    }
    if (ch === "#") {
      if (src[j + 1] === "=") {
        j = skipBlockComment(src, j);
      } else {
        while (j < n && src[j] !== "\n") {
          j++;
        }
      }
    } else if (ch === '"' || ch === "`") {
      const triple = src[j + 1] === ch && src[j + 2] === ch;
      stack.push({ kind: "str", q: ch, triple });
      j += triple ? 3 : 1;
    } else if (ch === "(") {
      top.depth++;
      j++;
    } else if (ch === ")") {
      if (top.depth === 0) {
        stack.pop();
      } else {
        top.depth--;
      }
      j++;
    } else {
      j++;
    }
  }
  return { end: Math.min(j, n), interpolated, bodyStart, bodyEnd: Math.min(bodyEnd, n) };
}

/** End of a character literal at `i` (`'a'`, `'\n'`, `'\u2200'`), or -1 when `'` is not one. */
function scanChar(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === "\\") {
    const limit = Math.min(src.length, j + 12);
    for (j += 2; j < limit; j++) {
      if (src[j] === "'") {
        return j + 1;
      }
      if (src[j] === "\n") {
        return -1;
      }
    }
    return -1;
  }
  if (j >= src.length || src[j] === "\n" || src[j] === "'") {
    return -1;
  }
  j += cpLength(src, j);
  return src[j] === "'" ? j + 1 : -1;
}

export function tokenizeJulia(src: string): Token[] {
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
      if (src.charCodeAt(i + 1) === 61) {
        i = skipBlockComment(src, i);
      } else {
        while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) {
          i++;
        }
      }
      space = true;
      continue;
    }
    const start = i;
    const prev = tokens[tokens.length - 1];
    if (c === 34 /* " */ || c === 96 /* ` */) {
      // A name glued to the quote makes a string macro (raw"…", r"…", b"…"): no interpolation, not a plain literal.
      const macro = prev !== undefined && prev.kind === "name" && prev.end === i;
      const { end, interpolated, bodyStart, bodyEnd } = scanString(src, i, !macro);
      const text = src.slice(start, end);
      if (macro || interpolated || c === 96) {
        tokens.push(token("string", start, end, text, space));
      } else {
        tokens.push(token("string", start, end, text, space, decodeEscapes(src.slice(bodyStart, bodyEnd))));
      }
      space = false;
      i = Math.max(end, i + 1);
      continue;
    }
    if (c === 39 /* ' */) {
      const adjoint =
        !space && prev !== undefined && (prev.kind === "name" || prev.kind === "number" || [")", "]", "}", "'"].includes(prev.text));
      const end = adjoint ? -1 : scanChar(src, i);
      if (end > 0) {
        tokens.push(token("string", start, end, src.slice(start, end), space, decodeEscapes(src.slice(start + 1, end - 1))));
        space = false;
        i = end;
        continue;
      }
      tokens.push(token("punct", start, i + 1, "'", space));
      space = false;
      i++;
      continue;
    }
    if (isIdentStart(src, i)) {
      const end = scanIdent(src, i, "", true);
      tokens.push(token("name", start, end, src.slice(start, end), space));
      space = false;
      i = end;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)) && !(prev && !space && (prev.kind === "name" || prev.text === ")")))) {
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
