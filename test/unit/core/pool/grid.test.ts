import assert from "node:assert/strict";
import fc from "fast-check";
import { blockExtent, cellOf, cellRange, describeCell, describePooling, poolGrid } from "../../../../src/core/pool";

describe("core/pool/grid", () => {
  it("tiles non-divisible sizes exactly, blocks differing by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 200 }), (n, max) => {
        const g = poolGrid(n, 1, max, 1);
        assert.equal(g.outRows, Math.min(n, max));
        assert.equal(g.rowEdges[0], 0);
        assert.equal(g.rowEdges[g.outRows], n);
        const { min, max: mx } = blockExtent(n, g.outRows);
        for (let i = 0; i < g.outRows; i++) {
          const size = g.rowEdges[i + 1] - g.rowEdges[i];
          assert.ok(size === min || size === mx, `block ${i} has ${size}, expected ${min} or ${mx}`);
        }
        // the inverse mapping agrees with the ranges for every source index
        for (let r = 0; r < n; r++) {
          const { r: cr } = cellOf(g, r, 0);
          const range = cellRange(g, cr, 0);
          assert.ok(range.rowStart <= r && r < range.rowEnd, `row ${r} → cell ${cr}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("maps edge cells of a 103 × 37 matrix onto 10 × 8", () => {
    const g = poolGrid(103, 37, 10, 8);
    assert.deepEqual([g.outRows, g.outCols, g.pooled], [10, 8, true]);
    assert.deepEqual(Array.from(g.rowEdges), [0, 10, 20, 30, 41, 51, 61, 72, 82, 92, 103]);
    assert.deepEqual(Array.from(g.colEdges), [0, 4, 9, 13, 18, 23, 27, 32, 37]);
    assert.deepEqual(cellRange(g, 9, 7), { rowStart: 92, rowEnd: 103, colStart: 32, colEnd: 37 });
    assert.deepEqual(cellRange(g, 0, 0), { rowStart: 0, rowEnd: 10, colStart: 0, colEnd: 4 });
    assert.deepEqual(cellOf(g, 102, 36), { r: 9, c: 7 });
    assert.deepEqual(cellOf(g, 91, 31), { r: 8, c: 6 });
    assert.deepEqual(cellOf(g, 0, 0), { r: 0, c: 0 });
    assert.equal(describeCell(g, 9, 7), "rows 92\u2013102, units 32\u201336");
    assert.throws(() => cellRange(g, 10, 0), RangeError);
    assert.throws(() => cellOf(g, 103, 0), RangeError);
    assert.throws(() => cellOf(g, 0.5, 0), RangeError);
  });

  it("does not upsample small matrices and says so", () => {
    const g = poolGrid(3, 5, 100, 100);
    assert.deepEqual([g.outRows, g.outCols, g.pooled], [3, 5, false]);
    assert.equal(describeCell(g, 2, 4), "row 2, unit 4");
    assert.equal(describeCell(g, 0, 1, { row: ["token", "tokens"], col: ["channel", "channels"] }), "token 0, channel 1");
    assert.equal(describePooling(g), "3 \u00d7 5, one value per cell");
  });

  it("describes the pooling", () => {
    assert.equal(
      describePooling(poolGrid(1000, 1000, 100, 100)),
      "1000 \u00d7 1000 shown as 100 \u00d7 100 cells, pooled 10\u00d710 \u2192 1 cell",
    );
    assert.equal(
      describePooling(poolGrid(2000, 64, 100, 8)),
      "2000 \u00d7 64 shown as 100 \u00d7 8 cells, pooled 20\u00d78 \u2192 1 cell",
    );
    assert.equal(
      describePooling(poolGrid(103, 8, 10, 100)),
      "103 \u00d7 8 shown as 10 \u00d7 8 cells, pooled 10\u201311\u00d71 \u2192 1 cell",
    );
  });

  it("handles empty matrices and rejects bad sizes", () => {
    const g = poolGrid(0, 5, 10, 10);
    assert.deepEqual([g.outRows, g.outCols], [0, 5]);
    assert.throws(() => poolGrid(-1, 5, 10, 10), RangeError);
    assert.throws(() => poolGrid(5, 5, 0, 10), RangeError);
    assert.throws(() => poolGrid(5, 2.5, 10, 10), RangeError);
  });
});
