import assert from "node:assert/strict";
import { applyActivationAs, roundToBfloat16, roundToFloat16 } from "../../../../src/core/kernels/precision";
import { formatNumbers, parseNumbers } from "../../../../src/core/parse";

describe("activations at a tensor's precision", () => {
  it("rounds to float16 as torch casts float64 → float16 (values printed by torch 1.13)", () => {
    const xs = [0.1, 65504, 65519, 65520, 1e-8, 3e-8, -2.5e-5, 1 / 3, 0.62245933, 1e5, -0, NaN, -Infinity];
    const torch = [0.0999755859375, 65504, 65504, Infinity, 0, 5.960464477539063e-8, -2.4974346160888672e-5, 0.333251953125, 0.62255859375, Infinity];
    xs.slice(0, torch.length).forEach((x, i) => assert.equal(roundToFloat16(x), torch[i], `f16(${x})`));
    assert.ok(Object.is(roundToFloat16(-0), -0));
    assert.ok(Number.isNaN(roundToFloat16(NaN)));
    assert.equal(roundToFloat16(-Infinity), -Infinity);
    assert.equal(roundToFloat16(-70000), -Infinity);
  });

  it("rounds to bfloat16 as torch casts float64 → bfloat16", () => {
    const xs = [0.1, 1 / 3, 3.4e38, 3.39e38, 1e-40, -7];
    const torch = [0.10009765625, 0.333984375, Infinity, 3.3895313892515355e38, 9.183549615799121e-41, -7];
    xs.forEach((x, i) => assert.equal(roundToBfloat16(x), torch[i], `bf16(${x})`));
  });

  it("a float16 print comes back with float16's shortest digits, as numpy prints it (not float32's)", () => {
    const p = parseNumbers("array([0.1, 0.3333, -2.5], dtype=float16)");
    // numpy 1.24: repr(np.array([0.1, 0.3333, -2.5], dtype=np.float16)) and of np.maximum(a, 0)
    assert.equal(formatNumbers(applyActivationAs(p.dtype, "identity", p.data), p.shape, p), "array([ 0.1   ,  0.3333, -2.5   ], dtype=float16)");
    assert.equal(formatNumbers(applyActivationAs(p.dtype, "relu", p.data), p.shape, p), "array([0.1   , 0.3333, 0.    ], dtype=float16)");
  });

  it("ties go to even", () => {
    assert.equal(roundToFloat16(1 + 2 ** -11), 1); // halfway between 1 and 1 + 2^-10
    assert.equal(roundToFloat16(1 + 3 * 2 ** -11), 1 + 2 ** -9);
  });

  it("computes float32 tensors in float32, and half tensors in float32 rounded once to half", () => {
    const x = Float64Array.of(1.5, 2, 3, 4);
    const y32 = applyActivationAs("float32", "sigmoid", x);
    assert.ok(y32 instanceof Float32Array);
    // within the float32 kernels' 2 ulp of σ(2) rounded to float32 (torch's float32 sigmoid(2) is 0.8807970285415649)
    assert.ok(Math.abs(y32[1] - Math.fround(0.8807970779778823)) <= 2 * 2 ** -24, String(y32[1]));
    const y16 = applyActivationAs("float16", "sigmoid", Float64Array.of(0.5, 1));
    assert.deepEqual([...y16], [0.62255859375, 0.73095703125]); // σ(0.5), σ(1) in float16 (printed 0.6226, 0.7310)
    const y64 = applyActivationAs("float64", "sigmoid", x);
    assert.ok(y64 instanceof Float64Array);
    assert.equal(applyActivationAs(undefined, "relu", x) instanceof Float64Array, true);
  });
});
