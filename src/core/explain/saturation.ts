/**
 * "Saturation": where an activation's derivative is (nearly) flat, so gradients through it vanish.
 *
 * A point x is saturated when |f′(x)| < ε (torch's f′ at kinks, so relu′(0) = 0 is saturated). The saturated set
 * inside a range is found numerically:
 *  1. sample |f′| on 4001 evenly spaced points plus every kink inside the range;
 *  2. at every local minimum of |f′| between samples that are not saturated, minimise |f′| by golden-section
 *     search over the neighbouring samples and add the minimiser (finds narrow dips such as gelu′ = 0 near
 *     x ≈ −0.75 or hardswish′ = 0 at −1.5, narrower than the grid spacing);
 *  3. between neighbouring samples of different state, bisect to the boundary (to ~1e−12 of the range);
 *  4. merge touching intervals.
 * For the sigmoid and ε = 1e−3: |σ′(x)| < 1e−3 ⇔ |x| > 2·acosh(1/(2√ε)) ≈ 6.90575, so on [−10, 10] the regions are
 * [−10, −6.90575) and (6.90575, 10].
 */
import type { Params } from "../types";
import { scalarActivation } from "../stats/activation";
import { DEFAULT_SATURATION_EPS, saturatedFraction } from "../stats/layer";
import { goldenMin } from "../stats/golden";

export { saturatedFraction };

export interface SaturationInterval {
  readonly lo: number;
  readonly hi: number;
  /** The interval reaches the range's left / right end (it may continue beyond). */
  readonly toLo: boolean;
  readonly toHi: boolean;
}

export interface SaturationRegions {
  readonly eps: number;
  readonly range: readonly [number, number];
  readonly intervals: SaturationInterval[];
  /** Total length of the intervals / length of the range. */
  readonly fraction: number;
}

const GRID = 4001;

/** Intervals of `range` where |f′(x)| < eps (see the file comment). */
export function saturationRegions(
  id: string,
  params: Params | undefined,
  eps: number = DEFAULT_SATURATION_EPS,
  range: readonly [number, number] = [-10, 10],
): SaturationRegions {
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new RangeError(`range must be finite with lo < hi (got [${lo}, ${hi}])`);
  }
  if (!(eps >= 0) || !Number.isFinite(eps)) {
    throw new RangeError(`eps must be finite and ≥ 0 (got ${eps})`);
  }
  const act = scalarActivation(id, params);
  const h = (x: number): number => Math.abs(act.df(x));
  const sat = (x: number): boolean => h(x) < eps;
  const tol = 1e-12 * (hi - lo);

  // 1. Grid plus kinks.
  const pts: number[] = [];
  for (let i = 0; i < GRID; i++) {
    pts.push(i === GRID - 1 ? hi : lo + ((hi - lo) * i) / (GRID - 1));
  }
  for (const k of act.kinks) {
    if (k > lo && k < hi) {
      pts.push(k);
    }
  }
  pts.sort((a, b) => a - b);

  // 2. Narrow dips between samples.
  const hv = pts.map(h);
  const extra: number[] = [];
  for (let i = 1; i + 1 < pts.length; i++) {
    if (hv[i] >= eps && hv[i] <= hv[i - 1] && hv[i] <= hv[i + 1]) {
      const best = goldenMin(h, pts[i - 1], pts[i + 1], 80, () => tol);
      if (best.v < eps) {
        extra.push(best.x);
      }
    }
  }
  if (extra.length > 0) {
    pts.push(...extra);
    pts.sort((a, b) => a - b);
  }

  // 3. Walk the samples; bisect at every change of state.
  const boundary = (a: number, b: number, satA: boolean): number => {
    // a has state satA, b the other; returns the last point with a's state side, to ~tol.
    for (let it = 0; it < 200 && b - a > tol; it++) {
      const m = 0.5 * (a + b);
      if (m <= a || m >= b) {
        break;
      }
      if (sat(m) === satA) {
        a = m;
      } else {
        b = m;
      }
    }
    return satA ? a : b;
  };
  const raw: { lo: number; hi: number }[] = [];
  let state = sat(pts[0]);
  let start = pts[0];
  for (let i = 1; i < pts.length; i++) {
    const s = sat(pts[i]);
    if (s !== state) {
      const edge = boundary(pts[i - 1], pts[i], state);
      if (state) {
        raw.push({ lo: start, hi: edge });
      } else {
        start = edge;
      }
      state = s;
    }
  }
  if (state) {
    raw.push({ lo: start, hi });
  }

  // 4. Merge touching intervals.
  const merged: { lo: number; hi: number }[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.lo - last.hi <= 2 * tol) {
      last.hi = Math.max(last.hi, r.hi);
    } else {
      merged.push({ ...r });
    }
  }
  const intervals = merged.map((r) => ({ lo: r.lo, hi: r.hi, toLo: r.lo === lo, toHi: r.hi === hi }));
  const total = intervals.reduce((s, r) => s + (r.hi - r.lo), 0);
  return { eps, range: [lo, hi], intervals, fraction: total / (hi - lo) };
}
