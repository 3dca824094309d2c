/**
 * Rounding float64 values to the narrower IEEE-style formats tensors use (float16, bfloat16): to nearest, ties to
 * even, with subnormals, and ±∞ beyond the largest finite value — as a cast does. No imports: the parser's printer
 * uses these too.
 */

/** Rounds `x` to the nearest value with `p` significant bits and exponents in [emin, emax] (ties to even). */
function roundToFormat(x: number, p: number, emin: number, emax: number): number {
  if (x === 0 || !Number.isFinite(x)) {
    return x; // ±0, ±∞, NaN
  }
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  // log2 may be off by one next to a power of two
  if (2 ** e > a) {
    e--;
  } else if (2 ** (e + 1) <= a) {
    e++;
  }
  const ulp = 2 ** (Math.max(e, emin) - (p - 1));
  const v = a / ulp; // exact: a power-of-two scaling
  let n = Math.round(v);
  if (n - v === 0.5 && n % 2 !== 0) {
    n--; // Math.round rounds halves up: ties to even instead
  }
  const r = n * ulp;
  const overflow = r >= 2 ** (emax + 1);
  return x < 0 ? (overflow ? -Infinity : -r) : overflow ? Infinity : r;
}

/** `x` rounded to IEEE half precision (float16: 11 bits, max 65504, subnormals down to 2^−24). */
export function roundToFloat16(x: number): number {
  return roundToFormat(x, 11, -14, 15);
}

/** `x` rounded to bfloat16 (8 significant bits, float32's exponent range, subnormals down to 2^−133). */
export function roundToBfloat16(x: number): number {
  return roundToFormat(x, 8, -126, 127);
}
