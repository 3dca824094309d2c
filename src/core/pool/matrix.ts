/**
 * Pooling a rows × cols matrix (row-major) to at most maxRows × maxCols cells, keeping spikes and
 * non-finite values visible.
 *
 * Per cell, over the source block (see ./grid for the blocks):
 * - `min`, `max`, `mean`: over the finite values of the block (NaN when the block has none; 0 and −0 are
 *   not told apart, so the min of {0, −0} may be +0);
 * - `count`: how many values are finite; `nan`, `posInf`, `negInf`: how many are NaN, +∞, −∞;
 * - `rep`: the value to paint, chosen so that a single spike stays visible:
 *   - if the block holds any NaN: NaN; else if it holds an infinity: that infinity (when it holds both,
 *     `max` mode picks +∞, `min` mode −∞, `absmax` the more numerous (ties +∞), `mean` NaN as ∞ − ∞ would);
 *   - otherwise by `representative`:
 *     - `absmax` (default, for diverging maps): the finite value of largest magnitude, i.e. max when
 *       |max| ≥ |min|, else min (ties go to the positive one);
 *     - `max` (for sequential maps of post-activations ≥ 0): the maximum;
 *     - `min`: the minimum; `mean`: the mean (smooths spikes away: for overviews only).
 * An unpooled cell (one source value) has that value as `rep`, and as min, max and mean when it is finite.
 * When nothing is pooled at all, min, max and mean are one shared array (see {@link PooledMatrix}).
 */
import { type PoolGrid, describePooling, poolGrid } from "./grid";

export type Representative = "absmax" | "max" | "min" | "mean";

export interface PoolOptions {
  /** How `rep` is chosen for a block without non-finite values (default `absmax`). */
  readonly representative?: Representative;
}

export interface PoolTotals {
  /** Finite min and max over the whole matrix (NaN when nothing is finite). */
  readonly min: number;
  readonly max: number;
  readonly finite: number;
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
}

export interface PooledMatrix extends PoolGrid {
  readonly representative: Representative;
  /**
   * outRows × outCols, row-major. Read-only: when nothing is pooled, `min`, `max` and `mean` are one shared
   * array (each cell's finite value, NaN otherwise).
   */
  readonly rep: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly mean: Float64Array;
  readonly count: Uint32Array;
  readonly nan: Uint32Array;
  readonly posInf: Uint32Array;
  readonly negInf: Uint32Array;
  readonly totals: PoolTotals;
  /** {@link describePooling} of the grid: never a silent reduction. */
  readonly description: string;
}

/**
 * Pool `data` (rows × cols, row-major, length ≥ rows · cols) into at most maxRows × maxCols cells, one pass
 * over the data. See the module note for each field. Throws RangeError on bad sizes.
 */
export function poolMatrix(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  maxRows: number,
  maxCols: number,
  options: PoolOptions = {},
): PooledMatrix {
  const grid = poolGrid(rows, cols, maxRows, maxCols);
  if (data.length < rows * cols) {
    throw new RangeError(`data holds ${data.length} values, ${rows} × ${cols} = ${rows * cols} needed`);
  }
  const mode = options.representative ?? "absmax";
  const { outRows, outCols } = grid;
  const cells = outRows * outCols;
  if (!grid.pooled) {
    return unpooled(data, grid, mode);
  }
  const min = new Float64Array(cells).fill(Infinity);
  const max = new Float64Array(cells).fill(-Infinity);
  const sum = new Float64Array(cells);
  const count = new Uint32Array(cells);
  const nan = new Uint32Array(cells);
  const posInf = new Uint32Array(cells);
  const negInf = new Uint32Array(cells);

  // Each source row is walked block-column by block-column with local accumulators, merged into the cell
  // once per (row, block) segment; non-finite values are classified in a second look at that segment only.
  for (let cr = 0; cr < outRows; cr++) {
    const base = cr * outCols;
    for (let r = grid.rowEdges[cr]; r < grid.rowEdges[cr + 1]; r++) {
      const off = r * cols;
      for (let cc = 0; cc < outCols; cc++) {
        const c0 = off + grid.colEdges[cc];
        const c1 = off + grid.colEdges[cc + 1];
        let lmin = Infinity;
        let lmax = -Infinity;
        let lsum = 0;
        let bad = 0;
        for (let i = c0; i < c1; i++) {
          const v = data[i];
          if (v - v === 0) {
            // finite (NaN − NaN and ∞ − ∞ are NaN)
            if (v < lmin) {
              lmin = v;
            }
            if (v > lmax) {
              lmax = v;
            }
            lsum += v;
          } else {
            bad++;
          }
        }
        const k = base + cc;
        if (lmin < min[k]) {
          min[k] = lmin;
        }
        if (lmax > max[k]) {
          max[k] = lmax;
        }
        sum[k] += lsum;
        count[k] += c1 - c0 - bad;
        if (bad > 0) {
          for (let i = c0; i < c1; i++) {
            const v = data[i];
            if (v !== v) {
              nan[k]++;
            } else if (v === Infinity) {
              posInf[k]++;
            } else if (v === -Infinity) {
              negInf[k]++;
            }
          }
        }
      }
    }
  }

  const rep = new Float64Array(cells);
  const mean = sum; // reused in place: sum → mean
  let tMin = Infinity;
  let tMax = -Infinity;
  let tFinite = 0;
  let tNan = 0;
  let tPos = 0;
  let tNeg = 0;
  for (let k = 0; k < cells; k++) {
    const n = count[k];
    tFinite += n;
    tNan += nan[k];
    tPos += posInf[k];
    tNeg += negInf[k];
    if (n === 0) {
      min[k] = NaN;
      max[k] = NaN;
      mean[k] = NaN;
    } else {
      mean[k] = sum[k] / n;
      if (min[k] < tMin) {
        tMin = min[k];
      }
      if (max[k] > tMax) {
        tMax = max[k];
      }
    }
    rep[k] = representativeOf(mode, min[k], max[k], mean[k], nan[k], posInf[k], negInf[k]);
  }

  return {
    ...grid,
    representative: mode,
    rep,
    min,
    max,
    mean,
    count,
    nan,
    posInf,
    negInf,
    totals: {
      min: tFinite > 0 ? tMin : NaN,
      max: tFinite > 0 ? tMax : NaN,
      finite: tFinite,
      nan: tNan,
      posInf: tPos,
      negInf: tNeg,
    },
    description: describePooling(grid),
  };
}

/** One value per cell: a copy as `rep`, its finite part shared as min/max/mean, one pass. */
function unpooled(data: ArrayLike<number>, grid: PoolGrid, mode: Representative): PooledMatrix {
  const cells = grid.rows * grid.cols;
  const rep = new Float64Array(cells);
  const stat = new Float64Array(cells);
  const count = new Uint32Array(cells);
  const nan = new Uint32Array(cells);
  const posInf = new Uint32Array(cells);
  const negInf = new Uint32Array(cells);
  let tMin = Infinity;
  let tMax = -Infinity;
  let tNan = 0;
  let tPos = 0;
  let tNeg = 0;
  for (let i = 0; i < cells; i++) {
    const v = data[i];
    rep[i] = v;
    if (v - v === 0) {
      stat[i] = v;
      count[i] = 1;
      if (v < tMin) {
        tMin = v;
      }
      if (v > tMax) {
        tMax = v;
      }
    } else {
      stat[i] = NaN;
      if (v !== v) {
        nan[i] = 1;
        tNan++;
      } else if (v > 0) {
        posInf[i] = 1;
        tPos++;
      } else {
        negInf[i] = 1;
        tNeg++;
      }
    }
  }
  const tFinite = cells - tNan - tPos - tNeg;
  return {
    ...grid,
    representative: mode,
    rep,
    min: stat,
    max: stat,
    mean: stat,
    count,
    nan,
    posInf,
    negInf,
    totals: {
      min: tFinite > 0 ? tMin : NaN,
      max: tFinite > 0 ? tMax : NaN,
      finite: tFinite,
      nan: tNan,
      posInf: tPos,
      negInf: tNeg,
    },
    description: describePooling(grid),
  };
}

/** The painted value of one block (rules in the module note). */
function representativeOf(
  mode: Representative,
  lo: number,
  hi: number,
  mean: number,
  nan: number,
  pos: number,
  neg: number,
): number {
  if (nan > 0) {
    return NaN;
  }
  if (pos > 0 || neg > 0) {
    if (pos === 0) {
      return -Infinity;
    }
    if (neg === 0) {
      return Infinity;
    }
    switch (mode) {
      case "max":
        return Infinity;
      case "min":
        return -Infinity;
      case "absmax":
        return pos >= neg ? Infinity : -Infinity;
      case "mean":
        return NaN;
    }
  }
  switch (mode) {
    case "absmax":
      return Math.abs(hi) >= Math.abs(lo) ? hi : lo;
    case "max":
      return hi;
    case "min":
      return lo;
    case "mean":
      return mean;
  }
}
