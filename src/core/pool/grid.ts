/**
 * The block grid that maps a rows × cols matrix onto at most maxRows × maxCols canvas cells.
 *
 * Output size: outRows = min(rows, maxRows), outCols = min(cols, maxCols) (no upsampling: a small matrix
 * keeps one value per cell). Cell row i covers source rows [rowEdges[i], rowEdges[i + 1]) with
 * rowEdges[i] = ⌊i · rows / outRows⌋, so blocks differ in size by at most one and tile the matrix exactly,
 * the last one ending at `rows` (likewise for columns). The inverse, the cell row of source row r, is
 * ⌊((r + 1) · outRows − 1) / rows⌋. All arithmetic is on integers below 2^53, so it is exact.
 */
import { formatIndexRange } from "../format/number";

export interface PoolGrid {
  /** Source size. */
  readonly rows: number;
  readonly cols: number;
  /** Output (canvas) size: ≤ the requested maximum, ≤ the source size. */
  readonly outRows: number;
  readonly outCols: number;
  /** outRows + 1 (outCols + 1) block boundaries in source indices; first 0, last rows (cols). */
  readonly rowEdges: Uint32Array;
  readonly colEdges: Uint32Array;
  /** True when some cell covers more than one source value. */
  readonly pooled: boolean;
}

/** Source index ranges of one cell: rows [rowStart, rowEnd) and columns [colStart, colEnd) (ends exclusive). */
export interface CellRange {
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly colStart: number;
  readonly colEnd: number;
}

function checkCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min || n > 0xffffffff) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${n}`);
  }
}

function edges(n: number, out: number): Uint32Array {
  const e = new Uint32Array(out + 1);
  for (let i = 0; i <= out; i++) {
    e[i] = Math.floor((i * n) / out);
  }
  return e;
}

/**
 * The grid for a rows × cols matrix drawn in at most maxRows × maxCols cells (see the module note).
 * rows/cols ≥ 0 and maxRows/maxCols ≥ 1 must be integers; an empty matrix gives a 0-cell grid.
 */
export function poolGrid(rows: number, cols: number, maxRows: number, maxCols: number): PoolGrid {
  checkCount("rows", rows, 0);
  checkCount("cols", cols, 0);
  checkCount("maxRows", maxRows, 1);
  checkCount("maxCols", maxCols, 1);
  const outRows = Math.min(rows, maxRows);
  const outCols = Math.min(cols, maxCols);
  return {
    rows,
    cols,
    outRows,
    outCols,
    rowEdges: outRows > 0 ? edges(rows, outRows) : new Uint32Array([0]),
    colEdges: outCols > 0 ? edges(cols, outCols) : new Uint32Array([0]),
    pooled: outRows < rows || outCols < cols,
  };
}

/** Source ranges covered by cell (r, c); throws if the cell is outside the grid. */
export function cellRange(grid: PoolGrid, r: number, c: number): CellRange {
  if (!(r >= 0 && r < grid.outRows && c >= 0 && c < grid.outCols) || !Number.isInteger(r) || !Number.isInteger(c)) {
    throw new RangeError(`cell (${r}, ${c}) outside a ${grid.outRows} × ${grid.outCols} grid`);
  }
  return {
    rowStart: grid.rowEdges[r],
    rowEnd: grid.rowEdges[r + 1],
    colStart: grid.colEdges[c],
    colEnd: grid.colEdges[c + 1],
  };
}

/** The cell index along one axis that holds source index `i` of `n` (out cells): ⌊((i + 1) · out − 1) / n⌋. */
export function cellIndexOf(i: number, n: number, out: number): number {
  return Math.floor(((i + 1) * out - 1) / n);
}

/** The cell (r, c) that holds source value (row, col); throws if the value is outside the matrix. */
export function cellOf(grid: PoolGrid, row: number, col: number): { r: number; c: number } {
  if (!(row >= 0 && row < grid.rows && col >= 0 && col < grid.cols) || !Number.isInteger(row) || !Number.isInteger(col)) {
    throw new RangeError(`value (${row}, ${col}) outside a ${grid.rows} × ${grid.cols} matrix`);
  }
  return { r: cellIndexOf(row, grid.rows, grid.outRows), c: cellIndexOf(col, grid.cols, grid.outCols) };
}

export interface AxisNames {
  /** Singular and plural names of the row axis (default "row"/"rows") and column axis ("unit"/"units"). */
  readonly row?: readonly [string, string];
  readonly col?: readonly [string, string];
}

/**
 * Hover text for a cell, inclusive source indices: `rows 100–119, units 40–47`, or `row 5, unit 40` for a
 * single value.
 */
export function describeCell(grid: PoolGrid, r: number, c: number, names: AxisNames = {}): string {
  const range = cellRange(grid, r, c);
  const [row1, rowN] = names.row ?? ["row", "rows"];
  const [col1, colN] = names.col ?? ["unit", "units"];
  const rows = range.rowEnd - range.rowStart > 1 ? rowN : row1;
  const cols = range.colEnd - range.colStart > 1 ? colN : col1;
  return (
    `${rows} ${formatIndexRange(range.rowStart, range.rowEnd - 1)}, ` +
    `${cols} ${formatIndexRange(range.colStart, range.colEnd - 1)}`
  );
}

/** Smallest and largest block extent along one axis: ⌊n / out⌋ and ⌈n / out⌉ (1 and 1 when out = 0). */
export function blockExtent(n: number, out: number): { min: number; max: number } {
  return out > 0 ? { min: Math.floor(n / out), max: Math.ceil(n / out) } : { min: 1, max: 1 };
}

/**
 * What the pooling did, for the stats strip: `1000 × 1000 shown as 100 × 100 cells, pooled 10×10 → 1 cell`
 * (block extents as `10–11` when they vary), or `1000 × 64, one value per cell` when nothing was pooled.
 */
export function describePooling(grid: PoolGrid): string {
  const size = `${grid.rows} \u00d7 ${grid.cols}`;
  if (!grid.pooled) {
    return `${size}, one value per cell`;
  }
  const br = blockExtent(grid.rows, grid.outRows);
  const bc = blockExtent(grid.cols, grid.outCols);
  const ext = (b: { min: number; max: number }): string => formatIndexRange(b.min, b.max);
  return `${size} shown as ${grid.outRows} \u00d7 ${grid.outCols} cells, pooled ${ext(br)}\u00d7${ext(bc)} \u2192 1 cell`;
}
