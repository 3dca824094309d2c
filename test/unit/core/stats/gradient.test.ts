import assert from "node:assert/strict";
import { derivative } from "../../../../src/core/activations";
import { gradientScale, maxAbsDerivative, pathDerivativeProduct } from "../../../../src/core/stats/gradient";

describe("core/stats/gradient: gradient scale through layers", () => {
  it("bounds a chain of 10 sigmoid layers by 0.25¹⁰ ≈ 9.5e−7", () => {
    const g = gradientScale("sigmoid", undefined, 0, 1, 10);
    assert.ok(Math.abs(g.maxDerivative - 0.25) < 1e-15, `${g.maxDerivative}`);
    assert.ok(Math.abs(g.bound[10] - 0.25 ** 10) < 1e-20);
    assert.ok(Math.abs(g.bound[10] - 9.5367e-7) < 1e-10);
    assert.ok(Math.abs(g.meanDerivative - 0.2066209641) < 1e-10);
    assert.ok(Math.abs(g.expected[10] / 0.2066209641 ** 10 - 1) < 1e-8);
    assert.equal(g.expected[0], 1);
    assert.equal(g.expected.length, 11);
    // E f′ ≤ √E f′² ≤ sup|f′| (Jensen and the bound).
    for (let l = 1; l <= 10; l++) {
      assert.ok(g.expected[l] <= g.rms[l] && g.rms[l] <= g.bound[l]);
    }
  });

  it("gives relu E f′ = Φ(μ/σ) and a path product of 0 or 1", () => {
    const g = gradientScale("relu", undefined, 0, 1, 5);
    assert.equal(g.meanDerivative, 0.5);
    assert.equal(g.rmsDerivative, Math.SQRT1_2);
    assert.equal(g.maxDerivative, 1);
    const p = pathDerivativeProduct("relu", undefined, [0.3, 2, -1e-9, 4]);
    assert.deepEqual([...p.cumulative], [1, 1, 0, 0]);
    assert.equal(p.product, 0);
    assert.equal(pathDerivativeProduct("relu", undefined, []).product, 1);
  });

  it("multiplies the registry's derivatives along a path", () => {
    const z = [0.5, -1.25, 2, 0, -3];
    const p = pathDerivativeProduct("tanh", undefined, z);
    let want = 1;
    for (const x of z) {
      want *= derivative("tanh", x);
    }
    assert.equal(p.product, want);
    assert.equal(pathDerivativeProduct("leaky_relu", { negative_slope: 0.1 }, [-1, -2, 0]).product, 0.1 ** 3);
  });

  it("finds sup|f′| where it is known", () => {
    assert.ok(Math.abs(maxAbsDerivative("tanh").value - 1) < 1e-15);
    assert.equal(maxAbsDerivative("relu").value, 1);
    assert.equal(maxAbsDerivative("hardsigmoid").value, 1 / 6);
    assert.ok(Math.abs(maxAbsDerivative("selu").value - 1.0507009873554805 * 1.6732632423543772) < 1e-12);
    // gelu′(x) = Φ(x) + xφ(x) peaks at x = √2: Φ(√2) + √2·φ(√2).
    const gelu = maxAbsDerivative("gelu");
    assert.ok(Math.abs(gelu.at - Math.SQRT2) < 1e-6, `${gelu.at}`);
    const peak = 0.9213503964748575 + Math.SQRT2 * 0.14676266317373993; // Φ(√2) + √2·φ(√2), mpmath
    assert.ok(Math.abs(gelu.value - peak) < 1e-14, `${gelu.value} vs ${peak}`);
    assert.ok(Math.abs(maxAbsDerivative("leaky_relu", { negative_slope: -3 }).value - 3) < 1e-15);
  });

  it("rejects bad layer counts", () => {
    assert.throws(() => gradientScale("relu", undefined, 0, 1, -1), RangeError);
    assert.throws(() => gradientScale("relu", undefined, 0, 1, 2.5), RangeError);
  });
});
