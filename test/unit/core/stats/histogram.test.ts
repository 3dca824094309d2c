import assert from "node:assert/strict";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { autoBinCount, binEdges, histogram } from "../../../../src/core/stats/histogram";
import { summarize } from "../../../../src/core/stats/summary";

interface HistCase {
  name: string;
  bins: number;
  range: [number, number] | null;
  counts: number[];
  edges: number[];
  mean: number;
  std: number;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/histograms.json", import.meta.url), "utf8")) as {
  data: Record<string, number[]>;
  cases: HistCase[];
};

/** Naive reference: each value is compared with every edge. */
function naiveCounts(values: ArrayLike<number>, edges: Float64Array): { counts: number[]; under: number; over: number } {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  let under = 0;
  let over = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) {
      continue;
    }
    if (x < edges[0]) {
      under++;
    } else if (x > edges[bins]) {
      over++;
    } else {
      let k = 0;
      while (k < bins - 1 && x >= edges[k + 1]) {
        k++;
      }
      counts[k]++;
    }
  }
  return { counts, under, over };
}

describe("core/stats/histogram", () => {
  it("reproduces numpy.histogram's counts and edges (numpy fixture)", () => {
    assert.ok(fixture.cases.length >= 20);
    for (const c of fixture.cases) {
      const data = Float64Array.from(fixture.data[c.name]);
      const h = histogram(data, { bins: c.bins, ...(c.range === null ? {} : { range: c.range }) });
      const what = `${c.name} bins=${c.bins} range=${JSON.stringify(c.range)}`;
      assert.deepEqual([...h.edges], c.edges, `${what} edges`);
      assert.deepEqual([...h.counts], c.counts, `${what} counts`);
      const inside = c.counts.reduce((a, b) => a + b, 0);
      assert.equal(h.underflow + h.overflow + inside, data.length, `${what} every value is counted once`);
    }
  });

  it("agrees with a naive edge-by-edge count, float32 and float64 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3 }), { minLength: 0, maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.option(fc.tuple(fc.double({ min: -500, max: 0, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }))),
        (xs, bins, f32, range) => {
          const values = f32 ? Float32Array.from(xs) : Float64Array.from(xs);
          const h = histogram(values, { bins, ...(range === null ? {} : { range }) });
          const ref = naiveCounts(values, h.edges);
          assert.deepEqual([...h.counts], ref.counts);
          assert.equal(h.underflow, ref.under);
          assert.equal(h.overflow, ref.over);
          if (range === null) {
            assert.equal(h.underflow + h.overflow, 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("excludes NaN and ±∞ and keeps them out of the range", () => {
    const h = histogram(Float64Array.of(NaN, 1, Infinity, 2, -Infinity, 3), { bins: 2 });
    assert.deepEqual([...h.edges], [1, 2, 3]);
    assert.deepEqual([...h.counts], [1, 2]);
    assert.equal(h.underflow + h.overflow, 0);
  });

  it("widens a degenerate range like numpy and handles empty input", () => {
    assert.deepEqual([...histogram(Float64Array.of(4, 4, 4), { bins: 2 }).edges], [3.5, 4, 4.5]);
    const empty = histogram(new Float64Array(0));
    assert.deepEqual([...empty.edges], [0, 1]);
    assert.deepEqual([...empty.counts], [0]);
  });

  it("bins correctly when hi − lo overflows or bins/(hi − lo) does", () => {
    const huge = histogram(Float64Array.of(-1e308, 0, 1e308), { bins: 2 });
    assert.deepEqual([...huge.edges], [-1e308, 0, 1e308]);
    assert.deepEqual([...huge.counts], [1, 2]);
    const tiny = histogram(Float64Array.of(0, 5e-324), { bins: 1 });
    assert.deepEqual([...tiny.counts], [2]);
  });

  it("picks automatic bins by the narrower of Scott's and Sturges' widths, capped", () => {
    // n = 1024, span 10, std 1: Sturges 10/11 ≈ 0.909; Scott (24√π/1024)^(1/3) ≈ 0.3458 → ceil(10/0.3458) = 29.
    const scott = Math.cbrt((24 * Math.sqrt(Math.PI)) / 1024);
    assert.equal(autoBinCount(1024, 0, 10, 1), Math.ceil(10 / scott));
    assert.equal(autoBinCount(1024, 0, 10, 1), 29);
    // Zero std (e.g. a layer of zeros and one outlier): Sturges.
    assert.equal(autoBinCount(1024, 0, 10, 0), 11);
    assert.equal(autoBinCount(1e9, 0, 1e6, 1), 256);
    assert.equal(autoBinCount(1, 0, 0, 0), 1);
    const h = histogram(Float64Array.from({ length: 1024 }, (_, i) => (i % 11) - 5));
    assert.equal(h.counts.length, autoBinCount(1024, -5, 5, summarize(Float64Array.from({ length: 1024 }, (_, i) => (i % 11) - 5)).std));
  });

  it("rejects bad bins and ranges", () => {
    const v = Float64Array.of(1, 2);
    assert.throws(() => histogram(v, { bins: 0 }), RangeError);
    assert.throws(() => histogram(v, { bins: 2.5 }), RangeError);
    assert.throws(() => histogram(v, { bins: 3, range: [2, 1] }), RangeError);
    assert.throws(() => histogram(v, { bins: 3, range: [0, Infinity] }), RangeError);
  });

  it("binEdges ends exactly at hi", () => {
    const e = binEdges(0, 1, 3);
    assert.equal(e[3], 1);
    assert.equal(e[1], 1 / 3);
  });
});
