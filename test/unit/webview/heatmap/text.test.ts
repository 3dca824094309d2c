import assert from "node:assert/strict";
import {
  MAX_RINGS,
  blockReadout,
  deadUnitsText,
  legendItems,
  momentsText,
  nonFiniteText,
  oneLine,
  poolingText,
  screenReaderSummary,
  shapeText,
  statItems,
  unitName,
  valueReadout,
  type LayerFacts,
} from "../../../../src/webview/heatmap/text";

const facts = (over: Partial<LayerFacts> = {}): LayerFacts => ({
  rows: 6,
  units: 8,
  shape: [6, 8],
  activation: "relu",
  pre: { count: 48, min: -2.79, max: 2.72, mean: -0.1192, std: 1.556 },
  post: { count: 48, min: 0, max: 2.72, mean: 0.6223, std: 0.8684 },
  sparsity: 25 / 48,
  deadUnits: [2],
  saturatedFraction: 25 / 48,
  saturationEps: 1e-3,
  nonFinite: { nan: 0, posInf: 0, negInf: 0 },
  ...over,
});

describe("webview/heatmap/text", () => {
  it("names units with their column label when there is one", () => {
    assert.equal(unitName(2, undefined), "unit 2");
    assert.equal(unitName(2, ["a", "b", "fc2"]), "unit 2 “fc2”");
    assert.equal(unitName(5, ["a"]), "unit 5");
  });

  it("formats moments with the core's number format (U+2212 minus)", () => {
    assert.equal(momentsText(facts().pre), "min −2.79 · max 2.72 · mean −0.1192 · std 1.556");
    assert.equal(momentsText({ count: 0, min: NaN, max: NaN, mean: NaN, std: NaN }), "no finite values");
  });

  it("says when the shape was flattened", () => {
    assert.equal(shapeText(6, 8, [6, 8]), "6 × 8 (rows × units)");
    assert.equal(shapeText(6, 8, [2, 3, 8]), "6 × 8 (rows × units), from 2 × 3 × 8");
    assert.equal(shapeText(1, 5, [5]), "1 × 5 (rows × units), from 5");
  });

  it("lists dead units, capped", () => {
    assert.equal(deadUnitsText([], undefined), "none");
    assert.equal(deadUnitsText([2], ["a", "b", "fc2"]), "1 (unit 2 “fc2”)");
    assert.equal(deadUnitsText([0, 4, 7], undefined), "3 (units 0, 4, 7)");
    assert.equal(deadUnitsText([1, 2, 3, 4], undefined, 2), "4 (units 1, 2, …)");
  });

  it("counts non-finite values only when there are some", () => {
    assert.equal(nonFiniteText({ nan: 0, posInf: 0, negInf: 0 }), "");
    assert.equal(nonFiniteText({ nan: 2, posInf: 1, negInf: 0 }), "NaN 2 · +∞ 1 · −∞ 0");
  });

  it("builds the stats strip in order, with the non-finite item only when needed", () => {
    const items = statItems(facts());
    assert.deepEqual(
      items.map((i) => i.key),
      ["shape", "pre", "post", "sparsity", "dead", "saturated"],
    );
    assert.equal(items[3].value, "52.1% zeros");
    assert.equal(items[5].value, "52.1% (|f′| < 0.001)");
    const withNaN = statItems(facts({ nonFinite: { nan: 1, posInf: 0, negInf: 0 } }));
    assert.equal(withNaN[withNaN.length - 1].key, "nonfinite");
    assert.equal(statItems(facts({ sparsity: NaN }))[3].value, "n/a zeros");
  });

  it("writes the screen-reader summary as sentences", () => {
    assert.equal(
      screenReaderSummary(facts(), ""),
      "6 rows × 8 units. After relu: 52.1% zeros, 1 dead unit (unit 2), 52.1% saturated (|f′| < 0.001). " +
        "Pre-activations from −2.79 to 2.72, mean −0.1192, std 1.556. Outputs from 0 to 2.72, mean 0.6223.",
    );
    const s = screenReaderSummary(
      facts({ rows: 1, units: 1, shape: [1, 1, 1], deadUnits: [], nonFinite: { nan: 1, posInf: 0, negInf: 2 } }),
      "pooled 2×2 cells per pixel (…)",
    );
    assert.match(s, /^1 row × 1 unit \(flattened from 1 × 1 × 1\)\./);
    assert.match(s, /no dead units/);
    assert.match(s, /Non-finite pre-activations: 1 NaN, 0 \+∞, 2 −∞\./);
    assert.match(s, /Drawn pooled 2×2 cells per pixel \(…\)\.$/);
    assert.match(screenReaderSummary(facts({ deadUnits: [0, 3] }), ""), /2 dead units \(units 0, 3\)/);
  });

  it("has a one-line version for the side view", () => {
    assert.equal(oneLine(facts()), "6 × 8 · relu: 52.1% zeros · 1 dead unit · 52.1% saturated · pre −2.79 to 2.72");
  });

  it("describes pooling, or nothing when every value has its cell", () => {
    const b = (r: [number, number], c: [number, number]) => ({ rows: { min: r[0], max: r[1] }, cols: { min: c[0], max: c[1] } });
    assert.equal(poolingText(6, 8, 6, 8, b([1, 1], [1, 1])), "");
    assert.equal(
      poolingText(1000, 1000, 125, 125, b([8, 8], [8, 8])),
      "pooled 8×8 cells per pixel (1000 × 1000 shown as 125 × 125)",
    );
    assert.equal(poolingText(1000, 8, 405, 8, b([2, 3], [1, 1])), "pooled 2–3×1 cells per pixel (1000 × 8 shown as 405 × 8)");
  });

  it("reads out one value, and a pooled block with its ranges and non-finite counts", () => {
    assert.equal(
      valueReadout({ row: 3, unit: 5, pre: -0.42131, post: 0, derivative: 0 }, undefined),
      "row 3, unit 5: pre −0.4213 → post 0 (f′ = 0)",
    );
    const side = { min: -3.1, max: 2.7, count: 159, nan: 1, posInf: 0, negInf: 0 };
    assert.equal(
      blockReadout("rows 100–119, units 40–47", 160, side, { ...side, min: 0, nan: 1 }),
      "rows 100–119, units 40–47 (160 values): pre −3.1 … 2.7 → post 0 … 2.7 · 1 NaN",
    );
    assert.equal(
      blockReadout("rows 0–1, unit 3", 2, { ...side, min: 1, max: 1, nan: 0 }, { ...side, count: 0, nan: 2 }),
      "rows 0–1, unit 3 (2 values): pre 1 → post no finite value · 2 NaN after f",
    );
  });

  describe("legendItems", () => {
    const none = { nan: 0, posInf: 0, negInf: 0, below: 0, above: 0, lo: -1, hi: 1, dead: 0 };
    it("is empty when there is nothing to explain", () => {
      assert.deepEqual(legendItems(none), []);
    });

    it("lists non-finite colours, values beyond the range and dead units, in that order", () => {
      const items = legendItems({ ...none, nan: 2, negInf: 1, above: 1, hi: 4.2841, dead: 3 });
      assert.deepEqual(
        items.map((i) => [i.icon, i.text]),
        [
          ["nan", "NaN (2)"],
          ["negInf", "−∞ (1)"],
          ["ring", "beyond the colour range: 1 > 4.284"],
          ["outline", "dead units (3)"],
        ],
      );
    });

    it("rings values beyond the range only when they are few", () => {
      assert.equal(legendItems({ ...none, below: MAX_RINGS })[0].icon, "ring");
      assert.equal(legendItems({ ...none, below: MAX_RINGS, above: 1 })[0].icon, "triangle");
      assert.equal(legendItems({ ...none, below: 3, lo: -2.5 })[0].text, "beyond the colour range: 3 < −2.5");
    });
  });
});
