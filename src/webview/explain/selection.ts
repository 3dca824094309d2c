/**
 * The user's selected values (rows × units, row-major float64) turned into what the explainers need. Pure.
 */

/** Most points a selection target keeps (longer ones are thinned evenly, first and last kept). */
export const MAX_TARGET_POINTS = 4000;

export interface SelectionTarget {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** How the points were read, for the text (e.g. "the first row (12 values) over x = 0 … 11"). */
  readonly how: string;
}

/**
 * A curve to fit from a selection (the sum-of-ReLUs target):
 * - two columns (units = 2, rows ≥ 2): x = column 0, y = column 1, one point per row;
 * - one column (units = 1): y = the column over x = 0 … rows − 1;
 * - otherwise: y = the first row over x = 0 … units − 1.
 * Points with a non-finite x or y are dropped; the rest are sorted by x (stable). More than MAX_TARGET_POINTS
 * are thinned to that many at evenly spaced indices. Returns an error message when fewer than 2 points remain or
 * all x are equal.
 */
export function selectionTarget(
  data: ArrayLike<number>,
  rows: number,
  units: number,
): SelectionTarget | { error: string } {
  let xs: number[] = [];
  let ys: number[] = [];
  let how: string;
  if (units === 2 && rows >= 2) {
    for (let r = 0; r < rows; r++) {
      xs.push(data[2 * r]);
      ys.push(data[2 * r + 1]);
    }
    how = `columns x, y of the ${rows} rows`;
  } else if (units === 1) {
    for (let r = 0; r < rows; r++) {
      xs.push(r);
      ys.push(data[r]);
    }
    how = `the column (${rows} values) over x = 0 … ${rows - 1}`;
  } else {
    for (let u = 0; u < units; u++) {
      xs.push(u);
      ys.push(data[u]);
    }
    how = `the first row (${units} values) over x = 0 … ${units - 1}`;
  }
  const keep: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) {
      keep.push(i);
    }
  }
  const dropped = xs.length - keep.length;
  keep.sort((a, b) => xs[a] - xs[b] || a - b);
  let idx = keep;
  if (idx.length > MAX_TARGET_POINTS) {
    const n = MAX_TARGET_POINTS;
    idx = Array.from({ length: n }, (_, k) => keep[Math.round((k * (keep.length - 1)) / (n - 1))]);
    how += `, thinned to ${n} points`;
  }
  xs = idx.map((i) => xs[i]);
  ys = idx.map((i) => ys[i]);
  if (dropped > 0) {
    how += ` (${dropped} non-finite point${dropped === 1 ? "" : "s"} left out)`;
  }
  if (xs.length < 2) {
    return { error: "the selection has fewer than 2 finite points to fit" };
  }
  if (xs[0] === xs[xs.length - 1]) {
    return { error: "every x of the selection is the same: nothing to fit along x" };
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), how };
}

/** Up to `max` values of `data` at evenly spaced indices (all of them when there are fewer). */
export function thin(data: ArrayLike<number>, max: number): Float64Array {
  const n = data.length;
  if (n <= max) {
    return Float64Array.from(data as ArrayLike<number>);
  }
  return Float64Array.from({ length: max }, (_, k) => data[Math.round((k * (n - 1)) / (max - 1))]);
}
