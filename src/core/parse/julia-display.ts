/**
 * Julia's REPL display of arrays (`display(A)` / `show(stdout, "text/plain", A)`):
 *
 *     2×2 Matrix{Float64}:            3-element Vector{Float64}:      2×2×2 Array{Float64, 3}:
 *      1.0  2.0                        1.0                            [:, :, 1] =
 *      3.0  4.0                        2.0                             1.0  3.0
 *                                      3.0                             2.0  4.0
 *                                                                     (blank line, then [:, :, 2] = ...)
 *
 * The header states the full shape and the element type. A summarised display (too large for the
 * terminal) shows `…` in the column gap of some rows and a row of `⋮` (with `⋱`) for the row gap;
 * with `allowSummarized` the values are laid out at the full shape with NaN for what is left out.
 * For 3-D and higher, each `[:, :, k] =` block is the matrix `A[:, :, k]`; the result is row-major
 * over Julia's shape. Summarised displays of 3-D and higher are not read.
 */
import type { ParseContext } from "./context";
import { normalizeDtype } from "./dtype";
import { finish } from "./finish";
import { itemError } from "./nested";
import { readNumber, tok } from "./number";
import type { ParsedNumbers } from "./types";

const TIMES = 0xd7; // ×
const HDOTS = 0x2026; // …
const VDOTS = 0x22ee; // ⋮
const DDOTS = 0x22f1; // ⋱

export interface JuliaHeader {
  dims: number[];
  dtype: string | undefined;
  /** Index after the header line. */
  end: number;
}

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

/** Reads `2×3 Matrix{Float64}:` / `3-element Vector{Int64}:` at `s`, or null if it is not one. */
export function readJuliaHeader(text: string, s: number, e: number): JuliaHeader | null {
  const le = lineEnd(text, s, e);
  let i = s;
  const dims: number[] = [];
  for (;;) {
    const d0 = i;
    let v = 0;
    while (i < le && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
      v = v * 10 + text.charCodeAt(i) - 48;
      i++;
    }
    if (i === d0 || i - d0 > 15) {
      return null;
    }
    dims.push(v);
    if (text.charCodeAt(i) === TIMES) {
      i++;
      continue;
    }
    break;
  }
  if (dims.length === 1) {
    if (!text.startsWith("-element ", i)) {
      return null;
    }
  } else if (text.charCodeAt(i) !== 32) {
    return null;
  }
  let te = le;
  while (te > i && (text.charCodeAt(te - 1) === 32 || text.charCodeAt(te - 1) === 9)) {
    te--;
  }
  if (text.charCodeAt(te - 1) !== 58) {
    return null;
  }
  const type = text.slice(i, te - 1);
  let dtype: string | undefined;
  const w = type.indexOf("with eltype ");
  if (w >= 0) {
    dtype = normalizeDtype(type.slice(w + 12).trim());
  } else {
    const b = type.indexOf("{");
    if (b >= 0) {
      let k = b + 1;
      while (k < type.length && /[A-Za-z0-9_]/.test(type[k])) {
        k++;
      }
      dtype = normalizeDtype(type.slice(b + 1, k));
    } else if (/Bit(Vector|Matrix|Array)/.test(type)) {
      dtype = "bool";
    }
  }
  return { dims, dtype, end: le };
}

/** Reads the body of a Julia display after its header. */
export function readJuliaDisplay(ctx: ParseContext, s: number, e: number, h: JuliaHeader): ParsedNumbers {
  const text = ctx.text;
  if (h.dtype === "complex") {
    throw ctx.error("complex numbers are not supported", s);
  }
  const rank = h.dims.length;
  const cols = rank === 1 ? 1 : h.dims[1];
  let shownCols = -1;
  let colGap = -1;
  let rowGap = -1;
  let rows = 0;
  let i = h.end;
  let sliceOrder: number[] | null = null; // for rank ≥ 3: slice ordinal of each block
  let blockRows = 0;
  const sliceStarts: number[] = [];
  while (i < e) {
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      i++;
      continue;
    }
    const ls = i;
    const le = lineEnd(text, i, e);
    i = le;
    let p = ls;
    while (p < le && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) {
      p++;
    }
    if (p === le) {
      continue;
    }
    if (text.charCodeAt(p) === 91 && rank >= 3) {
      // "[:, :, k] ="
      const lab = text.slice(p, le).replace(/\s+/g, "");
      if (!/^\[:,:(,[0-9]+)+\]=$/.test(lab)) {
        throw ctx.error("expected a slice label like [:, :, 1] =", p);
      }
      const idx = lab.slice(5, -2).split(",").map(Number);
      let ord = 0;
      for (let k = idx.length - 1; k >= 0; k--) {
        ord = ord * h.dims[k + 2] + (idx[k] - 1);
      }
      if (idx.length !== rank - 2 || idx.some((v, k) => v < 1 || v > h.dims[k + 2])) {
        throw ctx.error("the slice label does not fit the shape in the header", p);
      }
      sliceOrder ??= [];
      if (sliceOrder.length > 0 && blockRows !== h.dims[0]) {
        throw ctx.error(`slice ${sliceOrder.length} has ${blockRows} rows, the header says ${h.dims[0]}`, p);
      }
      sliceOrder.push(ord);
      sliceStarts.push(ctx.n);
      blockRows = 0;
      continue;
    }
    if (rank >= 3 && sliceOrder === null) {
      throw ctx.error("expected a slice label like [:, :, 1] =", p);
    }
    // A row: numbers, maybe '…' (column gap), or only '⋮'/'⋱' (row gap).
    let count = 0;
    let q = p;
    let dotsOnly = true;
    let sawVdots = false;
    let hgapAt = -1;
    const rowStart = ctx.n;
    for (;;) {
      while (q < le && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) {
        q++;
      }
      if (q >= le) {
        break;
      }
      const c = text.charCodeAt(q);
      if (c === VDOTS || c === DDOTS) {
        sawVdots = true;
        q++;
        continue;
      }
      dotsOnly = false;
      if (c === HDOTS) {
        if (!ctx.allowSummarized) {
          throw ctx.summarizedError(q, "julia");
        }
        hgapAt = count;
        q++;
        continue;
      }
      const t = readNumber(text, q);
      if (t < 0 || !(t === le || text.charCodeAt(t) === 32 || text.charCodeAt(t) === 9)) {
        throw itemError(ctx, q, t);
      }
      ctx.push(tok.value, q);
      count++;
      q = t;
    }
    if (dotsOnly && sawVdots) {
      if (!ctx.allowSummarized) {
        throw ctx.summarizedError(p, "julia");
      }
      if (rank >= 3) {
        throw ctx.error("summarised Julia displays of 3-D and higher arrays are not read", p);
      }
      if (rowGap >= 0) {
        throw ctx.error("two '⋮' rows", p);
      }
      rowGap = rows;
      continue;
    }
    if (!dotsOnly && sawVdots) {
      throw ctx.error("unexpected '⋮' in a row of values", p);
    }
    if (hgapAt >= 0) {
      if (rank >= 3) {
        throw ctx.error("summarised Julia displays of 3-D and higher arrays are not read", p);
      }
      if (colGap >= 0 && colGap !== hgapAt) {
        throw ctx.error("summarised rows disagree on where '…' is", p);
      }
      colGap = hgapAt;
    }
    if (shownCols < 0) {
      shownCols = count;
    } else if (count !== shownCols) {
      ctx.n = rowStart;
      throw ctx.error(`ragged rows: row ${rows + 1} has ${count} values, row 1 has ${shownCols}`, p);
    }
    rows++;
    blockRows++;
  }
  const total = h.dims.reduce((a, b) => a * b, 1);
  if (rank >= 3) {
    const order = sliceOrder ?? [];
    if (blockRows !== h.dims[0] && order.length > 0) {
      throw ctx.error(`slice ${order.length} has ${blockRows} rows, the header says ${h.dims[0]}`, e);
    }
    if (order.length * h.dims[0] * Math.max(shownCols, 0) !== total || (total > 0 && shownCols !== h.dims[1])) {
      throw ctx.error(`the display does not hold the ${total} values its header states`, s);
    }
    // Scatter slices: block ord holds A[:, :, k...] with ord = k3 + d3·(k4 + ...) (0-based).
    const src = ctx.take();
    const inner = total / (h.dims[0] * h.dims[1]);
    const out = new Float64Array(total);
    for (let b = 0; b < order.length; b++) {
      const base = sliceStarts[b];
      const ord = order[b];
      // row-major index of trailing (k3, k4, ...) = sum k_m · prod(dims after m); ord is column-major.
      let rem = ord;
      let trailing = 0;
      const ks: number[] = [];
      for (let m = 2; m < rank; m++) {
        ks.push(rem % h.dims[m]);
        rem = Math.floor(rem / h.dims[m]);
      }
      for (let m = 2; m < rank; m++) {
        trailing = trailing * h.dims[m] + ks[m - 2];
      }
      for (let r = 0; r < h.dims[0]; r++) {
        for (let c = 0; c < h.dims[1]; c++) {
          out[(r * h.dims[1] + c) * inner + trailing] = src[base + r * h.dims[1] + c];
        }
      }
    }
    ctx.data = out;
    ctx.n = total;
    return finish(ctx, { format: "julia-display", shape: h.dims.slice(), gaps: [], dtype: h.dtype });
  }
  if (shownCols < 0) {
    shownCols = rank === 1 ? 1 : cols;
  }
  if (rank === 1 && shownCols !== 1) {
    throw ctx.error(`a ${h.dims[0]}-element vector shows one value per line, found ${shownCols}`, h.end);
  }
  // Compact layout with one NaN slot per gap, then let finish() lay it out at the full shape.
  const compactRows = rows + (rowGap >= 0 ? 1 : 0);
  const compactCols = shownCols + (colGap >= 0 ? 1 : 0);
  const gaps: { axis: number; start: number }[] = [];
  if (rowGap >= 0) {
    gaps.push({ axis: 0, start: rowGap });
  }
  if (colGap >= 0) {
    gaps.push({ axis: 1, start: colGap });
  }
  if (gaps.length > 0) {
    if (compactRows * compactCols > ctx.maxValues) {
      throw ctx.error(`too many values: more than ${ctx.maxValues} (the limit set by options.maxValues)`, s);
    }
    const src = ctx.take();
    const out = new Float64Array(compactRows * compactCols).fill(NaN);
    for (let r = 0; r < rows; r++) {
      const cr = rowGap >= 0 && r >= rowGap ? r + 1 : r;
      for (let c = 0; c < shownCols; c++) {
        const cc = colGap >= 0 && c >= colGap ? c + 1 : c;
        out[cr * compactCols + cc] = src[r * shownCols + c];
      }
    }
    ctx.data = out;
    ctx.n = out.length;
  } else if (rows !== h.dims[0] || (rank === 2 && shownCols !== h.dims[1])) {
    throw ctx.error(`the header states ${h.dims.join("×")} but the display shows ${rows}×${shownCols} values`, s);
  }
  const shape = rank === 1 ? [compactRows] : [compactRows, compactCols];
  return finish(ctx, {
    format: "julia-display",
    shape,
    gaps: rank === 1 ? gaps.filter((g) => g.axis === 0) : gaps,
    dtype: h.dtype,
    stated: h.dims.slice(),
    statedAt: s,
  });
}
