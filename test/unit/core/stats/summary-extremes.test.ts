import assert from "node:assert/strict";
import fc from "fast-check";
import { summarize } from "../../../../src/core/stats";

function naive(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { mean, std };
}

describe("core/stats summarize at the edges of float64", () => {
  it("keeps mean and std finite and right when huge values of both signs meet", () => {
    const s = summarize(new Float64Array([1e308, -1e308, 1e-300, -5e-324]));
    assert.ok(Math.abs(s.mean) < 1e292, `mean ${s.mean}`);
    assert.ok(Math.abs(s.std / (1e308 / Math.SQRT2) - 1) < 1e-12, `std ${s.std}`);
    const t = summarize(new Float64Array([-1e308, 1e308, 1e308]));
    assert.ok(Math.abs(t.mean / (1e308 / 3) - 1) < 1e-12, `mean ${t.mean}`);
    assert.ok(Math.abs(t.std / (Math.sqrt(8 / 9) * 1e308) - 1) < 1e-12, `std ${t.std}`);
  });

  it("keeps the std of tiny values (no underflow of the squares)", () => {
    const s = summarize(new Float64Array([-3.14e-162, 0]));
    assert.ok(Math.abs(s.std / 1.57e-162 - 1) < 1e-12, `std ${s.std}`);
    const t = summarize(new Float64Array([5e-324, 0, 1e-323]));
    assert.ok(t.std > 0, `std ${t.std}`);
  });

  it("agrees with a naive two-pass computation on ordinary data", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const s = summarize(new Float64Array(xs));
        const r = naive(xs);
        assert.ok(Math.abs(s.mean - r.mean) <= 1e-9 * (1 + Math.abs(r.mean)), `${s.mean} vs ${r.mean}`);
        assert.ok(Math.abs(s.std - r.std) <= 1e-6 * (1 + r.std), `${s.std} vs ${r.std}`);
      }),
      { numRuns: 300 },
    );
  });
});
