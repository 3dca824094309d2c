/**
 * Matrix literals of MATLAB and Julia: `[1 2; 3 4]`, `[1, 2; 3, 4]`, rows on separate lines,
 * Julia's typed `Float32[1.0 2.0; 3.0 4.0]` and 3-D `[1.0 3.0; 2.0 4.0;;; 5.0 7.0; 6.0 8.0]`.
 *
 * Columns are separated by whitespace or commas, rows by `;` or a line break; MATLAB's `...`
 * continues a row on the next line and `%` starts a comment. Julia's `;;;` separates slices along
 * the 3rd axis: the shape is then Julia's `(rows, columns, slices)` and `data` is row-major over it
 * (`data[(i·columns + j)·slices + k] = A[i, j, k]`).
 */
import type { ParseContext } from "./context";
import { finish } from "./finish";
import { itemError } from "./nested";
import { F_JULIA, readNumber, tok } from "./number";
import type { ParsedNumbers } from "./types";

function endsCell(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 59 || c === 93 || c === 10 || c === 13 || c !== c;
}

/**
 * Reads `[ ... ]` at `open` (index of `[`). `julia` marks a Julia literal (type prefix seen);
 * `dtype` is its element type. Returns the result and the index after `]`.
 */
export function readMatrix(
  ctx: ParseContext,
  open: number,
  julia: boolean,
  dtype: string | undefined,
): { result: ParsedNumbers; end: number } {
  const text = ctx.text;
  let i = open + 1;
  let cols = -1;
  let rowCount = 0;
  let rowStart = i;
  let rows = 0;
  let sliceRows = -1;
  let slices = 0;
  let flags = 0;
  let isJulia = julia;
  const endRow = (): void => {
    if (rowCount === 0) {
      return;
    }
    if (cols < 0) {
      cols = rowCount;
    } else if (rowCount !== cols) {
      throw ctx.error(`ragged rows: row ${rows + 1} has ${rowCount} value${rowCount === 1 ? "" : "s"}, row 1 has ${cols}`, rowStart);
    }
    rows++;
    rowCount = 0;
  };
  const endSlice = (at: number): void => {
    if (sliceRows < 0) {
      sliceRows = rows;
    } else if (rows !== sliceRows) {
      throw ctx.error(`ragged slices: slice ${slices + 1} has ${rows} rows, slice 1 has ${sliceRows}`, at);
    }
    slices++;
    rows = 0;
  };
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 44) {
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      endRow();
      i++;
      rowStart = i;
      continue;
    }
    if (c === 59) {
      let k = 0;
      while (text.charCodeAt(i + k) === 59) {
        k++;
      }
      if (k === 1) {
        endRow();
      } else if (k === 3) {
        endRow();
        endSlice(i);
        isJulia = true;
      } else {
        throw ctx.error(`'${";".repeat(k)}' is not supported here (only ';' between rows and ';;;' between slices)`, i);
      }
      i += k;
      rowStart = i;
      continue;
    }
    if (c === 93) {
      endRow();
      if (slices > 0 || sliceRows >= 0) {
        endSlice(i);
      }
      i++;
      break;
    }
    if (c !== c) {
      throw ctx.error("the selection seems to cut a tensor: 1 '[' not closed", i);
    }
    if (c === 46 && text.startsWith("...", i)) {
      // MATLAB line continuation: skip to the next line
      while (i < text.length && text.charCodeAt(i) !== 10) {
        i++;
      }
      i++;
      continue;
    }
    if (c === 37 || c === 35) {
      // % (MATLAB) or # (Julia) comment
      while (i < text.length && text.charCodeAt(i) !== 10) {
        i++;
      }
      continue;
    }
    if (c === 91) {
      throw ctx.error("nested brackets inside a matrix literal are not supported", i);
    }
    const e = readNumber(text, i);
    if (e < 0 || !endsCell(text.charCodeAt(e))) {
      throw itemError(ctx, i, e);
    }
    flags |= tok.flags;
    ctx.push(tok.value, i);
    rowCount++;
    i = e;
  }
  if ((flags & F_JULIA) !== 0) {
    isJulia = true;
  }
  const format = isJulia ? "julia" : "matlab";
  if (cols < 0) {
    cols = 0;
  }
  let shape: number[];
  if (slices > 0) {
    const r = sliceRows;
    shape = [r, cols, slices];
    const src = ctx.take();
    const out = new Float64Array(src.length);
    for (let k = 0; k < slices; k++) {
      for (let a = 0; a < r; a++) {
        for (let b = 0; b < cols; b++) {
          out[(a * cols + b) * slices + k] = src[(k * r + a) * cols + b];
        }
      }
    }
    ctx.data = out;
    ctx.n = out.length;
  } else {
    shape = [rows, cols];
  }
  const result = finish(ctx, { format, shape, gaps: [], dtype, tokenFlags: flags });
  return { result, end: i };
}
