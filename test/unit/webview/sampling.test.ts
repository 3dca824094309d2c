import assert from "node:assert/strict";
import { sampleCurve } from "../../../src/webview/panel/sampling";

const relu = (x: number) => (x > 0 ? x : 0);
const drelu = (x: number) => (x > 0 ? 1 : 0);

describe("webview/panel/sampling", () => {
  it("samples the range evenly, ends included", () => {
    const s = sampleCurve(relu, drelu, [], [-7, 7], 15);
    assert.equal(s.f.length, 15);
    assert.equal(s.f[0].x, -7);
    assert.equal(s.f[14].x, 7);
    assert.equal(s.f[14].y, 7);
  });

  it("puts the kink exactly, breaks the derivative there and reports torch's value at it", () => {
    const s = sampleCurve(relu, drelu, [0], [-7, 7], 14);
    const at = s.df.findIndex((p) => p.x === 0);
    assert.ok(at > 0);
    assert.equal(s.df[at].y, null, "derivative line is broken at the kink");
    assert.equal(s.df[at - 1].y, 0);
    assert.equal(s.df[at + 1].y, 1);
    assert.deepEqual(s.kinks, [{ x: 0, f: 0, df: 0 }]);
    assert.equal(s.f.find((p) => p.x === 0)?.y, 0);
  });

  it("ignores kinks outside the range and drops non-finite values as gaps", () => {
    const s = sampleCurve((x) => 1 / x, () => Number.NaN, [10], [-1, 1], 3);
    assert.deepEqual(s.kinks, []);
    assert.equal(s.f[1].y, null);
    assert.ok(s.df.every((p) => p.y === null));
  });
});
