import assert from "node:assert/strict";
import { integrateVector } from "../../../../src/core/stats/quadrature";
import { expBelowZero, phi, Phi } from "../../../../src/core/stats/normal";

describe("core/stats/quadrature and normal", () => {
  it("integrates smooth functions to ~1e−14 with one evaluation set for all components", () => {
    const r = integrateVector(
      (t, out) => {
        out[0] = Math.exp(t);
        out[1] = Math.cos(t);
        out[2] = 1 / (1 + t * t);
      },
      3,
      [0, 1, 3],
    );
    assert.ok(Math.abs(r.values[0] - (Math.E ** 3 - 1)) < 1e-13);
    assert.ok(Math.abs(r.values[1] - Math.sin(3)) < 1e-14);
    assert.ok(Math.abs(r.values[2] - Math.atan(3)) < 1e-14);
    assert.ok(r.evaluations % 15 === 0);
  });

  it("is exact across a kink when the kink is a break, and converges slowly but surely when not", () => {
    const withBreak = integrateVector((t, out) => void (out[0] = Math.abs(t)), 1, [-1, 0, 2]);
    assert.ok(Math.abs(withBreak.values[0] - 2.5) < 1e-15);
    assert.equal(withBreak.evaluations, 30);
    const without = integrateVector((t, out) => void (out[0] = Math.abs(t - 0.3)), 1, [-1, 2]);
    assert.ok(Math.abs(without.values[0] - (1.3 ** 2 / 2 + 1.7 ** 2 / 2)) < 1e-12);
  });

  it("returns NaN (quickly) for a NaN integrand and skips empty intervals", () => {
    const r = integrateVector((_t, out) => void (out[0] = NaN), 1, [0, 1]);
    assert.ok(Number.isNaN(r.values[0]));
    assert.equal(r.evaluations, 15);
    assert.equal(integrateVector((_t, out) => void (out[0] = 1), 1, [1, 1]).values[0], 0);
  });

  it("Φ and φ: values and tails", () => {
    assert.equal(Phi(0), 0.5);
    assert.ok(Math.abs(Phi(1) - 0.8413447460685429) <= 2.3e-16);
    assert.ok(Math.abs(Phi(-30) / 4.906713927148187e-198 - 1) < 1e-13);
    assert.equal(Phi(Infinity), 1);
    assert.equal(Phi(-Infinity), 0);
    assert.ok(Math.abs(phi(0) - 1 / Math.sqrt(2 * Math.PI)) < 1e-17);
  });

  it("E[e^(kX); X ≤ 0] matches mpmath on both sides of the switch to the Mills-ratio series and never overflows", () => {
    // Closed form e^(kμ + k²σ²/2)·Φ(t), t = −(μ + kσ²)/σ; the series takes over at t ≤ −30.
    const sigma = 1;
    const k = 1;
    const direct = (mu: number): number => Math.exp(k * mu + 0.5 * k * k * sigma * sigma) * Phi(-(mu + k) / sigma);
    for (const mu of [-3, 0, 5, 28.5]) {
      assert.ok(Math.abs(expBelowZero(k, mu, sigma) / direct(mu) - 1) < 1e-13, `μ = ${mu}`);
    }
    // mpmath (30 digits) on both sides of the switch, and far beyond.
    for (const [kk, mu, sg, want] of [
      [1, 29.000001, 1, 3.1802799079776717e-185],
      [2, 20, 3, 6.991870089550879e-12],
      [1, -800, 1, 6.0473028451941406e-348], // underflows to 0
      [0.5, 100, 0.1, 0],
    ]) {
      const got = expBelowZero(kk, mu, sg);
      assert.ok(Number.isFinite(got) && got >= 0, `${got}`);
      assert.ok(want === 0 || want < 1e-300 ? got < 1e-300 : Math.abs(got / want - 1) < 1e-12, `k=${kk} μ=${mu} σ=${sg}: ${got}`);
    }
  });
});
