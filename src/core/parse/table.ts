/**
 * Tables without brackets: CSV, TSV and whitespace-separated columns, one row per line.
 *
 * - Delimiter: the first non-blank line decides — a tab: `tsv`; a comma: `csv`; else `whitespace`.
 * - Header: if the first non-blank line holds anything that is not a number, it is a header row of
 *   names (a leading `#`, as `np.savetxt(header=...)` writes, and quotes are dropped): `columnLabels`.
 * - Empty CSV/TSV cells are NaN (with a warning). Blank lines are skipped.
 * - The result is always 2-D `[rows, columns]`, except one bare number, which is a `scalar`.
 * - MATLAB's display `A =` on its own first line is skipped (kept as `attributes.name`); a MATLAB
 *   common-factor line like `1.0e+03 *` multiplies the rows after it (with a warning: not exact).
 */
import type { ParseContext } from "./context";
import { quoteAt } from "./errors";
import { finish } from "./finish";
import { itemError } from "./nested";
import { readNumber, tok } from "./number";
import type { ParsedNumbers } from "./types";

export type TableFormat = "csv" | "tsv" | "whitespace";

function lineEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      return i;
    }
    i++;
  }
  return end;
}

function nextLine(text: string, le: number): number {
  if (text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10) {
    return le + 2;
  }
  return le + 1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Detects the delimiter from the first non-blank line of [s, e). */
export function detectTable(text: string, s: number, e: number): TableFormat {
  const le = lineEnd(text, s, e);
  let comma = false;
  for (let i = s; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) {
      return "tsv";
    }
    if (c === 44) {
      comma = true;
    }
  }
  return comma ? "csv" : "whitespace";
}

/** `ident =` alone on a line (MATLAB/Octave display). */
function matlabName(text: string, ls: number, le: number): string | null {
  let i = ls;
  while (i < le && isBlank(text.charCodeAt(i))) {
    i++;
  }
  const k0 = i;
  while (i < le) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57 && i > k0)) {
      i++;
    } else {
      break;
    }
  }
  if (i === k0) {
    return null;
  }
  const name = text.slice(k0, i);
  while (i < le && isBlank(text.charCodeAt(i))) {
    i++;
  }
  if (text.charCodeAt(i) !== 61) {
    return null;
  }
  i++;
  while (i < le && isBlank(text.charCodeAt(i))) {
    i++;
  }
  return i === le ? name : null;
}

/** `1.0e+03 *` alone on a line: MATLAB's common scale factor; returns it or NaN. */
function scaleLine(text: string, ls: number, le: number): number {
  let i = ls;
  while (i < le && isBlank(text.charCodeAt(i))) {
    i++;
  }
  const e = readNumber(text, i);
  if (e < 0) {
    return NaN;
  }
  const v = tok.value;
  let j = e;
  while (j < le && isBlank(text.charCodeAt(j))) {
    j++;
  }
  if (text.charCodeAt(j) !== 42) {
    return NaN;
  }
  j++;
  while (j < le && isBlank(text.charCodeAt(j))) {
    j++;
  }
  return j === le ? v : NaN;
}

/** Reads a table in [s, e). */
export function readTable(ctx: ParseContext, s: number, e: number, fmt: TableFormat, forced: boolean): ParsedNumbers {
  const text = ctx.text;
  const delim = fmt === "csv" ? 44 : fmt === "tsv" ? 9 : -1;
  let labels: string[] | undefined;
  let cols = -1;
  let rows = 0;
  let empties = 0;
  let scale = 1;
  let scaled = false;
  let name: string | undefined;
  let first = true;
  let sawDelim = false;
  let lines = 0;
  let firstBad = -1;
  let firstBadEnd = -1;
  let i = s;
  while (i <= e) {
    const ls = i;
    const le = lineEnd(text, i, e);
    i = nextLine(text, le);
    let p = ls;
    while (p < le && isBlank(text.charCodeAt(p))) {
      p++;
    }
    if (p === le) {
      continue;
    }
    if (fmt === "whitespace") {
      if (first && name === undefined) {
        const n = matlabName(text, ls, le);
        if (n !== null) {
          name = n;
          continue;
        }
      }
      const f = scaleLine(text, ls, le);
      if (f === f) {
        scale = f;
        scaled = true;
        continue;
      }
    }
    lines++;
    const rowStart = ctx.n;
    let count = 0;
    let bad = -1;
    let badEnd = -1;
    let q = p;
    if (delim < 0) {
      for (;;) {
        while (q < le && isBlank(text.charCodeAt(q))) {
          q++;
        }
        if (q >= le) {
          break;
        }
        const t = readNumber(text, q);
        if (t > 0 && (t === le || isBlank(text.charCodeAt(t)))) {
          ctx.push(tok.value * scale, q);
          count++;
          q = t;
        } else {
          if (bad < 0) {
            bad = q;
            badEnd = t;
          }
          while (q < le && !isBlank(text.charCodeAt(q))) {
            q++;
          }
          count++;
        }
      }
    } else {
      for (;;) {
        let fe = q;
        while (fe < le && text.charCodeAt(fe) !== delim) {
          fe++;
        }
        let a = q;
        let b = fe;
        while (a < b && isBlank(text.charCodeAt(a))) {
          a++;
        }
        while (b > a && isBlank(text.charCodeAt(b - 1))) {
          b--;
        }
        if (a === b) {
          ctx.push(NaN, a);
          empties++;
        } else {
          const t = readNumber(text, a);
          if (t === b) {
            ctx.push(tok.value, a);
          } else if (bad < 0) {
            bad = a;
            badEnd = t;
          }
        }
        count++;
        if (fe >= le) {
          break;
        }
        sawDelim = true;
        q = fe + 1;
      }
    }
    if (bad >= 0) {
      if (!first) {
        throw itemError(ctx, bad, badEnd);
      }
      ctx.n = rowStart;
      firstBad = bad;
      firstBadEnd = badEnd;
      labels = readLabels(ctx, p, le, delim);
      first = false;
      continue;
    }
    if (cols < 0) {
      cols = count;
    } else if (count !== cols) {
      throw ctx.error(`ragged rows: row ${rows + 1} has ${count} value${count === 1 ? "" : "s"}, row 1 has ${cols}`, p);
    }
    rows++;
    first = false;
  }
  if (rows === 0) {
    if (firstBad >= 0 && lines === 1) {
      throw itemError(ctx, firstBad, firstBadEnd);
    }
    throw ctx.error(labels ? "no numbers: only a header row" : "no numbers in the selection", s);
  }
  if (labels && labels.length !== cols) {
    throw ctx.error(`the header has ${labels.length} names but the rows have ${cols} values`, s);
  }
  if (empties > 0) {
    ctx.warnings.push(`${empties} empty cell${empties === 1 ? "" : "s"} read as NaN`);
  }
  if (scaled) {
    ctx.warnings.push(`values multiplied by the common factor ${scale} that MATLAB printed (rounded, not exact)`);
  }
  const attributes = name !== undefined ? { name } : undefined;
  if (!forced && rows === 1 && cols === 1 && !labels && !sawDelim && !scaled && name === undefined) {
    return finish(ctx, { format: "scalar", shape: [], gaps: [] });
  }
  return finish(ctx, { format: fmt, shape: [rows, cols], gaps: [], columnLabels: labels, attributes });
}

function readLabels(ctx: ParseContext, p: number, le: number, delim: number): string[] {
  const text = ctx.text;
  if (text.charCodeAt(p) === 35) {
    p++; // '#' of np.savetxt's header
  }
  for (let k = p; k < le; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 || c === 93 || c === 40 || c === 41 || c === 123 || c === 125) {
      throw ctx.error(`unexpected ${quoteAt(text, k)}`, k);
    }
  }
  const line = text.slice(p, le);
  if (delim >= 0) {
    return splitQuoted(line, String.fromCharCode(delim));
  }
  return line
    .trim()
    .split(/[ \t]+/)
    .map((x) => (x.length >= 2 && (x[0] === '"' || x[0] === "'") && x[x.length - 1] === x[0] ? x.slice(1, -1) : x));
}

/**
 * A CSV/TSV header line split at `delim` as Python's csv module writes it: a field in double quotes may hold the
 * delimiter, and `""` inside it is one quote; single-quoted names (as some tools write) lose their quotes too.
 */
function splitQuoted(line: string, delim: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      wasQuoted = true;
      field = "";
    } else if (c === delim) {
      out.push(wasQuoted ? field : unquoteSingle(field.trim()));
      field = "";
      wasQuoted = false;
    } else if (!(wasQuoted && (c === " " || c === "\t"))) {
      field += c;
    }
  }
  out.push(wasQuoted ? field : unquoteSingle(field.trim()));
  return out;
}

function unquoteSingle(t: string): string {
  return t.length >= 2 && t[0] === "'" && t[t.length - 1] === "'" ? t.slice(1, -1) : t;
}
