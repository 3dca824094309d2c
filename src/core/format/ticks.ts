/**
 * "Nice" tick values for axes and colour bars: multiples of 1, 2 or 5 × 10^k.
 */

/**
 * The nice step for about `count` intervals over [lo, hi]: the value among 1, 2, 5 × 10^k closest (in the
 * usual d3 sense) to (hi − lo) / count. Returns 0 when the span is 0 or not finite, or count < 1.
 */
export function niceStep(lo: number, hi: number, count: number): number {
  const span = Math.abs(hi - lo);
  if (!Number.isFinite(span) || span === 0 || !(count >= 1)) {
    return 0;
  }
  const raw = span / count;
  const power = Math.floor(Math.log10(raw));
  const base = Math.pow(10, power);
  const ratio = raw / base;
  // Thresholds √50, √10, √2 pick the nearest of 10, 5, 2, 1 on a log scale (as d3-array's ticks do).
  const factor = ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.SQRT2 ? 2 : 1;
  return factor * base;
}

/**
 * Tick values inside [lo, hi] (either order; returned ascending), about `count` intervals apart, every one a
 * multiple of a 1-2-5 step. Values are computed as integer × step (or integer ÷ 10^k for steps below 1) so
 * they print cleanly (0.3, not 0.30000000000000004). lo = hi gives `[lo]`; non-finite bounds give `[]`.
 * The zero tick is +0, never −0.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    return [];
  }
  if (lo > hi) {
    [lo, hi] = [hi, lo];
  }
  if (lo === hi) {
    return [lo];
  }
  const step = niceStep(lo, hi, Math.max(1, count));
  if (step === 0) {
    return [lo];
  }
  const out: number[] = [];
  if (step >= 1) {
    // Round then adjust (not ceil/floor of a quotient, which can be off by one ulp at an exact tick).
    let i0 = Math.round(lo / step);
    let i1 = Math.round(hi / step);
    if (i0 * step < lo) {
      i0++;
    }
    if (i1 * step > hi) {
      i1--;
    }
    for (let i = i0; i <= i1; i++) {
      out.push(i * step + 0);
    }
  } else {
    const inv = Math.round(1 / step);
    let i0 = Math.round(lo * inv);
    let i1 = Math.round(hi * inv);
    if (i0 / inv < lo) {
      i0++;
    }
    if (i1 / inv > hi) {
      i1--;
    }
    for (let i = i0; i <= i1; i++) {
      out.push(i / inv + 0);
    }
  }
  return out;
}
