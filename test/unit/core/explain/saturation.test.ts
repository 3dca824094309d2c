import assert from "node:assert/strict";
import { derivative } from "../../../../src/core/activations";
import { saturatedFraction, saturationRegions } from "../../../../src/core/explain/saturation";

describe("core/explain/saturation: where |f′| < ε", () => {
  it("sigmoid: |x| > 2·acosh(1/(2√ε)) (closed form)", () => {
    for (const eps of [1e-3, 1e-2, 0.1]) {
      const edge = 2 * Math.acosh(1 / (2 * Math.sqrt(eps)));
      const r = saturationRegions("sigmoid", undefined, eps, [-10, 10]);
      assert.equal(r.intervals.length, 2);
      const [left, right] = r.intervals;
      assert.equal(left.lo, -10);
      assert.ok(left.toLo && !left.toHi && right.toHi && !right.toLo);
      assert.ok(Math.abs(left.hi + edge) < 1e-9, `ε=${eps}: ${left.hi} vs ${-edge}`);
      assert.ok(Math.abs(right.lo - edge) < 1e-9);
      assert.ok(Math.abs(r.fraction - (20 - 2 * edge) / 20) < 1e-9);
    }
  });

  it("tanh: |x| > acosh(1/√ε); relu: x ≤ 0; hardtanh: outside (−1, 1); softshrink: inside [−λ, λ]", () => {
    const t = saturationRegions("tanh", undefined, 1e-3, [-10, 10]);
    assert.ok(Math.abs(t.intervals[1].lo - Math.acosh(1 / Math.sqrt(1e-3))) < 1e-9);
    const r = saturationRegions("relu", undefined, 1e-3, [-4, 4]);
    assert.equal(r.intervals.length, 1);
    assert.equal(r.intervals[0].lo, -4);
    assert.ok(Math.abs(r.intervals[0].hi) < 1e-9);
    assert.ok(Math.abs(r.fraction - 0.5) < 1e-9);
    const h = saturationRegions("hardtanh", undefined, 1e-3, [-3, 3]);
    assert.deepEqual(
      h.intervals.map((i) => [Math.round(i.lo * 1e6) / 1e6, Math.round(i.hi * 1e6) / 1e6]),
      [
        [-3, -1],
        [1, 3],
      ],
    );
    const s = saturationRegions("softshrink", { lambd: 0.25 }, 1e-3, [-2, 2]);
    assert.equal(s.intervals.length, 1);
    assert.ok(Math.abs(s.intervals[0].lo + 0.25) < 1e-9 && Math.abs(s.intervals[0].hi - 0.25) < 1e-9);
    assert.deepEqual(saturationRegions("leaky_relu", undefined, 1e-3, [-5, 5]).intervals, []);
  });

  it("finds dips narrower than the sampling grid (gelu′ = 0 near −0.7518, hardswish′ = 0 at −1.5)", () => {
    const g = saturationRegions("gelu", undefined, 1e-3, [-10, 10]);
    const dip = g.intervals.find((i) => i.lo > -1 && i.hi < -0.5);
    assert.ok(dip !== undefined, JSON.stringify(g.intervals));
    assert.ok(Math.abs(Math.abs(derivative("gelu", dip.lo)) - 1e-3) < 1e-9, "boundary where |f′| = ε");
    assert.ok(Math.abs(Math.abs(derivative("gelu", dip.hi)) - 1e-3) < 1e-9);
    assert.ok(dip.hi - dip.lo < 0.01);
    // hardswish′ = (2x + 3)/6 on (−3, 3): |f′| < ε ⇔ |x + 1.5| < 3ε, a width of 0.006 < the grid step 40/4000.
    const h = saturationRegions("hardswish", undefined, 1e-3, [-20, 20]);
    const hd = h.intervals.find((i) => i.lo > -2 && i.hi < -1);
    assert.ok(hd !== undefined, JSON.stringify(h.intervals));
    assert.ok(Math.abs(hd.lo - (-1.5 - 0.003)) < 1e-9 && Math.abs(hd.hi - (-1.5 + 0.003)) < 1e-9, JSON.stringify(hd));
  });

  it("every off-grid point agrees with the intervals (sigmoid, gelu, elu, hardswish, silu, mish, softsign)", () => {
    for (const id of ["sigmoid", "gelu", "elu", "hardswish", "silu", "mish", "softsign"]) {
      const r = saturationRegions(id, undefined, 0.05, [-8, 8]);
      for (let k = 0; k <= 1000; k++) {
        const x = -8 + (16 * k) / 1000 + 1e-4; // off the grid
        if (x > 8) {
          continue;
        }
        const inside = r.intervals.some((i) => x >= i.lo && x <= i.hi);
        const near = r.intervals.some((i) => Math.abs(x - i.lo) < 1e-9 || Math.abs(x - i.hi) < 1e-9);
        if (!near) {
          assert.equal(inside, Math.abs(derivative(id, x)) < 0.05, `${id} at ${x}`);
        }
      }
    }
  });

  it("saturatedFraction counts |f′(x)| < ε among finite values", () => {
    const v = Float64Array.of(-10, -1, 0, 1, 10, NaN, Infinity);
    // sigmoid′: ±10 → 4.5e−5 (saturated); ±∞ → 0 but not finite: excluded.
    assert.equal(saturatedFraction(v, "sigmoid"), 2 / 5);
    assert.equal(saturatedFraction(v, "relu"), 3 / 5); // −10, −1, 0 (relu′(0) = 0)
    assert.throws(() => saturationRegions("relu", undefined, -1), RangeError);
    assert.throws(() => saturationRegions("relu", undefined, 1e-3, [1, 0]), RangeError);
  });
});
