/**
 * Colour-bar helpers for legends.
 */
import { niceTicks } from "../format/ticks";

/**
 * Tick values for a colour bar over [lo, hi]: about `n` intervals of a 1-2-5 step, all inside the range,
 * ascending (see {@link niceTicks}). A symmetric diverging range always gets a 0 tick.
 */
export function colorbarTicks(lo: number, hi: number, n = 5): number[] {
  return niceTicks(lo, hi, n);
}

/** Position of value v along a bar over [lo, hi]: (v − lo) / (hi − lo), clamped to [0, 1]; 0.5 when lo = hi. */
export function colorbarPosition(lo: number, hi: number, v: number): number {
  const span = hi - lo;
  if (!(span > 0)) {
    return 0.5;
  }
  const t = (v - lo) / span;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
