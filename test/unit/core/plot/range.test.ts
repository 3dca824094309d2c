import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_ABS_X, rangeCovering } from "../../../../src/core/plot/range";

describe("rangeCovering", () => {
  it("keeps a range that already shows the values", () => {
    assert.deepEqual(rangeCovering([-7, 7], -1, 3), [-7, 7]);
  });

  it("widens to the values with a 5 % margin (at least 0.5) on each side", () => {
    assert.deepEqual(rangeCovering([-7, 7], 99.1, 340.2), [-7, 340.2 + 0.05 * (340.2 - 99.1)]);
    assert.deepEqual(rangeCovering([-7, 7], -9, -8), [-9.5, 7]);
  });

  it("ignores non-finite extents", () => {
    assert.deepEqual(rangeCovering([-7, 7], NaN, 3), [-7, 7]);
    assert.deepEqual(rangeCovering([-7, 7], Infinity, -Infinity), [-7, 7]);
  });

  it("stays finite in width for any finite values (clamped to ±1e300)", () => {
    assert.deepEqual(rangeCovering([-7, 7], -1.7e308, 1.7e308), [-MAX_ABS_X, MAX_ABS_X]);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const [lo, hi] = rangeCovering([-7, 7], Math.min(a, b), Math.max(a, b));
        return lo < hi && Number.isFinite(hi - lo) && lo <= Math.max(Math.min(a, b), -MAX_ABS_X) && hi >= Math.min(Math.max(a, b), MAX_ABS_X);
      }),
    );
  });
});
