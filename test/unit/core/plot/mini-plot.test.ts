import assert from "node:assert/strict";
import { miniPlotSvg, sparklineSvg, svgDataUri, safeColor, type MiniPlotOptions } from "../../../../src/core/plot";
import { checkSvg, pathNumbers, subpaths, type XmlElement } from "./xml-check";

const SIZE_BUDGET = 6 * 1024;

// Local stand-ins for activations (this test covers the plot, not the registry).
const relu = (x: number): number => (x > 0 ? x : 0);
const drelu = (x: number): number => (x > 0 ? 1 : 0); // torch: relu′(0) = 0
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const gelu = (x: number): number => 0.5 * x * (1 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)));
const dgelu = (x: number): number => (gelu(x + 1e-6) - gelu(x - 1e-6)) / 2e-6;
const threshold = (x: number): number => (x > 1 ? x : -5); // torch.threshold(x, 1, -5): a jump at 1
const dthreshold = (x: number): number => (x > 1 ? 1 : 0);
const hardtanh = (x: number): number => Math.min(1, Math.max(-1, x));
const dhardtanh = (x: number): number => (x > -1 && x < 1 ? 1 : 0);

interface Plot {
  svg: string;
  els: XmlElement[];
  byClass: (cls: string) => XmlElement[];
}

function plot(o: MiniPlotOptions): Plot {
  const svg = miniPlotSvg(o);
  const els = checkSvg(svg);
  return { svg, els, byClass: (cls) => els.filter((e) => e.attrs.class === cls) };
}

/** The plot area from the frame (first subpath of the grid path: M x0 y0 H x1 V y1 H x0 Z). */
function frame(p: Plot): { x0: number; y0: number; x1: number; y1: number } {
  const grid = p.els.find((e) => e.name === "path" && e.attrs.d.endsWith("Z") === false && e.attrs["stroke-opacity"] === "0.25");
  assert.ok(grid);
  const [x0, y0, x1, y1] = pathNumbers(grid.attrs.d.split("Z")[0]);
  return { x0, y0, x1, y1 };
}

describe("core/plot/miniPlotSvg", () => {
  const cases: [string, MiniPlotOptions][] = [
    ["relu", { f: relu, df: drelu, range: [-4, 4], kinks: [0] }],
    ["sigmoid", { f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)), range: [-6, 6] }],
    ["gelu", { f: gelu, df: dgelu, range: [-4, 4] }],
    ["threshold", { f: threshold, df: dthreshold, range: [-3, 3], kinks: [1] }],
    ["hardtanh", { f: hardtanh, df: dhardtanh, range: [-3, 3], kinks: [-1, 1] }],
    ["1/x", { f: (x) => 1 / x, df: (x) => -1 / (x * x), range: [-2, 2], kinks: [0] }],
    ["sqrt (NaN below 0)", { f: Math.sqrt, df: (x) => 0.5 / Math.sqrt(x), range: [-2, 4] }],
    ["exp overflow", { f: Math.exp, df: Math.exp, range: [-10, 800] }],
    ["all NaN", { f: () => NaN, df: () => NaN, range: [-1, 1], kinks: [0] }],
    ["big plot", { f: gelu, df: dgelu, range: [-8, 8], width: 600, height: 300 }],
  ];

  it("is well-formed standalone SVG, no NaN/Infinity, under the size budget", () => {
    for (const [name, o] of cases) {
      const p = plot(o);
      assert.ok(p.svg.length < SIZE_BUDGET, `${name}: ${p.svg.length} bytes`);
      const root = p.els[0].attrs;
      assert.equal(root.viewBox, `0 0 ${root.width} ${root.height}`);
    }
  });

  it("keeps every curve point inside the plot frame (steep parts clipped, not clamped)", () => {
    for (const [name, o] of cases) {
      const p = plot(o);
      const fr = frame(p);
      for (const cls of ["f", "df"]) {
        for (const e of p.byClass(cls)) {
          for (const pts of subpaths(e.attrs.d)) {
            assert.ok(pts.length >= 2, `${name}: a subpath has ${pts.length} point(s)`);
            for (const [x, y] of pts) {
              assert.ok(x >= fr.x0 - 0.6 && x <= fr.x1 + 0.6 && y >= fr.y0 - 0.6 && y <= fr.y1 + 0.6, `${name} ${cls}: (${x}, ${y})`);
            }
          }
        }
      }
    }
  });

  it("relu: kink dots at (0, 0) for f and for torch's f′(0) = 0, an open circle at f′'s right limit 1", () => {
    const p = plot({ f: relu, df: drelu, range: [-4, 4], kinks: [0] });
    const [fk] = p.byClass("kink");
    const [dk] = p.byClass("kink-df");
    assert.ok(fk && dk, "kink markers present");
    assert.equal(fk.attrs.cx, dk.attrs.cx);
    assert.equal(fk.attrs.cy, dk.attrs.cy, "f(0) = f′(0) = 0: same point");
    const limits = p.byClass("limit");
    assert.equal(limits.length, 1, "only the right limit differs from f′(0)");
    assert.ok(Number(limits[0].attrs.cy) < Number(dk.attrs.cy), "f′(0+) = 1 is above f′(0) = 0");
    // the x position of the kink is x = 0 on the axis
    const axes = p.byClass("axes")[0];
    assert.ok(axes.attrs.d.includes(`M${Math.round(Number(fk.attrs.cx) - 0.5) + 0.5} `));
    // f′ is broken at the kink: two subpaths, the left one flat at 0, the right one flat at 1
    const df = subpaths(p.byClass("df")[0].attrs.d);
    assert.equal(df.length, 2);
    assert.ok(df[0].every(([, y]) => y === df[0][0][1]));
    assert.ok(df[1].every(([, y]) => y === df[1][0][1]));
    assert.equal(df[0][0][1], Number(dk.attrs.cy));
    assert.equal(df[1][0][1], Number(limits[0].attrs.cy));
    // straight pieces are simplified to their two ends
    assert.equal(df[0].length + df[1].length, 4);
  });

  it("leaky_relu-like: the kink dot sits at the value f′ returns at the kink", () => {
    const slope = 0.1;
    const p = plot({ f: (x) => (x > 0 ? x : slope * x), df: (x) => (x > 0 ? 1 : slope), range: [-2, 2], kinks: [0] });
    const dk = p.byClass("kink-df")[0];
    const df = subpaths(p.byClass("df")[0].attrs.d);
    assert.equal(Number(dk.attrs.cy), df[0][df[0].length - 1][1], "f′(0) = negative_slope: the left piece's level");
  });

  it("threshold: f jumps at the kink — two pieces, no vertical connecting line, open circle at the limit", () => {
    const p = plot({ f: threshold, df: dthreshold, range: [-3, 3], kinks: [1] });
    const f = subpaths(p.byClass("f")[0].attrs.d);
    assert.equal(f.length, 2);
    const leftEnd = f[0][f[0].length - 1];
    const rightStart = f[1][0];
    assert.ok(Math.abs(leftEnd[0] - rightStart[0]) < 0.2, "both pieces end at the kink's x");
    assert.ok(Math.abs(leftEnd[1] - rightStart[1]) > 20, "and they are far apart vertically");
    const fk = p.byClass("kink")[0];
    assert.equal(Number(fk.attrs.cy), leftEnd[1], "f(1) = value = −5: the dot is on the left piece");
    assert.ok(p.byClass("limit").some((c) => Math.abs(Number(c.attrs.cy) - rightStart[1]) < 0.2));
  });

  it("hardtanh: one f dot and one f′ dot per kink", () => {
    const p = plot({ f: hardtanh, df: dhardtanh, range: [-3, 3], kinks: [-1, 1, 7] });
    assert.equal(p.byClass("kink").length, 2, "the kink at 7 is outside the range");
    assert.equal(p.byClass("kink-df").length, 2);
    assert.equal(subpaths(p.byClass("df")[0].attrs.d).length, 3);
  });

  it("breaks the curve at non-finite values", () => {
    const p = plot({ f: Math.sqrt, range: [-2, 2] });
    const f = subpaths(p.byClass("f")[0].attrs.d);
    assert.equal(f.length, 1);
    const fr = frame(p);
    const xZero = fr.x0 + (fr.x1 - fr.x0) / 2;
    assert.ok(f[0][0][0] >= xZero - 2, "starts near x = 0, where sqrt becomes finite");
    assert.equal(p.byClass("df").length, 0, "no f′ given, none drawn");
  });

  it("1/x: a pole does not flatten the plot; the y-range follows the bulk of the samples", () => {
    const p = plot({ f: (x) => 1 / x, range: [-4, 4], kinks: [0] });
    const yLabels = p.els.filter((e) => e.name === "text" && e.attrs["text-anchor"] === "end").map((e) => Number(e.text.replace("\u2212", "-")));
    const top = Math.max(...yLabels);
    assert.ok(top < 100, `y ticks reach ${top}`);
    // near the pole, the curve reaches the frame edge
    const fr = frame(p);
    const ys = subpaths(p.byClass("f")[0].attrs.d).flat().map(([, y]) => y);
    assert.ok(Math.min(...ys) <= fr.y0 + 0.6 && Math.max(...ys) >= fr.y1 - 0.6);
  });

  it("escapes text and rejects colours that could reference anything", () => {
    const p = plot({
      f: relu,
      df: drelu,
      range: [-1, 1],
      labels: { f: "<script>alert(1)</script>", df: 'a & "b"', title: "x'\u0001y" },
    });
    assert.ok(!p.svg.includes("<script"));
    assert.ok(p.svg.includes("&lt;script&gt;"));
    assert.ok(p.svg.includes("a &amp; &quot;b&quot;"));
    assert.ok(p.svg.includes("<title>x&#39;y</title>"));
    assert.throws(() => miniPlotSvg({ f: relu, range: [-1, 1], colors: { f: "url(http://x/y)" } }), RangeError);
    assert.throws(() => miniPlotSvg({ f: relu, range: [-1, 1], colors: { df: '#fff" onload="x' } }), RangeError);
    assert.equal(safeColor("rgb(1, 2, 3)"), "rgb(1, 2, 3)");
  });

  it("legend can be hidden; bad ranges throw", () => {
    const p = plot({ f: relu, range: [-1, 1], labels: false });
    assert.ok(!p.svg.includes("<tspan"));
    assert.throws(() => miniPlotSvg({ f: relu, range: [1, 1] }), RangeError);
    assert.throws(() => miniPlotSvg({ f: relu, range: [0, Infinity] }), RangeError);
  });

  it("works as a data URI", () => {
    const svg = miniPlotSvg({ f: gelu, df: dgelu, range: [-4, 4] });
    const uri = svgDataUri(svg);
    assert.equal(Buffer.from(uri.split(",")[1], "base64").toString("utf8"), svg);
    assert.ok(svg.includes("f\u2032(x)"));
  });
});

describe("core/plot/sparklineSvg", () => {
  it("draws one bar per value, tiny counts at least 1 px, negatives below the baseline", () => {
    const svg = sparklineSvg([0, 1, 1000, 3, -2, NaN], { width: 60, height: 20 });
    const els = checkSvg(svg);
    const bars = els.find((e) => e.attrs.class === "bars");
    assert.ok(bars);
    const rects = bars.attrs.d.split("Z").filter((s) => s.length > 0);
    assert.equal(rects.length, 4, "0 and NaN draw nothing");
    const heights = rects.map((r) => {
      const n = pathNumbers(r);
      return { top: n[1], bottom: n[3] };
    });
    assert.ok(heights[0].bottom - heights[0].top >= 1, "a count of 1 is visible next to 1000");
    assert.ok(heights[3].top >= heights[1].bottom - 0.01, "the negative bar hangs below the baseline");
    assert.ok(svg.length < 1024);
  });

  it("keeps a spike when there are more bins than pixels", () => {
    const values = new Float64Array(5000).fill(1);
    values[4321] = 500;
    const els = checkSvg(sparklineSvg(values, { width: 50, height: 10 }));
    const d = els.find((e) => e.attrs.class === "bars")!.attrs.d;
    const rects = d.split("Z").filter((s) => s.length > 0);
    assert.equal(rects.length, 50);
    const tall = rects.filter((r) => pathNumbers(r)[1] === 0);
    assert.equal(tall.length, 1, "one column reaches the top");
    assert.equal(pathNumbers(tall[0])[0], Math.floor((4321 * 50) / 5000));
  });

  it("empty and all-zero inputs give a valid SVG with just the baseline", () => {
    for (const v of [[], [0, 0, 0], [NaN]]) {
      const els = checkSvg(sparklineSvg(v));
      assert.ok(!els.some((e) => e.attrs.class === "bars"));
      assert.ok(els.some((e) => e.attrs.class === "baseline"));
    }
    assert.ok(!sparklineSvg([1, 2], { baseline: "none" }).includes("baseline"));
  });
});
