import assert from "node:assert/strict";
import { MAX_LISTED_DEAD, finiteSum, jsonNumber, renderSummary, type SummaryInput } from "../../../../src/webview/heatmap/summary";
import type { LayerFacts } from "../../../../src/webview/heatmap/text";

const facts: LayerFacts = {
  rows: 2,
  units: 5,
  shape: [2, 5],
  activation: "relu",
  pre: { count: 9, min: -2, max: 3, mean: 0.5, std: 1.5 },
  post: { count: 9, min: 0, max: 3, mean: 1, std: 1 },
  sparsity: 4 / 9,
  deadUnits: [1],
  saturatedFraction: 4 / 9,
  saturationEps: 1e-3,
  nonFinite: { nan: 1, posInf: 0, negInf: 0 },
};

const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  facts,
  pre: [1, -2, 3, NaN, 0.5, 2, -1, 0.25, 1, 0.75],
  pooled: false,
  cellRows: 1,
  cellUnits: 1,
  outRows: 2,
  outCols: 5,
  activationId: "relu",
  poolingMode: "extreme",
  preColormap: "RdBu",
  postColormap: "viridis",
  kinks: [0],
  preLimit: 3,
  postLo: 0,
  postHi: 3,
  preBeyond: 0,
  postBeyond: 0,
  ...over,
});

describe("webview/heatmap/summary", () => {
  it("has every key the tests and the host read", () => {
    const s = renderSummary(input());
    for (const k of [
      "rows", "units", "sparsity", "deadUnits", "deadUnitIndices", "saturatedFraction", "preMin", "preMax", "preMean",
      "preStd", "postMin", "postMax", "postMean", "postStd", "nan", "posInf", "negInf", "pooled", "cellRows",
      "cellUnits", "checksum", "first", "activation",
    ]) {
      assert.ok(k in s, k);
    }
    assert.equal(s.rows, 2);
    assert.equal(s.deadUnits, 1);
    assert.deepEqual(s.deadUnitIndices, [1]);
    assert.equal(s.nan, 1);
    assert.equal(s.checksum, 5.5); // 1 − 2 + 3 + 0.5 + 2 − 1 + 0.25 + 1 + 0.75 (NaN skipped)
    assert.equal(s.activation, "relu");
  });

  it("is JSON-safe: non-finite numbers travel as strings that Number() reads back", () => {
    const s = renderSummary(
      input({ facts: { ...facts, pre: { count: 0, min: NaN, max: NaN, mean: NaN, std: NaN }, sparsity: NaN } }),
    );
    assert.equal(s.preMin, "NaN");
    assert.ok(Number.isNaN(Number(s.sparsity)));
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    assert.equal(s.first, "1,-2,3,NaN,0.5,2,-1,0.25");
    assert.deepEqual(String(s.first).split(",").map(Number).slice(0, 3), [1, -2, 3]);
  });

  it("sends `first` as numbers when they are finite, at most 8", () => {
    assert.deepEqual(renderSummary(input({ pre: [1, 2, 3] })).first, [1, 2, 3]);
    assert.equal((renderSummary(input({ pre: Array.from({ length: 20 }, (_, i) => i) })).first as number[]).length, 8);
  });

  it("caps the listed dead units", () => {
    const dead = Array.from({ length: MAX_LISTED_DEAD + 5 }, (_, i) => i);
    const s = renderSummary(input({ facts: { ...facts, deadUnits: dead } }));
    assert.equal(s.deadUnits, MAX_LISTED_DEAD + 5);
    assert.equal((s.deadUnitIndices as number[]).length, MAX_LISTED_DEAD);
  });

  it("finiteSum skips NaN and infinities; jsonNumber keeps finite numbers", () => {
    assert.equal(finiteSum([1, NaN, Infinity, -Infinity, 2.5]), 3.5);
    assert.equal(jsonNumber(-0.5), -0.5);
    assert.equal(jsonNumber(-Infinity), "-Infinity");
  });
});
