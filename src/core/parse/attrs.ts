/** Keyword arguments and shapes in prints: `, dtype=float32, device='cuda:0')`, `shape=(2, 2)`. */
import type { ParseContext } from "./context";
import { quoteAt } from "./errors";

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function skipSpace(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function isIdent(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57);
}

/** Reads a value at `i` up to `,`, whitespace or `stop` at bracket depth 0; returns its end. */
export function readValueEnd(ctx: ParseContext, i: number, stop: number): number {
  const text = ctx.text;
  const c0 = text.charCodeAt(i);
  if (c0 === 39 || c0 === 34) {
    const q = text.indexOf(String.fromCharCode(c0), i + 1);
    if (q < 0) {
      throw ctx.error("a quote that is not closed", i);
    }
    return q + 1;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123 || c === 60) {
      depth++;
    } else if (c === 41 || c === 93 || c === 125 || c === 62) {
      if (depth === 0) {
        break;
      }
      depth--;
    } else if (depth === 0 && (c === 44 || isSpace(c) || c === stop)) {
      break;
    } else if (c === 39 || c === 34) {
      const q = text.indexOf(String.fromCharCode(c), j + 1);
      if (q < 0) {
        throw ctx.error("a quote that is not closed", j);
      }
      j = q;
    }
    j++;
  }
  if (depth !== 0) {
    throw ctx.error("the selection seems to cut a tensor: a bracket in its arguments is not closed", i);
  }
  return j;
}

/**
 * Reads `, key=value, key=value` up to `close` (`)` or `>`), starting right after a value. Returns
 * the index after `close`. Values are kept verbatim in `attrs`.
 */
export function readKwargs(ctx: ParseContext, i: number, close: number, attrs: Record<string, string>, what: string): number {
  const text = ctx.text;
  for (;;) {
    i = skipSpace(text, i);
    const c = text.charCodeAt(i);
    if (c === close) {
      return i + 1;
    }
    if (c !== c) {
      throw ctx.error(`the selection seems to cut a tensor: the '${what}(' is not closed`, i);
    }
    if (c !== 44) {
      throw ctx.error(`expected ',' or '${String.fromCharCode(close)}', found ${quoteAt(text, i)}`, i);
    }
    i = skipSpace(text, i + 1);
    if (text.charCodeAt(i) === close) {
      return i + 1;
    }
    const k0 = i;
    while (isIdent(text.charCodeAt(i))) {
      i++;
    }
    if (i === k0 || text.charCodeAt(i) !== 61) {
      throw ctx.error(`expected a keyword argument like dtype=..., found ${quoteAt(text, k0)}`, k0);
    }
    const key = text.slice(k0, i);
    const v0 = skipSpace(text, i + 1);
    const v1 = readValueEnd(ctx, v0, close);
    attrs[key] = text.slice(v0, v1);
    i = v1;
  }
}

/** Parses a printed shape `(2, 2)`, `(3,)`, `()`, `[2, 2]`; null if it is not one (e.g. has `None`). */
export function parseShape(s: string): number[] | null {
  const t = s.trim();
  const o = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  if (!((o === 40 && last === 41) || (o === 91 && last === 93))) {
    return null;
  }
  const inner = t.slice(1, -1).trim();
  if (inner === "") {
    return [];
  }
  const out: number[] = [];
  for (const part of inner.split(",")) {
    const p = part.trim();
    if (p === "") {
      continue;
    }
    if (!/^[0-9]{1,15}$/.test(p)) {
      return null;
    }
    out.push(Number(p));
  }
  return out;
}
