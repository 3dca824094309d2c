/**
 * Sampling of a curve for drawing: an even grid plus every kink, with the derivative broken at kinks
 * (a gap, and the value torch uses at the kink drawn as its own point) so a jump is never drawn as a
 * steep line.
 */
export interface XY {
  x: number;
  y: number | null;
}

export interface SampledCurve {
  f: XY[];
  df: XY[];
  /** Kinks inside the range, with f(k) and the derivative value torch uses there. */
  kinks: { x: number; f: number; df: number }[];
}

export function sampleCurve(
  f: (x: number) => number,
  df: (x: number) => number,
  kinks: readonly number[],
  range: readonly [number, number],
  n = 401,
): SampledCurve {
  const [lo, hi] = range;
  const inside = kinks.filter((k) => k > lo && k < hi).sort((a, b) => a - b);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    xs.push(lo + ((hi - lo) * i) / (n - 1));
  }
  const eps = (hi - lo) * 1e-6;
  for (const k of inside) {
    xs.push(k - eps, k, k + eps);
  }
  xs.sort((a, b) => a - b);
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const fPts: XY[] = [];
  const dfPts: XY[] = [];
  for (const x of xs) {
    fPts.push({ x, y: finite(f(x)) });
    dfPts.push({ x, y: inside.includes(x) ? null : finite(df(x)) });
  }
  return { f: fPts, df: dfPts, kinks: inside.map((x) => ({ x, f: f(x), df: df(x) })) };
}
