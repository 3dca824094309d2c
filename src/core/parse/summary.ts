/** Summarised prints: laying compact data (one NaN slot per `...`) out at the full printed shape. */
import type { ParseContext } from "./context";
import type { ParseGap } from "./types";

/**
 * Expands `data` of shape `compact`, where along each axis in `gaps` the item `start` is a one-slot
 * placeholder, to the stated `full` shape: items before the placeholder keep their index, items after
 * it move to the end of the axis, and the `full[a] − (compact[a] − 1)` left-out items are NaN.
 * Returns null when the shapes do not fit that pattern.
 */
export function expandGaps(
  ctx: ParseContext,
  data: Float64Array,
  compact: readonly number[],
  gaps: readonly { axis: number; start: number }[],
  full: readonly number[],
  offset: number,
): { data: Float64Array; gaps: ParseGap[] } | null {
  if (compact.length !== full.length) {
    return null;
  }
  const gapAt: number[] = compact.map(() => -1);
  for (const g of gaps) {
    gapAt[g.axis] = g.start;
  }
  const outGaps: ParseGap[] = [];
  let total = 1;
  for (let a = 0; a < full.length; a++) {
    if (gapAt[a] < 0) {
      if (compact[a] !== full[a]) {
        return null;
      }
    } else {
      const missing = full[a] - (compact[a] - 1);
      if (missing < 1) {
        return null;
      }
      outGaps.push({ axis: a, start: gapAt[a], length: missing, missing });
    }
    total *= full[a];
  }
  if (total > ctx.maxValues) {
    return null;
  }
  void offset;
  // index maps per axis: compact index -> full index (-1 for the placeholder)
  const maps: Int32Array[] = [];
  for (let a = 0; a < full.length; a++) {
    const m = new Int32Array(compact[a]);
    const g = gapAt[a];
    for (let k = 0; k < compact[a]; k++) {
      m[k] = g < 0 || k < g ? k : k === g ? -1 : k - 1 + (full[a] - (compact[a] - 1));
    }
    maps.push(m);
  }
  const out = new Float64Array(total).fill(NaN);
  const rank = full.length;
  const idx = new Int32Array(rank);
  const strides = new Array<number>(rank);
  let s = 1;
  for (let a = rank - 1; a >= 0; a--) {
    strides[a] = s;
    s *= full[a];
  }
  for (let k = 0; k < data.length; k++) {
    let off = 0;
    let skip = false;
    for (let a = 0; a < rank; a++) {
      const f = maps[a][idx[a]];
      if (f < 0) {
        skip = true;
        break;
      }
      off += f * strides[a];
    }
    if (!skip) {
      out[off] = data[k];
    }
    for (let a = rank - 1; a >= 0; a--) {
      if (++idx[a] < compact[a]) {
        break;
      }
      idx[a] = 0;
    }
  }
  return { data: out, gaps: outGaps };
}

/** The warning for a summarised print read with `allowSummarized`. */
export function gapWarning(gaps: readonly ParseGap[], expanded: boolean, fullShape: readonly number[] | undefined): string {
  const axes = gaps.map((g) => g.axis).join(", ");
  if (expanded) {
    return `the print is summarised: left-out values along axis ${axes} are NaN (laid out at the printed shape (${(fullShape ?? []).join(", ")}))`;
  }
  const stated = fullShape ? ` (the print states shape (${fullShape.join(", ")}), too large to lay out)` : " (the print does not state the full shape)";
  return `the print is summarised: each '...' along axis ${axes} is one NaN slot standing for an unknown number of values${stated}`;
}
