import assert from "node:assert/strict";
import fc from "fast-check";
import { clipRuns, robustRange, simplify, type Point } from "../../../../src/core/plot";

describe("core/plot/clipRuns", () => {
  it("breaks at non-finite samples and drops single points", () => {
    const runs = clipRuns([0, 1, 2, 3, 4, 5], [0, 1, NaN, 1, Infinity, 2], -10, 10);
    assert.deepEqual(runs, [
      [
        [0, 0],
        [1, 1],
      ],
    ]);
  });

  it("ends a leaving segment and starts an entering one exactly at the window edge", () => {
    const runs = clipRuns([0, 1, 2, 3], [0, 0, 10, 0], -1, 1);
    assert.deepEqual(runs, [
      [
        [0, 0],
        [1, 0],
        [1.1, 1],
      ],
      [
        [2.9, 1],
        [3, 0],
      ],
    ]);
  });

  it("keeps a segment that crosses the whole window", () => {
    assert.deepEqual(clipRuns([0, 1], [-3, 3], -1, 1), [
      [
        [1 / 3, -1],
        [2 / 3, 1],
      ],
    ]);
    assert.deepEqual(clipRuns([0, 1], [3, 5], -1, 1), []);
  });

  it("never emits a point outside the window (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), { maxLength: 60 }), (ys) => {
        const xs = ys.map((_, i) => i);
        for (const run of clipRuns(xs, ys, -5, 5)) {
          assert.ok(run.length >= 2);
          for (const [x, y] of run) {
            assert.ok(y >= -5 && y <= 5 && x >= 0 && x <= xs.length - 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("core/plot/simplify", () => {
  it("collapses straight runs to their ends and keeps corners", () => {
    const line: Point[] = Array.from({ length: 50 }, (_, i) => [i, 2 * i] as const);
    assert.deepEqual(simplify(line, 0.1), [line[0], line[49]]);
    const corner: Point[] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 2],
    ];
    assert.deepEqual(simplify(corner, 0.1), [
      [0, 0],
      [2, 0],
      [4, 2],
    ]);
  });

  it("every dropped point is within tolerance of the kept polyline (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 80 }), (ys) => {
        const pts: Point[] = ys.map((y, i) => [i, y]);
        const kept = simplify(pts, 0.5);
        assert.deepEqual(kept[0], pts[0]);
        assert.deepEqual(kept[kept.length - 1], pts[pts.length - 1]);
        // x increases, so each dropped point lies between two kept ones: check its distance to that chord
        let k = 0;
        for (const [x, y] of pts) {
          while (kept[k + 1] && kept[k + 1][0] < x) {
            k++;
          }
          const [ax, ay] = kept[k];
          const [bx, by] = kept[Math.min(k + 1, kept.length - 1)];
          const len = Math.hypot(bx - ax, by - ay);
          const d = len > 0 ? Math.abs((by - ay) * (x - ax) - (bx - ax) * (y - ay)) / len : Math.hypot(x - ax, y - ay);
          assert.ok(d <= 0.5 + 1e-9, `point (${x}, ${y}) is ${d} from the simplified line`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("core/plot/robustRange", () => {
  it("shows a smooth curve whole, with a margin", () => {
    const xs = Array.from({ length: 101 }, (_, i) => -4 + (8 * i) / 100);
    const [lo, hi] = robustRange(xs);
    assert.ok(lo < -4 && lo > -4.6 && hi > 4 && hi < 4.6, `[${lo}, ${hi}]`);
  });

  it("cuts a spike at the fence instead of squashing the rest", () => {
    const ys = Array.from({ length: 200 }, (_, i) => Math.sin(i / 10));
    ys.push(1e6);
    const [lo, hi] = robustRange(ys);
    assert.ok(hi < 5, `hi = ${hi}`);
    assert.ok(lo < -0.99);
  });

  it("pulls 0 in when close, not when far", () => {
    assert.ok(robustRange([0.5, 0.6, 0.9, 1])[0] <= 0);
    assert.ok(robustRange([100, 101, 102])[0] > 90);
    assert.ok(robustRange([-1, -0.5])[1] >= 0);
  });

  it("degenerate input", () => {
    assert.deepEqual(robustRange([]), [-1, 1]);
    assert.deepEqual(robustRange([NaN, Infinity]), [-1, 1]);
    const [lo, hi] = robustRange([3, 3, 3]);
    assert.ok(lo < 3 && hi > 3 && lo <= 0, "constant 3: range around it, reaching 0");
    const [a, b] = robustRange([-Number.MAX_VALUE, Number.MAX_VALUE]);
    assert.ok(Number.isFinite(a) && Number.isFinite(b) && a < b);
  });
});
