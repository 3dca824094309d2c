import assert from "node:assert/strict";
import fc from "fast-check";
import {
  NAN_COLOR,
  NEG_INF_COLOR,
  POS_INF_COLOR,
  colorbarPosition,
  colorbarTicks,
  colormap,
  colormapNames,
  finiteExtent,
  lutIndex,
  paintDiverging,
  paintSequential,
  symmetricLimit,
  type Rgba,
} from "../../../../src/core/colormap";

function px(out: Uint8ClampedArray, i: number): number[] {
  return Array.from(out.subarray(4 * i, 4 * i + 4));
}
function entry(table: Uint8ClampedArray, i: number): number[] {
  return Array.from(table.subarray(4 * i, 4 * i + 4));
}

describe("core/colormap/paint", () => {
  it("diverging: 0 paints the palette centre, ±limit the ends, sign never crosses the centre", () => {
    for (const name of colormapNames("diverging")) {
      const c = colormap(name);
      const values = new Float64Array([0, -0, -2, 2, -1e-12, 1e-12, -1, 1, 0.7]);
      const out = new Uint8ClampedArray(values.length * 4);
      const r = paintDiverging(values, out, c);
      assert.equal(r.lo, -2);
      assert.equal(r.hi, 2);
      assert.deepEqual(px(out, 0), entry(c.rgba, 127), `${name}: 0 → centre`);
      assert.deepEqual(px(out, 1), entry(c.rgba, 127), `${name}: −0 → centre`);
      assert.deepEqual(px(out, 2), entry(c.rgba, 0));
      assert.deepEqual(px(out, 3), entry(c.rgba, 255));
      // tiny values round to a centre entry (127 for negative, 128 for positive; both are t = 0.5)
      assert.deepEqual(px(out, 4), entry(c.rgba, 127));
      assert.deepEqual(px(out, 5), entry(c.rgba, 128));
      assert.deepEqual(px(out, 6), entry(c.rgba, lutIndex("diverging", 0.25)));
      assert.deepEqual(px(out, 7), entry(c.rgba, lutIndex("diverging", 0.75)));
      assert.deepEqual(px(out, 8), entry(c.rgba, lutIndex("diverging", (0.7 + 2) / 4)));
    }
  });

  it("diverging: property — negatives land in entries 0–127, positives in 128–255, 0 at 127", () => {
    const c = colormap("RdBu");
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), (arr) => {
        const values = Float64Array.from(arr);
        const out = new Uint8ClampedArray(values.length * 4);
        paintDiverging(values, out, c);
        const m = symmetricLimit(values);
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          const t = m > 0 ? (v + m) / (2 * m) : 0.5;
          assert.deepEqual(px(out, i), entry(c.rgba, lutIndex("diverging", t)));
          if (m > 0 && v > 0 && v / m > 1 / 254) {
            assert.ok(lutIndex("diverging", t) >= 129);
          }
          if (m > 0 && v < 0 && -v / m > 1 / 254) {
            assert.ok(lutIndex("diverging", t) <= 126);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("diverging: a given limit clamps and counts values beyond it", () => {
    const c = colormap("PuOr");
    const values = [-5, -1, 0, 1, 5, 0.5];
    const out = new Uint8ClampedArray(values.length * 4);
    const r = paintDiverging(values, out, c, 1);
    assert.deepEqual([r.lo, r.hi, r.below, r.above], [-1, 1, 1, 1]);
    assert.deepEqual(px(out, 0), px(out, 1));
    assert.deepEqual(px(out, 4), px(out, 3));
    assert.throws(() => paintDiverging(values, out, c, -1), RangeError);
    assert.throws(() => paintDiverging(values, out, c, Infinity), RangeError);
    assert.throws(() => paintDiverging(values, new Uint8ClampedArray(8), c), RangeError);
  });

  it("all-zero data paints the centre (limit 0)", () => {
    const c = colormap("RdBu");
    const out = new Uint8ClampedArray(12);
    const r = paintDiverging(new Float32Array(3), out, c);
    assert.equal(r.hi, 0);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(px(out, i), entry(c.rgba, 127));
    }
  });

  it("sequential: data extent by default, ends exact, clamps given bounds", () => {
    const c = colormap("viridis");
    const values = new Float32Array([3, 1, 2, 5]);
    const out = new Uint8ClampedArray(16);
    const r = paintSequential(values, out, c);
    assert.deepEqual([r.lo, r.hi, r.below, r.above], [1, 5, 0, 0]);
    assert.deepEqual(px(out, 1), entry(c.rgba, 0));
    assert.deepEqual(px(out, 3), entry(c.rgba, 255));
    assert.deepEqual(px(out, 0), entry(c.rgba, 128)); // t = 0.5 → round(127.5) = 128
    assert.deepEqual(px(out, 2), entry(c.rgba, Math.round(255 * 0.25)));
    const r2 = paintSequential(values, out, c, 2, 3);
    assert.deepEqual([r2.below, r2.above], [1, 1]);
    assert.deepEqual(px(out, 1), entry(c.rgba, 0));
    assert.deepEqual(px(out, 3), entry(c.rgba, 255));
    // constant data → middle colour
    paintSequential([4, 4], out, c);
    assert.deepEqual(px(out, 0), entry(c.rgba, 128));
    assert.throws(() => paintSequential(values, out, c, 3, 2), RangeError);
    assert.throws(() => paintSequential(values, out, c, NaN, 2), RangeError);
  });

  it("paints NaN, +∞, −∞ in their fixed colours, counts them, and ignores them for the range", () => {
    const values = new Float64Array([NaN, Infinity, -Infinity, -1, 1]);
    const out = new Uint8ClampedArray(20);
    for (const name of colormapNames()) {
      const c = colormap(name);
      const r = c.kind === "diverging" ? paintDiverging(values, out, c) : paintSequential(values, out, c);
      assert.deepEqual([r.lo, r.hi, r.nan, r.posInf, r.negInf], [-1, 1, 1, 1, 1]);
      assert.deepEqual(px(out, 0), [...NAN_COLOR]);
      assert.deepEqual(px(out, 1), [...POS_INF_COLOR]);
      assert.deepEqual(px(out, 2), [...NEG_INF_COLOR]);
      assert.deepEqual(px(out, 3), entry(c.rgba, 0));
      assert.deepEqual(px(out, 4), entry(c.rgba, 255));
    }
    const transparent: Rgba = [0, 0, 0, 0];
    paintSequential(values, out, colormap("greys"), -1, 1, { nan: transparent, posInf: POS_INF_COLOR, negInf: NEG_INF_COLOR });
    assert.deepEqual(px(out, 0), [0, 0, 0, 0]);
  });

  it("no finite values: sequential range [0, 0], diverging limit 0", () => {
    const out = new Uint8ClampedArray(8);
    const r = paintSequential([NaN, Infinity], out, colormap("magma"));
    assert.deepEqual([r.lo, r.hi], [0, 0]);
    assert.deepEqual(finiteExtent([NaN]), { min: NaN, max: NaN, count: 0 });
    assert.equal(symmetricLimit([NaN, -Infinity]), 0);
  });

  it("survives a range whose width overflows", () => {
    const c = colormap("viridis");
    const out = new Uint8ClampedArray(12);
    paintSequential([-1e308, 0, 1e308], out, c);
    assert.deepEqual(px(out, 0), entry(c.rgba, 0));
    assert.deepEqual(px(out, 1), entry(c.rgba, 128));
    assert.deepEqual(px(out, 2), entry(c.rgba, 255));
    paintDiverging([-1.7e308, 1.7e308, 0], out, colormap("RdBu"));
    assert.deepEqual(px(out, 2), entry(colormap("RdBu").rgba, 127));
  });

  it("paints the same into a buffer that is not 4-byte aligned", () => {
    const values = new Float64Array([-3, NaN, 0, 1.5, Infinity, 3, -Infinity]);
    const aligned = new Uint8ClampedArray(values.length * 4);
    const raw = new Uint8ClampedArray(values.length * 4 + 2);
    const shifted = raw.subarray(2);
    assert.deepEqual(paintDiverging(values, shifted, colormap("BrBG")), paintDiverging(values, aligned, colormap("BrBG")));
    assert.deepEqual(Array.from(shifted), Array.from(aligned));
    assert.deepEqual([raw[0], raw[1]], [0, 0]);
  });

  it("colour-bar ticks are nice and include 0 for a symmetric range", () => {
    assert.deepEqual(colorbarTicks(-2.3, 2.3, 4), [-2, -1, 0, 1, 2]);
    assert.deepEqual(colorbarTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.equal(colorbarPosition(-2, 2, 0), 0.5);
    assert.equal(colorbarPosition(-2, 2, 5), 1);
    assert.equal(colorbarPosition(1, 1, 1), 0.5);
  });
});
