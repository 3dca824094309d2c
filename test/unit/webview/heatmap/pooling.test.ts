import assert from "node:assert/strict";
import { poolMatrix } from "../../../../src/core/pool";
import { displayValues, poolingModeText } from "../../../../src/webview/heatmap/pooling";

describe("webview/heatmap/pooling", () => {
  // 2 × 4 pooled to 1 × 2: blocks [[1, −3], [2, 0]] and [[0.5, 0.5], [NaN, 0.5]]
  const data = [1, -3, 0.5, 0.5, 2, 0, NaN, 0.5];
  const pooled = poolMatrix(data, 2, 4, 1, 2);

  it("extreme mode paints the core's representative", () => {
    const v = displayValues(pooled, "extreme", -10, 10);
    assert.equal(v, pooled.rep);
    assert.equal(v[0], -3);
    assert.ok(Number.isNaN(v[1]));
  });

  it("mean mode paints block means but keeps non-finite blocks", () => {
    const v = displayValues(pooled, "mean", -10, 10);
    assert.equal(v[0], 0);
    assert.ok(Number.isNaN(v[1]), "a block holding NaN stays NaN");
  });

  it("mean mode shows a value beyond the colour range instead of the mean", () => {
    assert.equal(displayValues(pooled, "mean", -2.5, 10)[0], -3);
    assert.equal(displayValues(pooled, "mean", -10, 1.5)[0], 2);
    // both ends crossed: the one farther beyond wins (−3 is 1 below −2, 2 is 0.5 above 1.5)
    assert.equal(displayValues(pooled, "mean", -2, 1.5)[0], -3);
  });

  it("keeps a single spike of a 1000 × 1000 matrix in both modes", () => {
    const big = new Float64Array(1_000_000);
    for (let i = 0; i < big.length; i++) {
      big[i] = Math.sin(i) * 0.5;
    }
    big[333 * 1000 + 500] = 40;
    const p = poolMatrix(big, 1000, 1000, 125, 125);
    for (const mode of ["extreme", "mean"] as const) {
      const v = displayValues(p, mode, -0.5, 0.5);
      assert.equal(v[Math.floor(333 / 8) * 125 + Math.floor(500 / 8)], 40, mode);
      assert.equal(Math.max(...v), 40);
    }
  });

  it("says what a pixel shows", () => {
    assert.match(poolingModeText("extreme"), /most extreme/);
    assert.match(poolingModeText("mean"), /mean/);
  });
});
