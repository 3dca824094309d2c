import assert from "node:assert/strict";
import fc from "fast-check";
import { errorVsUnits, evenKinks, fitReluSum } from "../../../../src/core/explain/relu-sum";

describe("core/explain/relu-sum: g(x) = c + a·x + Σ vᵢ·relu(wᵢx + bᵢ)", () => {
  it("fits |x| exactly with one unit whose kink is at 0", () => {
    const fit = fitReluSum({ target: "abs", units: 1 });
    assert.deepEqual([...fit.kinks], [0]);
    assert.ok(fit.maxError < 1e-9, `max error ${fit.maxError}`);
    // |x| = −x + 2·relu(x): a = −1, v = 2, c = 0.
    assert.ok(Math.abs(fit.a + 1) < 1e-9 && Math.abs(fit.v[0] - 2) < 1e-9 && Math.abs(fit.c) < 1e-9);
    assert.deepEqual([...fit.w], [1]);
    assert.deepEqual([...fit.b], [-0]);
  });

  it("fits any piecewise-linear target with bends at its kinks exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ min: -0.95, max: 0.95, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (kinks, coef) => {
          // Well-posed cases only: kinks ≥ 0.01 apart (nearly coincident kinks make nearly equal columns, where
          // the 1e−12 ridge trades ~1e−7 of fit for bounded weights; see the duplicated-kinks test below).
          const sorted = [...kinks].sort((p, q) => p - q);
          fc.pre(sorted.every((k, i) => i === 0 || k - sorted[i - 1] >= 0.01));
          const x = Float64Array.from({ length: 301 }, (_, k) => -1 + (2 * k) / 300);
          const y = Float64Array.from(x, (t) =>
            kinks.reduce((s, k, i) => s + coef[i] * Math.max(0, t - k), coef[6] + coef[7] * t),
          );
          const fit = fitReluSum({ target: { x, y }, kinks });
          // Exact up to the 1e−12 ridge's bias (≤ ~1e−8 on targets of this size; it scales with the ridge).
          assert.ok(fit.maxError < 5e-8, `max error ${fit.maxError}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a kink in the wrong place cannot fit |x| exactly", () => {
    const fit = fitReluSum({ target: "abs", kinks: [0.3] });
    assert.ok(fit.rmsError > 1e-2);
  });

  it("sin's error falls roughly like 1/units² (and falls monotonically)", () => {
    const e = errorVsUnits("sin", [4, 8, 16, 32, 64]);
    for (let i = 1; i < e.rmsError.length; i++) {
      const ratio = e.rmsError[i - 1] / e.rmsError[i];
      assert.ok(ratio > 3 && ratio < 5, `rms(${e.units[i - 1]})/rms(${e.units[i]}) = ${ratio}`);
    }
    const all = errorVsUnits("sin", Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < 20; i++) {
      assert.ok(all.rmsError[i] < all.rmsError[i - 1], `units ${i + 1}`);
      assert.ok(all.maxError[i] >= all.rmsError[i]);
    }
  });

  it("x² errors fall like 1/units²; the step never fits well", () => {
    const sq = errorVsUnits("square", [8, 16]);
    const ratio = sq.rmsError[0] / sq.rmsError[1];
    assert.ok(ratio > 3 && ratio < 5, `${ratio}`);
    const step = errorVsUnits("step", [8, 64]);
    assert.ok(step.maxError[1] > 0.25, `${step.maxError[1]}`); // the jump stays
  });

  it("returns curves that add up: sum = linear + Σ contributions, at the samples", () => {
    const fit = fitReluSum({ target: "sin", units: 5, samples: 51 });
    assert.equal(fit.x.length, 51);
    assert.equal(fit.x[0], -Math.PI);
    assert.equal(fit.x[50], Math.PI);
    assert.equal(fit.contributions.length, 5);
    for (let k = 0; k < 51; k++) {
      let s = fit.linear[k];
      for (const c of fit.contributions) {
        s += c[k];
      }
      assert.ok(Math.abs(s - fit.sum[k]) < 1e-12);
      assert.equal(fit.target[k], Math.sin(fit.x[k]));
      // Each contribution is vᵢ·relu(x − kinkᵢ).
      fit.contributions.forEach((c, i) => {
        assert.ok(Math.abs(c[k] - fit.v[i] * Math.max(0, fit.x[k] - fit.kinks[i])) < 1e-12);
      });
    }
    let ss = 0;
    for (let k = 0; k < 51; k++) {
      ss += (fit.sum[k] - fit.target[k]) ** 2;
    }
    assert.ok(Math.abs(Math.sqrt(ss / 51) - fit.rmsError) < 1e-15);
  });

  it("places even kinks strictly inside the range and survives duplicated kinks", () => {
    assert.deepEqual([...evenKinks(3, [-2, 2])], [-1, 0, 1]);
    const dup = fitReluSum({ target: "abs", kinks: [0, 0, 0] });
    assert.ok(dup.maxError < 1e-6);
    assert.ok(Math.abs(dup.v[0] + dup.v[1] + dup.v[2] - 2) < 1e-6);
    assert.ok(dup.v.every((v) => Number.isFinite(v)));
    const none = fitReluSum({ target: "square", units: 0 });
    assert.equal(none.contributions.length, 0);
    assert.ok(Math.abs(none.a) < 1e-12); // x² on [−1, 1] has no linear component
  });

  it("fits x far from 0 (years, timestamps) as well as near 0: exact where the target is a sum of ReLUs", () => {
    for (const base of [2000, 1e5, 1.7e9]) {
      const xs = Float64Array.from({ length: 200 }, (_, i) => base + i * (base > 1e6 ? 1000 : 0.5));
      const kink = xs[100] + (xs[1] - xs[0]) / 2;
      const fit = fitReluSum({ target: { x: xs, y: Float64Array.from(xs, (x) => Math.abs(x - kink)) }, kinks: [kink] });
      const scale = xs[xs.length - 1] - xs[0];
      assert.ok(fit.maxError <= 1e-10 * scale, `x ≈ ${base}: max error ${fit.maxError}`);
      assert.ok(Math.abs(fit.v[0] - 2) < 1e-9 && Math.abs(fit.a + 1) < 1e-9, `v ${fit.v[0]}, a ${fit.a}`);
    }
    // x² on [1000, 1001] with 4 even kinks: numpy's lstsq on the same basis reaches RMS 0.0030698
    const xs = Float64Array.from({ length: 101 }, (_, i) => 1000 + i / 100);
    const sq = fitReluSum({ target: { x: xs, y: Float64Array.from(xs, (x) => x * x) }, units: 4 });
    assert.ok(Math.abs(sq.rmsError - 0.0030697579) < 1e-7, String(sq.rmsError));
  });

  it("rejects bad inputs", () => {
    assert.throws(() => fitReluSum({ target: "sin", range: [1, 1] }), RangeError);
    assert.throws(() => fitReluSum({ target: "sin", units: -1 }), RangeError);
    assert.throws(() => fitReluSum({ target: "sin", samples: 1 }), RangeError);
    assert.throws(() => fitReluSum({ target: { x: Float64Array.of(0, 1), y: Float64Array.of(0) } }), RangeError);
    assert.throws(() => fitReluSum({ target: { x: Float64Array.of(0, NaN), y: Float64Array.of(0, 1) } }), RangeError);
    assert.throws(() => fitReluSum({ target: "abs", kinks: [Infinity] }), RangeError);
  });
});
