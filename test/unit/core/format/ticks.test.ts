import assert from "node:assert/strict";
import { niceStep, niceTicks } from "../../../../src/core/format";

describe("core/format/niceTicks", () => {
  it("gives 1-2-5 steps", () => {
    assert.equal(niceStep(0, 10, 5), 2);
    assert.equal(niceStep(0, 1, 10), 0.1);
    assert.equal(niceStep(0, 100, 2), 50);
    assert.equal(niceStep(0, 0, 5), 0);
    for (let k = 0; k < 200; k++) {
      const lo = Math.sin(k) * 10 ** ((k % 9) - 4);
      const hi = lo + Math.abs(Math.cos(k * 1.7)) * 10 ** ((k % 7) - 3) + 1e-9;
      const s = niceStep(lo, hi, 5);
      const m = s / 10 ** Math.floor(Math.log10(s) + 1e-9);
      assert.ok([1, 2, 5].some((f) => Math.abs(m - f) < 1e-9), `step ${s} for [${lo}, ${hi}]`);
      for (const t of niceTicks(lo, hi, 5)) {
        assert.ok(t >= lo && t <= hi, `tick ${t} outside [${lo}, ${hi}]`);
      }
    }
  });

  it("prints clean decimals and includes exact end ticks", () => {
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(0.3, 0.7, 4), [0.3, 0.4, 0.5, 0.6, 0.7]);
    assert.deepEqual(niceTicks(-3, 3, 6), [-3, -2, -1, 0, 1, 2, 3]);
    assert.deepEqual(niceTicks(3, -3, 6), [-3, -2, -1, 0, 1, 2, 3]);
    assert.deepEqual(niceTicks(-1.3, 2.7, 4), [-1, 0, 1, 2]);
    assert.ok(!Object.is(niceTicks(-1, 1, 2)[1], -0));
  });

  it("handles degenerate input", () => {
    assert.deepEqual(niceTicks(2, 2), [2]);
    assert.deepEqual(niceTicks(NaN, 1), []);
    assert.deepEqual(niceTicks(0, Infinity), []);
  });
});
