/**
 * Activations at a tensor's own precision: what the tool that printed the values computes for them.
 *
 * Printed float32, float16 and bfloat16 tensors are read into float64; applying an activation in float64 and
 * writing 16 digits back under `dtype=float32` would show digits the tensor cannot hold. Reduced-precision ops
 * are computed in float32 and rounded once to the tensor's type (PyTorch's "opmath" for half and bfloat16);
 * so here: float32 through the float32 kernels, then float16/bfloat16 by rounding to nearest, ties to even,
 * with subnormals, and ±∞ beyond the largest finite value (as a float32 → float16 cast). Inputs are rounded
 * to the dtype first (a print shows fewer digits than the tensor holds).
 */
import type { Params } from "../types";
import { applyActivation } from "./index";

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

/**
 * f(values) at the precision of `dtype` (numpy's names, as `parseNumbers` reports them): float32, float16
 * and bfloat16 give a Float32Array holding values of that type; anything else (float64, ints, bool,
 * unknown) the float64 result.
 */
export function applyActivationAs(
  dtype: string | undefined,
  name: string,
  values: Float64Array,
  params?: Params,
): Float32Array | Float64Array {
  if (dtype !== "float32" && dtype !== "float16" && dtype !== "bfloat16") {
    return applyActivation(name, values, params);
  }
  const round = dtype === "float16" ? roundToFloat16 : dtype === "bfloat16" ? roundToBfloat16 : undefined;
  const x = Float32Array.from(values, round ?? ((v: number) => v));
  const y = applyActivation(name, x, params);
  if (round !== undefined) {
    for (let i = 0; i < y.length; i++) {
      y[i] = round(y[i]);
    }
  }
  return y;
}
