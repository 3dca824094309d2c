import assert from "node:assert/strict";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { checkShape, summarize, unitStats } from "../../../../src/core/stats/summary";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/histograms.json", import.meta.url), "utf8")) as {
  data: Record<string, number[]>;
  cases: { name: string; mean: number; std: number }[];
};

function close(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${what}: ${a} vs ${b}`);
}

describe("core/stats/summary", () => {
  it("matches numpy's mean and population std (ddof = 0)", () => {
    for (const c of fixture.cases) {
      const s = summarize(Float64Array.from(fixture.data[c.name]));
      close(s.mean, c.mean, 1e-14, `${c.name} mean`);
      close(s.std, c.std, 1e-12, `${c.name} std`);
    }
  });

  it("counts NaN and ±∞ separately and leaves them out of the moments", () => {
    const s = summarize(Float32Array.of(NaN, 1, Infinity, 3, -Infinity, -Infinity, NaN, NaN));
    assert.deepEqual(s.nonFinite, { nan: 3, posInf: 1, negInf: 2 });
    assert.equal(s.count, 2);
    assert.equal(s.min, 1);
    assert.equal(s.max, 3);
    assert.equal(s.mean, 2);
    assert.equal(s.std, 1);
    const none = summarize(Float64Array.of(NaN));
    assert.equal(none.count, 0);
    assert.ok(Number.isNaN(none.mean) && Number.isNaN(none.std) && Number.isNaN(none.min));
  });

  it("does not cancel when the mean dwarfs the spread", () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => 1e9 + (i % 2 === 0 ? 1 : -1));
    const s = summarize(v);
    assert.equal(s.mean, 1e9);
    close(s.std, 1, 1e-12, "std");
    const c = summarize(Float64Array.from({ length: 10 }, () => 0.1));
    assert.equal(c.std, 0);
    assert.equal(c.mean, 0.1);
  });

  it("agrees with a two-pass reference (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const s = summarize(Float64Array.from(xs));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const scale = Math.max(...xs.map(Math.abs));
        // Two-pass reference on values normalised by their largest magnitude, so the squares of tiny
        // values (e.g. 1e-300) do not underflow in the reference itself.
        const k = scale > 0 ? scale : 1;
        const mk = xs.reduce((a, b) => a + b / k, 0) / xs.length;
        const vNorm = xs.reduce((a, b) => a + (b / k - mk) ** 2, 0) / xs.length;
        assert.ok(Math.abs(s.mean - mean) <= 1e-12 * scale + 1e-300);
        const refStd = Math.sqrt(vNorm) * k;
        assert.ok(Math.abs(s.std - refStd) <= 1e-6 * scale + 1e-300, `${s.std} vs ${refStd}`);
        assert.equal(s.min, Math.min(...xs));
        assert.equal(s.max, Math.max(...xs));
      }),
      { numRuns: 200 },
    );
  });

  it("computes per-unit statistics of a row-major matrix", () => {
    // 3 rows × 2 units: unit 0 = [1, 2, 3], unit 1 = [0, NaN, 0].
    const u = unitStats(Float64Array.of(1, 0, 2, NaN, 3, 0), 3, 2);
    assert.deepEqual([...u.count], [3, 2]);
    assert.deepEqual([...u.mean], [2, 0]);
    close(u.std[0], Math.sqrt(2 / 3), 1e-15, "std unit 0");
    assert.deepEqual([...u.min], [1, 0]);
    assert.deepEqual([...u.max], [3, 0]);
    assert.deepEqual([...u.zeroFraction], [0, 1]);
    const empty = unitStats(Float64Array.of(NaN), 1, 1);
    assert.ok(Number.isNaN(empty.mean[0]));
  });

  it("checks shapes", () => {
    assert.throws(() => checkShape(6, 4, 2), /does not match/);
    assert.throws(() => checkShape(6, -3, -2), RangeError);
    assert.throws(() => checkShape(6, 1.5, 4), RangeError);
    assert.throws(() => unitStats(new Float64Array(5), 2, 2), RangeError);
  });
});
