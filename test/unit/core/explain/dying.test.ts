import assert from "node:assert/strict";
import { dyingSweep, dyingUnits, layerDying, reluSparsity, reluSparsityCurve } from "../../../../src/core/explain/dying";
import { Phi } from "../../../../src/core/stats/normal";

describe("core/explain/dying: dead units and ReLU sparsity", () => {
  it("reluSparsity is Φ(−μ/σ): 0.5 at μ = 0, Φ(1) ≈ 0.8413 at μ = −1", () => {
    assert.equal(reluSparsity(0, 1), 0.5);
    assert.ok(Math.abs(reluSparsity(-1, 1) - 0.8413447461) < 1e-10);
    assert.ok(Math.abs(reluSparsity(2, 4) - Phi(-0.5)) < 1e-16);
    assert.throws(() => reluSparsity(0, 0), RangeError);
  });

  it("the simulated sparsity curve sits on Φ(−μ/σ) within sampling error", () => {
    const mus = [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3];
    const c = reluSparsityCurve(mus, 1, { samples: 20000, seed: 4 });
    for (let i = 0; i < mus.length; i++) {
      const p = c.theory[i];
      const se = Math.sqrt((p * (1 - p)) / 20000);
      assert.ok(Math.abs(c.simulated[i] - p) <= 4 * se + 1e-12, `μ = ${mus[i]}: ${c.simulated[i]} vs ${p}`);
    }
  });

  it("only ReLU units die; leaky_relu, prelu and elu keep a gradient", () => {
    const r = dyingUnits({ units: 400, mus: { meanShift: -3, spread: 1 }, sigma: 1, batch: 16, seed: 8 });
    const byId = Object.fromEntries(r.activations.map((a) => [a.id, a]));
    assert.deepEqual(Object.keys(byId), ["relu", "leaky_relu", "prelu", "elu"]);
    assert.ok(byId.relu.deadFraction > 0.3, `relu ${byId.relu.deadFraction}`);
    assert.equal(byId.relu.deadFraction, r.allNonPositiveFraction); // relu dead ⇔ z ≤ 0 for the whole batch
    for (const id of ["leaky_relu", "prelu", "elu"]) {
      assert.equal(byId[id].deadFraction, 0, id);
      assert.ok(byId[id].meanAbsDerivative > 0, id);
    }
    assert.ok(byId.relu.meanAbsDerivative < byId.leaky_relu.meanAbsDerivative);
    // Expected fraction Σ_u Φ(−μ_u/σ)^batch / units, within a binomial standard error.
    const se = Math.sqrt((r.reluTheory * (1 - r.reluTheory)) / 400);
    assert.ok(Math.abs(byId.relu.deadFraction - r.reluTheory) < 4 * se, `${byId.relu.deadFraction} vs ${r.reluTheory}`);
  });

  it("counts dead units exactly for given unit means", () => {
    // σ tiny: unit means decide. Means ≤ 0 → relu dead (relu′(0) = 0 at exactly 0 too), > 0 → alive.
    const mus = Float64Array.of(-1, -1e-3, 0.5, 2, -5);
    const r = dyingUnits({ units: 5, mus, sigma: 1e-9, batch: 8, seed: 1, ids: ["relu", "leaky_relu"] });
    assert.equal(r.activations[0].deadFraction, 3 / 5);
    assert.equal(r.activations[0].zeroOutputFraction, 3 / 5);
    assert.equal(r.activations[1].deadFraction, 0);
    assert.equal(r.activations[1].zeroOutputFraction, 0);
    assert.deepEqual([...r.mus], [...mus]);
    // prelu with weight 0 is relu: it dies too (params per id).
    const p0 = dyingUnits({ units: 5, mus, sigma: 1e-9, batch: 8, seed: 1, ids: ["prelu"], params: { prelu: { weight: 0 } } });
    assert.equal(p0.activations[0].deadFraction, 3 / 5);
  });

  it("the sweep rises with a negative bias shift, matches dyingUnits per shift and follows the theory", () => {
    const shifts = [1, 0, -1, -2, -3, -4];
    const input = { units: 300, spread: 0.5, sigma: 1, batch: 8, seed: 3 } as const;
    const sw = dyingSweep({ ...input, shifts });
    const relu = sw.dead.relu;
    for (let k = 1; k < shifts.length; k++) {
      assert.ok(relu[k] >= relu[k - 1], `monotone at shift ${shifts[k]}`);
      assert.ok(sw.reluTheory[k] > sw.reluTheory[k - 1]);
      const p = sw.reluTheory[k];
      // Units are independent given the shift: binomial error of the fraction, plus slack for the spread draw.
      assert.ok(Math.abs(relu[k] - p) < 5 * Math.sqrt((p * (1 - p)) / 300) + 0.02, `shift ${shifts[k]}: ${relu[k]} vs ${p}`);
    }
    assert.ok(relu[5] > 0.9);
    assert.ok(relu[0] < 0.01);
    assert.ok(sw.dead.leaky_relu.every((v) => v === 0));
    const one = dyingUnits({ ...input, mus: { meanShift: -2, spread: 0.5 } });
    assert.equal(one.activations[0].deadFraction, relu[3]);
    // No spread: the theory is Φ(−shift/σ)^batch.
    const flat = dyingSweep({ ...input, spread: 0, shifts: [-1] });
    assert.ok(Math.abs(flat.reluTheory[0] - Phi(1) ** 8) < 1e-14);
  });

  it("layerDying on a real selection: output 0 and gradient 0 in every row", () => {
    // 3 rows × 3 units: unit 0 always ≤ 0, unit 1 has one positive, unit 2 is exactly 0 throughout.
    const pre = Float64Array.of(-1, -2, 0, -3, 4, 0, -0.5, -1, 0);
    const relu = layerDying(pre, 3, 3, "relu");
    assert.deepEqual(relu.deadUnits, [0, 2]);
    assert.deepEqual(relu.zeroOutputUnits, [0, 2]);
    assert.equal(relu.deadFraction, 2 / 3);
    assert.equal(relu.sparsity, 8 / 9);
    // leaky_relu: unit 2 (exact zeros) outputs 0 but has gradient 0.01: not dead.
    const leaky = layerDying(pre, 3, 3, "leaky_relu");
    assert.deepEqual(leaky.deadUnits, []);
    assert.deepEqual(leaky.zeroOutputUnits, [2]);
    assert.deepEqual(layerDying(Float64Array.of(NaN, -1), 1, 2, "relu").deadUnits, [1]);
  });

  it("rejects bad inputs", () => {
    const ok = { units: 4, mus: { meanShift: 0, spread: 1 }, sigma: 1, batch: 4, seed: 0 };
    assert.throws(() => dyingUnits({ ...ok, sigma: 0 }), RangeError);
    assert.throws(() => dyingUnits({ ...ok, units: 0 }), RangeError);
    assert.throws(() => dyingUnits({ ...ok, mus: Float64Array.of(1, 2) }), RangeError);
    assert.throws(() => dyingUnits({ ...ok, mus: { meanShift: 0, spread: -1 } }), RangeError);
    assert.throws(() => dyingUnits({ ...ok, ids: ["softmax"] }), /vector/);
    assert.throws(() => dyingSweep({ units: 4, spread: 1, sigma: 1, batch: 4, seed: 0, shifts: [NaN] }), RangeError);
    assert.throws(() => layerDying(new Float64Array(5), 2, 2, "relu"), RangeError);
  });
});
