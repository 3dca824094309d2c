import assert from "node:assert/strict";
import { MAX_TARGET_POINTS, selectionTarget, thin } from "../../../../src/webview/explain/selection";

describe("webview/explain/selection", () => {
  it("reads two columns as x, y sorted by x", () => {
    const t = selectionTarget([3, 30, 1, 10, 2, 20], 3, 2);
    assert.ok(!("error" in t));
    assert.deepEqual(Array.from(t.x), [1, 2, 3]);
    assert.deepEqual(Array.from(t.y), [10, 20, 30]);
    assert.match(t.how, /columns x, y/);
  });

  it("reads the first row over x = 0 … units − 1 otherwise", () => {
    const t = selectionTarget([5, 6, 7, 8, 9, 10], 2, 3);
    assert.ok(!("error" in t));
    assert.deepEqual(Array.from(t.x), [0, 1, 2]);
    assert.deepEqual(Array.from(t.y), [5, 6, 7]);
    const one = selectionTarget([4, 5], 1, 2);
    assert.ok(!("error" in one));
    assert.deepEqual(Array.from(one.y), [4, 5], "a single row of 2 is a row, not x, y");
  });

  it("reads a single column over x = 0 … rows − 1", () => {
    const t = selectionTarget([1, 4, 9], 3, 1);
    assert.ok(!("error" in t));
    assert.deepEqual(Array.from(t.x), [0, 1, 2]);
    assert.deepEqual(Array.from(t.y), [1, 4, 9]);
  });

  it("leaves out non-finite points and says so", () => {
    const t = selectionTarget([1, NaN, 3, Infinity, 5], 1, 5);
    assert.ok(!("error" in t));
    assert.deepEqual(Array.from(t.x), [0, 2, 4]);
    assert.match(t.how, /2 non-finite points left out/);
  });

  it("refuses fewer than 2 points or a single x", () => {
    assert.ok("error" in selectionTarget([1, NaN], 1, 2));
    assert.ok("error" in selectionTarget([7], 1, 1));
    assert.ok("error" in selectionTarget([1, 2, 1, 3], 2, 2));
  });

  it("thins long selections evenly, keeping both ends", () => {
    const n = MAX_TARGET_POINTS * 3 + 1;
    const t = selectionTarget(
      Array.from({ length: n }, (_, i) => i * i),
      1,
      n,
    );
    assert.ok(!("error" in t));
    assert.equal(t.x.length, MAX_TARGET_POINTS);
    assert.equal(t.x[0], 0);
    assert.equal(t.x[t.x.length - 1], n - 1);
    assert.deepEqual(Array.from(thin([1, 2, 3, 4, 5], 3)), [1, 3, 5]);
    assert.deepEqual(Array.from(thin([1, 2], 3)), [1, 2]);
  });
});
