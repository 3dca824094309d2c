import assert from "node:assert/strict";
import { withAlpha } from "../../../../src/webview/explain/alpha";
import { MAX_ELEMENTS, MAX_MACS, boundedBatch } from "../../../../src/webview/explain/budget";
import { columnsCsv } from "../../../../src/webview/explain/csv";
import { MIN_SIDE, fromPixel, planeLayout, toPixel } from "../../../../src/webview/explain/plane";
import { tabKeyTarget } from "../../../../src/webview/explain/tabKeys";
import { tickLabel } from "../../../../src/webview/explain/ticks";

describe("webview/explain helpers", () => {
  it("writes named columns side by side, shorter ones padded, numpy's spellings for non-finite values", () => {
    const csv = columnsCsv([
      { name: "x", values: [1, 2, 3] },
      { name: "f(x+1,2)", values: [NaN, -Infinity] },
    ]);
    assert.equal(csv, 'x,"f(x+1,2)"\n1,nan\n2,-inf\n3,\n');
  });

  it("lays out a square plot and maps data to pixels and back", () => {
    const l = planeLayout({ width: 500, maxSide: 300, bLabelWidth: 20, barLabelWidth: 20 });
    assert.equal(l.plot.size, 300);
    assert.ok(l.canvas.width <= 500 && l.bar.x > l.plot.x + l.plot.size);
    const small = planeLayout({ width: 50, maxSide: 300, bLabelWidth: 20, barLabelWidth: 20 });
    assert.equal(small.plot.size, MIN_SIDE);
    const p = toPixel(l, [-5, 5], [-110, 10], 1, -100);
    const back = fromPixel(l, [-5, 5], [-110, 10], p.x, p.y);
    assert.ok(back && Math.abs(back.a - 1) < 1e-9 && Math.abs(back.b + 100) < 1e-9);
    const top = toPixel(l, [-5, 5], [-5, 5], -5, 5);
    assert.deepEqual(top, { x: l.plot.x, y: l.plot.y }, "B grows upwards");
    assert.equal(fromPixel(l, [-5, 5], [-5, 5], l.plot.x - 1, l.plot.y), undefined);
  });

  it("moves the tab focus with the arrow keys, wrapping, and Home/End", () => {
    assert.equal(tabKeyTarget("ArrowRight", 5, 6), 0);
    assert.equal(tabKeyTarget("ArrowLeft", 0, 6), 5);
    assert.equal(tabKeyTarget("Home", 3, 6), 0);
    assert.equal(tabKeyTarget("End", 3, 6), 5);
    assert.equal(tabKeyTarget("a", 3, 6), undefined);
  });

  it("labels log axes only at 1·10ᵏ (and 2, 5 over short spans), with the core's number format", () => {
    assert.equal(tickLabel(-2, false, 0), "−2");
    assert.equal(tickLabel(0.30000000000000004, false, 0), "0.3");
    assert.equal(tickLabel(1e-5, true, 10), "1e−5");
    assert.equal(tickLabel(3e-5, true, 10), "");
    assert.equal(tickLabel(20, true, 1.5), "20");
    assert.equal(tickLabel(20, true, 5), "");
    assert.equal(tickLabel(0, true, 1), "");
  });

  it("adds alpha to theme colours", () => {
    assert.equal(withAlpha("#d18616", 0.5), "rgba(209, 134, 22, 0.5)");
    assert.equal(withAlpha("#fff", 0.2), "rgba(255, 255, 255, 0.2)");
    assert.equal(withAlpha("rgb(1, 2, 3)", 0.1), "rgba(1, 2, 3, 0.1)");
    assert.equal(withAlpha("red", 0.1), "red");
  });

  it("bounds the depth simulation's work by reducing the batch", () => {
    assert.equal(boundedBatch(32, 64, 20), 32);
    const b = boundedBatch(256, 256, 50);
    assert.ok(b >= 1 && b < 256);
    assert.ok(b * 256 * 256 * 50 <= MAX_MACS && b * 256 * 50 <= MAX_ELEMENTS);
    assert.ok((b + 1) * 256 * 256 * 50 > MAX_MACS || (b + 1) * 256 * 50 > MAX_ELEMENTS, "no smaller than needed");
    assert.equal(boundedBatch(5, 2, 1), 5);
  });
});
