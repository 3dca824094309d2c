/**
 * Small float64 building blocks shared by the activation families: an exact product (Dekker's TwoProduct, since
 * JavaScript has no fused multiply-add), a division by an unevaluated sum, and stable logistic helpers.
 *
 * Error budget: Math.exp (fdlibm in V8) is below 1 ulp; keeping 1 + z exact and dividing by it as a
 * double-double leaves one more rounding, so σ, σ′ and friends stay within about 1 ulp of the truth.
 */

/** 2^27 + 1: Veltkamp's splitter for float64 (53-bit significand). */
const SPLITTER = 134217729;

/**
 * Error of the float64 product: returns `lo` with a·b = fl(a·b) + lo exactly (Dekker 1971, "A floating-point
 * technique for extending the available precision"), given hi = fl(a·b). Valid while |a|, |b| < 2^996 and
 * nothing underflows.
 */
export function productError(a: number, b: number, hi: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return al * bl - (((hi - ah * bh) - al * bh) - ah * bl);
}

/**
 * a / (bh + bl) for an unevaluated sum bh + bl (|bl| ≤ ulp(bh)), to within about half an ulp: one Newton-style
 * correction q + (a − q·(bh + bl))/bh, with q·bh taken exactly. Needs finite, non-subnormal bh.
 */
export function quotient(a: number, bh: number, bl: number): number {
  const q = a / bh;
  if (!Number.isFinite(q) || q === 0) {
    return q;
  }
  const p = q * bh;
  const r = a - p - productError(q, bh, p) - q * bl;
  return q + r / bh;
}

/**
 * σ(x) = 1/(1 + e^(−x)), stable on both sides: with z = e^(−|x|) ∈ (0, 1], σ = 1/(1 + z) for x ≥ 0 and z/(1 + z)
 * for x < 0, so nothing overflows and subnormal results keep their digits. 1 + z is kept exact.
 * σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
 */
export function sigmoid(x: number): number {
  const z = Math.exp(-Math.abs(x));
  const wh = 1 + z;
  const wl = z - (wh - 1); // exact: 1 ≥ z
  return quotient(x >= 0 ? 1 : z, wh, wl);
}

/** σ′(x) = σ(x)σ(−x) = z/(1 + z)², z = e^(−|x|), with (1 + z)² kept as an exact-enough double-double. */
export function sigmoidDerivative(x: number): number {
  return scaledLogisticDensity(Math.exp(-Math.abs(x)), 1);
}

/** c·z/(1 + z)² for z ∈ [0, 1] (NaN passes through), about 1 ulp. */
export function scaledLogisticDensity(z: number, c: number): number {
  const wh = 1 + z;
  const wl = z - (wh - 1);
  const sh = wh * wh;
  const sl = productError(wh, wh, sh) + 2 * wh * wl;
  return quotient(c * z, sh, sl);
}

/**
 * softplus(z) = log(1 + e^z), stable: z + log1p(e^(−z)) for z > 0 (no overflow of e^z), log1p(e^z) otherwise
 * (log1p keeps the digits of a tiny e^z). softplus(−∞) = 0, softplus(+∞) = +∞.
 */
export function softplusStable(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
