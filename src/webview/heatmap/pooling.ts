/**
 * What a pooled pixel shows. Pure.
 *
 * - `extreme` (default): the pool core's representative — NaN if the block holds one, else an infinity it
 *   holds, else its most extreme finite value (largest |x| for the diverging pre map, the maximum for
 *   outputs ≥ 0): a single spike stays visible, but a block of mixed signs shows only one of them.
 * - `mean`: the block's mean of finite values (densities and unit biases show), except that a block holding
 *   NaN/±∞ keeps the core's non-finite representative and a block holding a finite value beyond the colour
 *   range [lo, hi] shows that value (the one farther beyond when both ends are crossed), so outliers stay
 *   visible in this mode too.
 */
export type PoolingMode = "extreme" | "mean";

export const POOLING_MODES: readonly PoolingMode[] = ["extreme", "mean"];

/** The per-cell arrays of a pooled matrix that {@link displayValues} reads (see core/pool's PooledMatrix). */
export interface PooledCells {
  readonly rep: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly mean: Float64Array;
  readonly nan: Uint32Array;
  readonly posInf: Uint32Array;
  readonly negInf: Uint32Array;
}

/** The value painted for each cell under `mode` (see the module note); `extreme` returns `p.rep` itself. */
export function displayValues(p: PooledCells, mode: PoolingMode, lo: number, hi: number): Float64Array {
  if (mode === "extreme") {
    return p.rep;
  }
  const out = new Float64Array(p.rep.length);
  for (let k = 0; k < out.length; k++) {
    if (p.nan[k] + p.posInf[k] + p.negInf[k] > 0) {
      out[k] = p.rep[k];
      continue;
    }
    const over = p.max[k] - hi;
    const under = lo - p.min[k];
    if (over > 0 || under > 0) {
      out[k] = over >= under ? p.max[k] : p.min[k];
    } else {
      out[k] = p.mean[k];
    }
  }
  return out;
}

/** The sentence the view shows beside the pooling note. */
export function poolingModeText(mode: PoolingMode): string {
  return mode === "extreme"
    ? "Each pixel shows its block's most extreme value (a single spike stays visible); hover for min … max."
    : "Each pixel shows its block's mean; blocks holding NaN/±∞ or values beyond the colour range show those.";
}
