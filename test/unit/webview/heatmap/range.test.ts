import assert from "node:assert/strict";
import {
  MIN_VALUES,
  SAMPLE_SIZE,
  centralQuantiles,
  countOutside,
  divergingRange,
  sequentialRange,
} from "../../../../src/webview/heatmap/range";

/** A deterministic standard-normal sample (mulberry32 + Box–Muller). */
function normal(n: number, seed = 1): Float64Array {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  }
  return out;
}

function extent(v: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  return [lo, hi];
}

describe("webview/heatmap/range", () => {
  describe("centralQuantiles", () => {
    it("takes nearest-rank order statistics of the finite values", () => {
      const v = Float64Array.from({ length: 3001 }, (_, i) => 3000 - i); // 0..3000
      assert.deepEqual(centralQuantiles(v), [3, 2997]);
    });

    it("never returns the extremes themselves, and nothing for a handful of values", () => {
      const v = Array.from({ length: MIN_VALUES }, (_, i) => i);
      assert.deepEqual(centralQuantiles(v), [1, MIN_VALUES - 2]);
      assert.equal(centralQuantiles(v.slice(1)), undefined);
    });

    it("skips NaN and infinities, and is undefined when nothing is finite", () => {
      const v = [NaN, Infinity, -Infinity, ...Array.from({ length: MIN_VALUES }, () => 2)];
      assert.deepEqual(centralQuantiles(v), [2, 2]);
      assert.equal(centralQuantiles([NaN, Infinity, ...Array.from({ length: MIN_VALUES - 1 }, () => 2)]), undefined);
      assert.equal(centralQuantiles([]), undefined);
    });

    it("samples large inputs (the quantiles stay close)", () => {
      const v = normal(3 * SAMPLE_SIZE + 7);
      const q = centralQuantiles(v);
      assert.ok(q);
      assert.ok(Math.abs(q[1] - 3.09) < 0.15 && Math.abs(q[0] + 3.09) < 0.15, String(q));
    });
  });

  describe("divergingRange", () => {
    it("keeps the full symmetric range for ordinary data", () => {
      const v = normal(100_000);
      const [lo, hi] = extent(v);
      const r = divergingRange(v, lo, hi, centralQuantiles(v));
      assert.equal(r.clipped, false);
      assert.equal(r.limit, Math.max(-lo, hi));
    });

    it("leaves a single spike outside: the limit becomes the largest |x| inside the fence", () => {
      const v = normal(100_000);
      const [lo0, hi0] = extent(v);
      v[500] = 40;
      const r = divergingRange(v, lo0, 40, centralQuantiles(v));
      assert.equal(r.clipped, true);
      assert.equal(r.limit, Math.max(-lo0, hi0));
      assert.deepEqual(countOutside(v, -r.limit, r.limit), { below: 0, above: 1 });
    });

    it("handles a spike in a small matrix (6 × 8)", () => {
      const v = normal(48, 7);
      const [lo, hi] = extent(v);
      assert.equal(divergingRange(v, lo, hi, centralQuantiles(v)).clipped, false);
      v[20] = 1000;
      const r = divergingRange(v, lo, 1000, centralQuantiles(v));
      assert.equal(r.clipped, true);
      assert.equal(r.limit, Math.max(...Array.from(v).filter((x) => x !== 1000).map(Math.abs)));
    });

    it("never clips a handful of values", () => {
      const v = [0.1, 0.2, -0.1, 0.5];
      assert.deepEqual(divergingRange(v, -0.1, 0.5, centralQuantiles(v)), { limit: 0.5, clipped: false });
    });

    it("is 0 when nothing is finite, and never clips all-zero data", () => {
      assert.deepEqual(divergingRange([NaN], NaN, NaN, undefined), { limit: 0, clipped: false });
      const zeros = new Float64Array(10);
      assert.deepEqual(divergingRange(zeros, 0, 0, centralQuantiles(zeros)), { limit: 0, clipped: false });
    });

    it("does not clip when the central range is all zeros (sparse data keeps its colours)", () => {
      const v = new Float64Array(10_000);
      v[3] = 5;
      v[9] = -2;
      assert.deepEqual(divergingRange(v, -2, 5, centralQuantiles(v)), { limit: 5, clipped: false });
    });
  });

  describe("sequentialRange", () => {
    it("keeps [min, max] for ordinary data", () => {
      const v = normal(50_000).map(Math.abs);
      const [lo, hi] = extent(v);
      assert.deepEqual(sequentialRange(v, lo, hi, centralQuantiles(v)), { lo, hi, clipped: false });
    });

    it("pulls in only the end that has outliers", () => {
      const v = normal(50_000).map((x) => Math.max(0, x));
      const [, hi0] = extent(v);
      v[7] = 1e6;
      const r = sequentialRange(v, 0, 1e6, centralQuantiles(v));
      assert.deepEqual(r, { lo: 0, hi: hi0, clipped: true });
      assert.deepEqual(countOutside(v, r.lo, r.hi), { below: 0, above: 1 });
      v[8] = -1e6;
      const both = sequentialRange(v, -1e6, 1e6, centralQuantiles(v));
      assert.equal(both.lo, 0);
      assert.equal(both.hi, hi0);
    });

    it("is [0, 0] with nothing finite and [min, max] for constant data", () => {
      assert.deepEqual(sequentialRange([NaN], NaN, NaN, undefined), { lo: 0, hi: 0, clipped: false });
      assert.deepEqual(sequentialRange([3, 3, 3], 3, 3, [3, 3]), { lo: 3, hi: 3, clipped: false });
    });
  });

  it("countOutside counts finite values only", () => {
    assert.deepEqual(countOutside([-5, -1, 0, 1, 5, NaN, Infinity, -Infinity], -1, 1), { below: 1, above: 1 });
  });
});
