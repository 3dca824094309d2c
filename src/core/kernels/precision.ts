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
import { roundToBfloat16, roundToFloat16 } from "./round";

export { roundToBfloat16, roundToFloat16 } from "./round";

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
