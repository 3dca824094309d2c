import assert from "node:assert/strict";
import {
  MAX_CELL,
  MIN_LABEL_PITCH,
  THIN_CELL,
  cellAt,
  cellBudget,
  deadRuns,
  figureLayout,
  indexTicks,
  plotSize,
  wrapLegend,
  type FigureInput,
} from "../../../../src/webview/heatmap/layout";

const input = (over: Partial<FigureInput> = {}): FigureInput => ({
  width: 500,
  maxPlotHeight: 360,
  rows: 6,
  units: 8,
  rowLabelWidth: 7,
  barLabelWidth: 30,
  unitLabelWidth: 0,
  legendLines: 0,
  ...over,
});

describe("webview/heatmap/layout", () => {
  describe("plotSize", () => {
    it("gives a small matrix square cells of at most MAX_CELL px", () => {
      assert.deepEqual(plotSize(6, 8, 1000, 1000), { width: 8 * MAX_CELL, height: 6 * MAX_CELL });
    });

    it("fits a large square matrix into the smaller side, keeping it square", () => {
      assert.deepEqual(plotSize(1000, 1000, 400, 360), { width: 360, height: 360 });
    });

    it("widens the short side of a thin matrix instead of drawing sub-pixel rows", () => {
      const vec = plotSize(1, 1000, 400, 360);
      assert.equal(vec.width, 400);
      assert.equal(vec.height, THIN_CELL);
      const tall = plotSize(1000, 4, 400, 360);
      assert.equal(tall.height, 360);
      assert.equal(tall.width, 4 * THIN_CELL);
    });

    it("never exceeds the box and is at least 1 × 1", () => {
      for (const [r, u, w, hgt] of [
        [1, 1, 0, 0],
        [3, 100000, 50, 20],
        [100000, 3, 50, 20],
        [7, 9, 33.7, 12.2],
      ]) {
        const s = plotSize(r, u, w, hgt);
        assert.ok(s.width >= 1 && s.height >= 1, `${r}×${u}`);
        assert.ok(s.width <= Math.max(1, Math.floor(w)) && s.height <= Math.max(1, Math.floor(hgt)), `${r}×${u} in ${w}×${hgt}`);
        assert.ok(Number.isInteger(s.width) && Number.isInteger(s.height));
      }
    });
  });

  describe("cellBudget", () => {
    it("is one cell per device pixel", () => {
      assert.deepEqual(cellBudget({ width: 360, height: 200 }, 1), { maxRows: 200, maxCols: 360 });
      assert.deepEqual(cellBudget({ width: 360, height: 200 }, 2), { maxRows: 400, maxCols: 720 });
    });

    it("treats a missing or odd ratio as 1", () => {
      assert.deepEqual(cellBudget({ width: 10, height: 5 }, 0), { maxRows: 5, maxCols: 10 });
      assert.deepEqual(cellBudget({ width: 10, height: 5 }, NaN), { maxRows: 5, maxCols: 10 });
    });
  });

  describe("figureLayout", () => {
    it("puts the plot right of the row labels and the bar right of the plot, inside the canvas", () => {
      const l = figureLayout(input());
      assert.ok(l.plot.x > 7);
      assert.ok(l.bar.x >= l.plot.x + l.plot.width);
      assert.ok(l.bar.x + l.bar.width + 30 <= l.canvas.width);
      assert.ok(l.canvas.width <= 500);
      assert.ok(l.plot.y + l.plot.height < l.canvas.height);
      assert.equal(l.legendY, undefined);
    });

    it("uses a fixed plot size when given one", () => {
      const l = figureLayout(input({ plot: { width: 100, height: 50 } }));
      assert.equal(l.plot.width, 100);
      assert.equal(l.plot.height, 50);
    });

    it("keeps the colour bar readable for a one-row vector", () => {
      const l = figureLayout(input({ rows: 1, units: 1000 }));
      assert.ok(l.bar.height >= 60);
      assert.ok(l.plot.height < l.bar.height);
    });

    it("adds room for each legend line", () => {
      const none = figureLayout(input());
      const one = figureLayout(input({ legendLines: 1 }));
      const two = figureLayout(input({ legendLines: 2 }));
      assert.ok(one.legendY !== undefined && one.legendY > none.plot.y + none.plot.height);
      assert.ok(one.canvas.height > none.canvas.height);
      assert.ok(two.canvas.height > one.canvas.height);
    });

    it("draws column labels only when each unit gets enough room", () => {
      assert.equal(figureLayout(input({ unitLabelWidth: 20 })).unitLabels, true);
      const crowded = figureLayout(input({ units: 400, unitLabelWidth: 20 }));
      assert.ok(crowded.plot.width / 400 < MIN_LABEL_PITCH);
      assert.equal(crowded.unitLabels, false);
    });
  });

  describe("indexTicks", () => {
    it("lists every index of a short axis", () => {
      assert.deepEqual(indexTicks(4, 5), [0, 1, 2, 3]);
    });

    it("steps by 1-2-5 × 10^k from 0 on a long axis", () => {
      assert.deepEqual(indexTicks(1000, 10), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
      assert.deepEqual(indexTicks(7, 3), [0, 2, 4, 6]);
      const t = indexTicks(64, 4);
      assert.ok(t.every((v) => Number.isInteger(v) && v < 64));
      assert.equal(t[0], 0);
    });

    it("is empty for an empty axis", () => {
      assert.deepEqual(indexTicks(0, 5), []);
    });
  });

  it("deadRuns merges consecutive units", () => {
    assert.deepEqual(deadRuns([]), []);
    assert.deepEqual(deadRuns([2]), [[2, 2]]);
    assert.deepEqual(deadRuns([0, 1, 2, 5, 7, 8]), [
      [0, 2],
      [5, 5],
      [7, 8],
    ]);
  });

  describe("cellAt", () => {
    const l = figureLayout(input({ plot: { width: 80, height: 60 } }));
    it("maps points inside the plot to grid cells", () => {
      assert.deepEqual(cellAt(l, 6, 8, l.plot.x, l.plot.y), { r: 0, c: 0 });
      assert.deepEqual(cellAt(l, 6, 8, l.plot.x + 79.9, l.plot.y + 59.9), { r: 5, c: 7 });
      assert.deepEqual(cellAt(l, 6, 8, l.plot.x + 15, l.plot.y + 25), { r: 2, c: 1 });
    });

    it("is undefined outside the plot", () => {
      assert.equal(cellAt(l, 6, 8, l.plot.x - 1, l.plot.y), undefined);
      assert.equal(cellAt(l, 6, 8, l.plot.x + 80, l.plot.y), undefined);
      assert.equal(cellAt(l, 6, 8, l.plot.x, l.plot.y + 60), undefined);
    });
  });

  it("wrapLegend fills lines greedily and gives an over-wide entry its own line", () => {
    assert.deepEqual(wrapLegend([], 100), []);
    assert.deepEqual(wrapLegend([40, 40, 40], 100), [[0, 1], [2]]);
    assert.deepEqual(wrapLegend([150, 30, 30], 100), [[0], [1, 2]]);
    assert.deepEqual(wrapLegend([50, 50], 100), [[0, 1]]);
  });
});
