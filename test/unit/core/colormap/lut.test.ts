import assert from "node:assert/strict";
import * as d3 from "d3-scale-chromatic";
import {
  LUT_SIZE,
  NAN_COLOR,
  NEG_INF_COLOR,
  PALETTES,
  POS_INF_COLOR,
  colormap,
  colormapNames,
  cssColor,
  cssGradient,
  isColormapName,
  lut,
  lutIndex,
  lutT,
  parseD3Color,
  rgbaToCss,
} from "../../../../src/core/colormap";

function entry(table: Uint8ClampedArray, i: number): number[] {
  return Array.from(table.subarray(4 * i, 4 * i + 4));
}

/** d3's colour at t as [r, g, b, 255]. */
function d3At(interp: (t: number) => string, t: number): number[] {
  return [...parseD3Color(interp(t)), 255];
}

describe("core/colormap/lut", () => {
  it("names the required palettes by kind", () => {
    assert.deepEqual(colormapNames("diverging"), ["RdBu", "PuOr", "BrBG", "PiYG", "Spectral"]);
    assert.deepEqual(colormapNames("sequential"), ["viridis", "magma", "inferno", "plasma", "cividis", "blues", "greys"]);
    assert.equal(colormapNames().length, 12);
    assert.ok(isColormapName("rdbu") && isColormapName("Viridis") && !isColormapName("jet"));
    assert.throws(() => colormap("jet"), /unknown colormap "jet"/);
  });

  it("bakes 256 opaque entries and caches them", () => {
    for (const name of colormapNames()) {
      const c = colormap(name);
      assert.equal(c.rgba.length, LUT_SIZE * 4);
      assert.equal(colormap(name.toUpperCase()), c, "cached per name, case-insensitive");
      assert.equal(lut(name), c.rgba);
      for (let i = 0; i < LUT_SIZE; i++) {
        assert.equal(c.rgba[4 * i + 3], 255);
      }
    }
  });

  it("every entry equals d3's interpolator at that entry's t (endpoints and centre included)", () => {
    for (const p of PALETTES) {
      const c = colormap(p.name);
      for (let i = 0; i < LUT_SIZE; i++) {
        const t = lutT(p.kind, i);
        assert.deepEqual(entry(c.rgba, i), d3At(p.interpolate, p.reversed ? 1 - t : t), `${p.name}[${i}]`);
      }
    }
  });

  it("sequential ends are d3's ends", () => {
    const v = colormap("viridis").rgba;
    assert.deepEqual(entry(v, 0), d3At(d3.interpolateViridis, 0));
    assert.deepEqual(entry(v, 255), d3At(d3.interpolateViridis, 1));
    assert.deepEqual(entry(v, 0), [0x44, 0x01, 0x54, 255]);
    assert.deepEqual(entry(v, 255), [0xfd, 0xe7, 0x25, 255]);
  });

  it("RdBu is reversed (blue for negative, red for positive) and has d3's centre at entries 127 and 128", () => {
    const r = colormap("RdBu").rgba;
    assert.deepEqual(entry(r, 0), d3At(d3.interpolateRdBu, 1)); // dark blue
    assert.deepEqual(entry(r, 255), d3At(d3.interpolateRdBu, 0)); // dark red
    const low = entry(r, 0);
    const high = entry(r, 255);
    assert.ok(low[2] > low[0], "low end is blue");
    assert.ok(high[0] > high[2], "high end is red");
    for (const name of colormapNames("diverging")) {
      const c = colormap(name);
      const spec = PALETTES.find((p) => p.name === name)!;
      assert.deepEqual(entry(c.rgba, 127), d3At(spec.interpolate, 0.5), name);
      assert.deepEqual(entry(c.rgba, 128), d3At(spec.interpolate, 0.5), name);
    }
  });

  it("maps t to entries: ends, centre, monotone", () => {
    assert.equal(lutIndex("sequential", 0), 0);
    assert.equal(lutIndex("sequential", 1), 255);
    assert.equal(lutIndex("sequential", -3), 0);
    assert.equal(lutIndex("sequential", 7), 255);
    assert.equal(lutIndex("sequential", NaN), 0);
    assert.equal(lutIndex("diverging", 0.5), 127);
    assert.equal(lutT("diverging", lutIndex("diverging", 0.5)), 0.5);
    assert.equal(lutIndex("diverging", 0.5 + 1e-9), 128);
    assert.equal(lutT("diverging", 128), 0.5);
    for (const kind of ["sequential", "diverging"] as const) {
      let prev = -1;
      for (let k = 0; k <= 10000; k++) {
        const i = lutIndex(kind, k / 10000);
        assert.ok(i >= prev, `${kind} monotone at ${k}`);
        // the entry's t is within half a step of the asked t
        assert.ok(Math.abs(lutT(kind, i) - k / 10000) <= 0.5 / 254 + 1e-12);
        prev = i;
      }
    }
  });

  it("special colours are distinct from each other and far from every LUT entry", () => {
    const specials = [NAN_COLOR, POS_INF_COLOR, NEG_INF_COLOR];
    assert.equal(new Set(specials.map((c) => c.join())).size, 3);
    let closest = Infinity;
    for (const name of colormapNames()) {
      const t = lut(name);
      for (let i = 0; i < LUT_SIZE; i++) {
        for (const s of specials) {
          const d = Math.hypot(t[4 * i] - s[0], t[4 * i + 1] - s[1], t[4 * i + 2] - s[2]);
          closest = Math.min(closest, d);
        }
      }
    }
    // Not merely unequal: at least 120 RGB units from any palette colour.
    assert.ok(closest > 120, `closest palette colour is ${closest} away`);
  });

  it("css colours for legends", () => {
    const c = colormap("viridis");
    assert.equal(cssColor(c, 0), "#440154");
    assert.equal(cssColor(c, 1), "#fde725");
    assert.equal(cssColor(colormap("RdBu"), 0.5), rgbaToCss([...parseD3Color(d3.interpolateRdBu(0.5)), 255] as const));
    assert.equal(rgbaToCss(NAN_COLOR), "#ff00ff");
    assert.equal(rgbaToCss([0, 0, 0, 0]), "rgba(0, 0, 0, 0)");
    const g = cssGradient(c, 3);
    assert.equal(g, `linear-gradient(to right, #440154 0%, ${cssColor(c, 0.5)} 50%, #fde725 100%)`);
    assert.ok(cssGradient(c, 2, "top").startsWith("linear-gradient(to top, "));
  });

  it("parses d3's two colour forms and rejects others", () => {
    assert.deepEqual(parseD3Color("#0a0B0c"), [10, 11, 12]);
    assert.deepEqual(parseD3Color("rgb(1, 2, 3)"), [1, 2, 3]);
    assert.throws(() => parseD3Color("hsl(1, 2%, 3%)"));
  });
});
