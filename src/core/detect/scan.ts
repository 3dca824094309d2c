/**
 * Character-level helpers shared by the tokenizers. Every scanner moves strictly forward, so tokenizing is linear in
 * the text length (no regular expressions over unbounded input; per-character Unicode property tests only).
 */

const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;
/** Julia also allows subscripts/superscripts (No), primes and a few symbols inside identifiers. */
const JULIA_EXTRA = /[\p{No}\p{Sk}′″‴]/u;

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** Length (1 or 2 UTF-16 units) of the code point at `i`. */
export function cpLength(src: string, i: number): number {
  const c = src.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < src.length ? 2 : 1;
}

function cpAt(src: string, i: number): string {
  return src.slice(i, i + cpLength(src, i));
}

/** Identifier start: ASCII letter, `_`, `extra` characters (`$` for JS), or a Unicode ID_Start code point. */
export function isIdentStart(src: string, i: number, extra = ""): boolean {
  const c = src.charCodeAt(i);
  if (isAsciiLetter(c) || c === 95) {
    return true;
  }
  if (c < 128) {
    return extra.length > 0 && extra.includes(src[i]);
  }
  return ID_START.test(cpAt(src, i));
}

/** Identifier continuation; `julia` adds `!` (not before `=`), subscripts and primes. */
export function isIdentPart(src: string, i: number, extra = "", julia = false): boolean {
  const c = src.charCodeAt(i);
  if (isAsciiLetter(c) || isDigit(c) || c === 95) {
    return true;
  }
  if (c < 128) {
    if (julia && c === 33) {
      return src.charCodeAt(i + 1) !== 61;
    }
    return extra.length > 0 && extra.includes(src[i]);
  }
  const cp = cpAt(src, i);
  return ID_CONTINUE.test(cp) || (julia && (ID_START.test(cp) || JULIA_EXTRA.test(cp)));
}

/** End of the identifier starting at `i`. ASCII fast path; Unicode property tests only for non-ASCII characters. */
export function scanIdent(src: string, i: number, extra = "", julia = false): number {
  const n = src.length;
  let j = i + cpLength(src, i);
  while (j < n) {
    const c = src.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) {
      j++;
    } else if (isIdentPart(src, j, extra, julia)) {
      j += cpLength(src, j);
    } else {
      break;
    }
  }
  return j;
}

export interface NumberRules {
  /** Letters allowed as exponent markers (`eE`, Julia also `fF`). */
  readonly exponent: string;
  /** Letters allowed as a suffix (`jJ` Python imaginary, `n` JS BigInt). */
  readonly suffix: string;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** End of the number literal starting at `i` (a digit, or `.` followed by a digit). */
export function scanNumber(src: string, i: number, rules: NumberRules): number {
  const n = src.length;
  let j = i;
  const c0 = src.charCodeAt(j);
  const c1 = src.charCodeAt(j + 1);
  if (c0 === 48 && (c1 === 120 || c1 === 88 || c1 === 98 || c1 === 66 || c1 === 111 || c1 === 79)) {
    j += 2;
    while (j < n && (isHex(src.charCodeAt(j)) || src.charCodeAt(j) === 95)) {
      j++;
    }
    return j;
  }
  while (j < n && (isDigit(src.charCodeAt(j)) || src.charCodeAt(j) === 95)) {
    j++;
  }
  if (src.charCodeAt(j) === 46) {
    const next = src.charCodeAt(j + 1);
    // `1.5`, `1.` — but not `1..2`, `1.real`, `x[1.:2]` style member access or ranges.
    if (isDigit(next)) {
      j++;
      while (j < n && (isDigit(src.charCodeAt(j)) || src.charCodeAt(j) === 95)) {
        j++;
      }
    } else if (next !== 46 && !isAsciiLetter(next) && next !== 95) {
      j++;
    } else if (rules.exponent.includes(src[j + 1] ?? "\0") && (isDigit(src.charCodeAt(j + 2)) || src[j + 2] === "-" || src[j + 2] === "+")) {
      j++;
    }
  }
  if (j < n && rules.exponent.includes(src[j])) {
    let k = j + 1;
    if (src[k] === "+" || src[k] === "-") {
      k++;
    }
    if (isDigit(src.charCodeAt(k))) {
      j = k;
      while (j < n && (isDigit(src.charCodeAt(j)) || src.charCodeAt(j) === 95)) {
        j++;
      }
    }
  }
  if (j < n && rules.suffix.includes(src[j])) {
    j++;
  }
  return j;
}

/** Brackets and separators never start a multi-character operator. */
function isSimplePunct(c: number): boolean {
  return c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59;
}

/** Longest operator from `ops` (lengths 3, 2) at `i`, else one character. */
export function scanPunct(src: string, i: number, ops3: ReadonlySet<string>, ops2: ReadonlySet<string>): number {
  const c = src.charCodeAt(i);
  if (isSimplePunct(c) || (c === 46 /* . */ && src.charCodeAt(i + 1) !== 46 && src.charCodeAt(i + 1) !== 61)) {
    return i + 1;
  }
  if (ops3.has(src.slice(i, i + 3))) {
    return i + 3;
  }
  if (ops2.has(src.slice(i, i + 2))) {
    return i + 2;
  }
  return i + cpLength(src, i);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f", v: "\v", a: "\x07" };

/** Decodes the body of a quoted literal: common backslash escapes; unknown escapes keep the character. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) {
    return body;
  }
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === "\n") {
      continue;
    }
    out += SIMPLE_ESCAPES[e] ?? e;
  }
  return out;
}
