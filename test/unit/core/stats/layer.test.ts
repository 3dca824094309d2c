import assert from "node:assert/strict";
import fc from "fast-check";
import { derivative, evaluate } from "../../../../src/core/activations";
import { createRng, fillNormal } from "../../../../src/core/explain/random";
import { histogram } from "../../../../src/core/stats/histogram";
import { deadUnits, layerStats, saturatedFraction, zeroFraction } from "../../../../src/core/stats/layer";
import { Phi } from "../../../../src/core/stats/normal";
import { summarize } from "../../../../src/core/stats/summary";
import { applyActivation } from "../../../../src/core/kernels";

describe("core/stats/layer: layerStats and its parts", () => {
  it("gives exact numbers on a small relu layer", () => {
    // 3 rows × 4 units; unit 1 is negative in every row (dead), unit 3 is 0 in every row (dead too).
    const pre = Float64Array.of(1, -2, 0.5, 0, -1, -3, 2, -0, 4, -0.5, -1, 0);
    const s = layerStats(pre, 3, 4, "relu", undefined, { bins: 4 });
    assert.deepEqual(s.shape, { rows: 3, units: 4 });
    assert.deepEqual(s.deadUnits, [1, 3]);
    assert.equal(s.sparsity, 8 / 12); // −2, 0, −1, −3, −0, −0.5, −1, 0 → 0
    assert.equal(s.pre.min, -3);
    assert.equal(s.pre.max, 4);
    assert.equal(s.post.min, 0);
    assert.equal(s.post.max, 4);
    assert.equal(s.post.mean, (1 + 0.5 + 2 + 4) / 12);
    assert.deepEqual(s.nonFinite, { nan: 0, posInf: 0, negInf: 0 });
    // relu′ = 0 for x ≤ 0 (torch: relu′(0) = 0): every non-positive value is saturated.
    assert.equal(s.saturatedFraction, 8 / 12);
    assert.deepEqual([...s.histogramPost.edges], [0, 1, 2, 3, 4]);
    assert.deepEqual([...s.histogramPost.counts], [9, 1, 1, 1]); // [0, 1): eight zeros and 0.5
  });

  it("equals the composition of summarize, histogram, zeroFraction, deadUnits and saturatedFraction (property)", () => {
    const ids = ["relu", "leaky_relu", "gelu", "sigmoid", "hardtanh", "elu"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...ids),
        fc.infiniteStream(fc.oneof(fc.double({ min: -8, max: 8 }), fc.constantFrom(0, -0, NaN, Infinity, -Infinity))),
        fc.integer({ min: 1, max: 12 }),
        (rows, units, id, stream, bins) => {
          const it = stream[Symbol.iterator]();
          const pre = Float32Array.from({ length: rows * units }, () => it.next().value as number);
          const s = layerStats(pre, rows, units, id, undefined, { bins, saturationEps: 0.05 });
          const post = Float64Array.from(pre, (x) => evaluate(id, x));
          assert.deepEqual(s.pre, summarize(pre));
          assert.deepEqual(s.post, summarize(post));
          assert.deepEqual(s.nonFinite, summarize(pre).nonFinite);
          assert.deepEqual(s.histogramPre, histogram(pre, { bins }));
          assert.deepEqual(s.histogramPost, histogram(post, { bins }));
          assert.deepEqual(s.deadUnits, deadUnits(post, rows, units));
          const finite = [...pre].filter((x) => Number.isFinite(x));
          const zeros = finite.filter((x) => evaluate(id, x) === 0).length;
          const sat = finite.filter((x) => Math.abs(derivative(id, x)) < 0.05).length;
          assert.equal(s.sparsity, finite.length === 0 ? NaN : zeros / finite.length);
          assert.equal(s.saturatedFraction, finite.length === 0 ? NaN : sat / finite.length);
          assert.equal(s.saturatedFraction, saturatedFraction(pre, id, undefined, 0.05));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("agrees with the Gaussian closed forms on a large sample (relu on N(−1, 1): zeros Φ(1) ≈ 0.8413)", () => {
    const rng = createRng(7);
    const rows = 2000;
    const units = 50;
    const pre = fillNormal(new Float64Array(rows * units), rng, -1, 1);
    const s = layerStats(pre, rows, units, "relu");
    const n = rows * units;
    const p = Phi(1);
    const se = Math.sqrt((p * (1 - p)) / n);
    assert.ok(Math.abs(s.sparsity - 0.8413447461) < 5 * se, `sparsity ${s.sparsity}`);
    assert.ok(Math.abs(s.saturatedFraction - 0.8413447461) < 5 * se);
    assert.deepEqual(s.deadUnits, []);
    // sigmoid saturation |σ′| < 1e−3 ⇔ |x| > 6.906…: P(|X| > 6.9) under N(0,1) is ~5e−12: none.
    assert.equal(saturatedFraction(fillNormal(new Float64Array(10000), rng), "sigmoid"), 0);
  });

  it("counts a unit with a NaN as alive and reports per-unit statistics on request", () => {
    const pre = Float64Array.of(-1, NaN, -2, -3);
    const s = layerStats(pre, 2, 2, "relu", undefined, { perUnit: true });
    assert.deepEqual(s.deadUnits, [0]);
    assert.deepEqual(s.nonFinite, { nan: 1, posInf: 0, negInf: 0 });
    assert.equal(s.sparsity, 1); // 3 finite values, all → 0
    assert.ok(s.perUnit !== undefined);
    assert.deepEqual([...s.perUnit.post.zeroFraction], [1, 1]);
    assert.deepEqual([...s.perUnit.pre.mean], [-1.5, -3]);
    assert.deepEqual(layerStats(new Float64Array(0), 0, 3, "relu").deadUnits, []);
  });

  it("takes precomputed post-activations (the heatmap's applyActivation output) with identical results", () => {
    const rows = 37;
    const units = 11;
    const pre = new Float64Array(rows * units);
    fillNormal(pre, createRng(7), 0, 2);
    pre[5] = NaN;
    pre[9] = -Infinity;
    for (const [id, params] of [["gelu", {}], ["leaky_relu", { negative_slope: 0.2 }], ["relu", {}]] as const) {
      const post = applyActivation(id, pre, params);
      const opts = { saturationEps: 1e-2, perUnit: true };
      assert.deepEqual(layerStats(pre, rows, units, id, params, { ...opts, post }), layerStats(pre, rows, units, id, params, opts), id);
    }
    assert.throws(() => layerStats(pre, rows, units, "relu", {}, { post: new Float64Array(3) }), RangeError);
  });

  it("zeroFraction counts ±0 among finite values", () => {
    assert.equal(zeroFraction(Float64Array.of(0, -0, 1, NaN, Infinity)), 2 / 3);
    assert.ok(Number.isNaN(zeroFraction(Float64Array.of(NaN))));
  });

  it("rejects bad shapes, ε and activations", () => {
    assert.throws(() => layerStats(new Float64Array(6), 4, 2, "relu"), /does not match/);
    assert.throws(() => layerStats(new Float64Array(6), 3, 2, "relu", undefined, { saturationEps: -1 }), RangeError);
    assert.throws(() => layerStats(new Float64Array(6), 3, 2, "softmax"), /vector/);
    assert.throws(() => layerStats(new Float64Array(6), 3, 2, "leaky_relu", { negative_slope: "x" }), /negative_slope/);
    assert.throws(() => saturatedFraction(new Float64Array(2), "relu", undefined, NaN), RangeError);
  });
});
