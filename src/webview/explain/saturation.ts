/**
 * Explainer "saturation": where |f′(x)| < ε (core `saturationRegions`, torch's f′ at kinks), shaded under the
 * curves of f (left axis) and f′ (right axis); with a selection, the fraction of its values in the saturated
 * region (core `saturatedFraction`) and the values themselves as marks on f (at most 2000, evenly thinned;
 * saturated ones in the accent colour).
 *
 * Settings (keys `saturation.<name>`, see ./settings): activation ("sigmoid"; the select lists the saturating
 * sigmoid and tanh first, then every other activation), eps (0.001; slider on a log scale), range ([−10, 10]).
 *
 * Canvas: `explain-saturation`. Summary: activation, eps, range, regions (number[] flattened [lo, hi, …]),
 * saturatedShare (total length of the regions / length of the range); with a selection
 * selectionSaturatedFraction and selectionValues (finite values counted).
 */
import type { Chart } from "chart.js";
import { derivative, evaluate, getActivation } from "../../core/activations";
import { saturatedFraction, saturationRegions } from "../../core/explain";
import { finiteExtent } from "../../core/colormap";
import type { ExplainState, RenderSummary } from "../../shared/protocol";
import { h } from "../dom";
import { sampleCurve } from "../panel/sampling";
import { themeColors } from "../theme";
import { emptyOverlay, lineSet, markerSet, updateChart, withAlpha, type Dataset, type XY } from "./charts";
import { rangeControl, selectControl, sliderControl, type Control, type SelectControl } from "./controls";
import { columnsCsv } from "./csv";
import { thin } from "./selection";
import { explainActivations, readSettings, writeSettings, type TopicSettings } from "./settings";
import { intervalsText, num, pct, saturationIntro } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";

type S = TopicSettings<"saturation">;

/** The saturating activations offered first. */
const FIRST = ["sigmoid", "tanh"];
const MAX_MARKS = 2000;

export class SaturationTopic extends TopicBase {
  private readonly activation: SelectControl;
  private readonly eps: Control<number>;
  private readonly range: Control<readonly [number, number]>;
  private readonly intro: HTMLElement;
  private readonly result: HTMLElement;
  private readonly chart: Chart;
  private readonly canvas: HTMLCanvasElement;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Saturation");
    const d = readSettings("saturation", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("saturation", patch));
    const all = explainActivations();
    const options = [
      ...FIRST.map((id) => all.find((a) => a.id === id)).filter((a) => a !== undefined),
      ...all.filter((a) => !FIRST.includes(a.id)),
    ].map((a) => ({ value: a.id, text: `${a.label} (${a.id})` }));
    this.activation = this.own(
      selectControl({
        testId: "explain-saturation-activation",
        label: "Activation",
        options,
        value: d.activation,
        onChange: (v) => set({ activation: v }),
      }),
    );
    this.eps = this.own(
      sliderControl({
        testId: "explain-saturation-eps",
        label: "ε",
        title: "Saturated where |f′(x)| < ε (slider on a log scale)",
        min: 1e-12,
        max: 0.5,
        sliderMin: 1e-8,
        sliderMax: 0.5,
        log: true,
        value: d.eps,
        onCommit: (v) => set({ eps: v }),
      }),
    );
    this.range = this.own(
      rangeControl({
        testId: "explain-saturation-range",
        label: "x range",
        min: -1000,
        max: 1000,
        value: d.range,
        onChange: (v) => set({ range: v }),
      }),
    );
    this.controls.append(this.activation.element, this.eps.element, this.range.element);
    this.intro = h("div", { class: "explain-intro" });
    this.result = h("p", { class: "explain-case", "data-testid": "explain-saturation-result" });
    this.text.append(this.intro, this.result);
    const fig = this.chartFigure(
      "explain-saturation",
      "f and f′ with the saturated regions shaded",
      { xTitle: "x", yTitle: "f(x) (left axis)", y1Title: "f′(x) (right axis)" },
      "explain-wide",
    );
    this.chart = fig.chart;
    this.canvas = fig.canvas;
  }

  render(state: ExplainState, data: Float64Array | undefined): TopicRender {
    const { values: s, notes } = readSettings("saturation", state.settings);
    this.showNotes(notes);
    this.activation.sync(s.activation);
    this.eps.sync(s.eps);
    this.range.sync(s.range);
    const spec = getActivation(s.activation);
    const label = spec?.label ?? s.activation;
    const regions = saturationRegions(s.activation, undefined, s.eps, s.range);
    const curve = sampleCurve(
      (x) => evaluate(s.activation, x),
      (x) => derivative(s.activation, x),
      spec?.kinks() ?? [],
      s.range,
      801,
    );
    const theme = themeColors();
    const datasets: Dataset[] = [
      lineSet(`f(x), ${label}`, curve.f, theme.series[0], { width: 2.5 }),
      lineSet("f′(x)", curve.df, theme.series[1], { width: 2, yAxisID: "y1" }),
    ];
    if (curve.kinks.length) {
      datasets.push(
        markerSet(
          "f′ at the kink (torch)",
          curve.kinks.map((k) => ({ x: k.x, y: k.df })),
          theme.series[1],
          "circle",
          4,
        ),
      );
      (datasets[datasets.length - 1] as { yAxisID?: string }).yAxisID = "y1";
    }
    const sel = state.selection;
    let selectionFraction: number | undefined;
    let finiteCount = 0;
    if (data && sel) {
      selectionFraction = saturatedFraction(data, s.activation, undefined, s.eps);
      finiteCount = finiteExtent(data).count;
      const shown = thin(data, MAX_MARKS);
      const sat: XY[] = [];
      const live: XY[] = [];
      for (const x of shown) {
        if (!Number.isFinite(x) || x < s.range[0] || x > s.range[1]) {
          continue;
        }
        (Math.abs(derivative(s.activation, x)) < s.eps ? sat : live).push({ x, y: evaluate(s.activation, x) });
      }
      datasets.push(markerSet("your values", live, theme.foreground, "crossRot", 3));
      datasets.push(markerSet("your values, saturated", sat, theme.accent, "crossRot", 4));
    }
    const overlay = emptyOverlay();
    const shade = withAlpha(theme.accent, 0.16);
    overlay.bands = regions.intervals.map((r) => ({ x0: r.lo, x1: r.hi, color: shade }));
    for (const r of regions.intervals) {
      for (const [x, edge] of [
        [r.lo, r.toLo],
        [r.hi, r.toHi],
      ] as const) {
        if (!edge) {
          overlay.vlines.push({ x, color: theme.accent, dash: [3, 3], label: `x = ${num(x)}` });
        }
      }
    }
    updateChart(this.chart, datasets, overlay, { xMin: s.range[0], xMax: s.range[1] });

    // ≤ where the end point itself is clearly saturated (a kink: ReLU′(0) = 0), not at a smooth crossing of ε
    const saturatedAt = (x: number): boolean => Math.abs(derivative(s.activation, x)) < s.eps / 2;
    this.intro.replaceChildren(...saturationIntro(s.activation, label, s.eps, regions.intervals, saturatedAt).map((t) => para(t)));
    const where = intervalsText(regions.intervals, saturatedAt);
    const yours =
      selectionFraction === undefined
        ? ""
        : ` Your values${sel ? ` (${sel.label})` : ""}: ${pct(selectionFraction)} of ${finiteCount} finite value${finiteCount === 1 ? "" : "s"} are saturated.`;
    this.result.textContent = `Saturated (shaded): ${pct(regions.fraction)} of [${num(s.range[0])}, ${num(s.range[1])}].${yours}`;
    this.canvas.setAttribute(
      "aria-label",
      `Line chart of ${label} and its derivative for x from ${num(s.range[0])} to ${num(s.range[1])}; saturated (|f′| < ${num(s.eps)}) for ${where}`,
    );
    this.description.textContent = `${label}: |f′(x)| < ${num(s.eps)} for ${where}. ${this.result.textContent}`;
    this.csv = () =>
      columnsCsv([
        { name: "x", values: curve.f.map((p) => p.x) },
        { name: "f", values: curve.f.map((p) => p.y ?? NaN) },
        { name: "f_prime", values: curve.df.map((p) => p.y ?? NaN) },
        { name: "saturated", values: curve.df.map((p) => (Math.abs(derivative(s.activation, p.x)) < s.eps ? 1 : 0)) },
      ]);
    const summary: RenderSummary = {
      activation: s.activation,
      eps: s.eps,
      range: [...s.range],
      regions: regions.intervals.flatMap((r) => [r.lo, r.hi]),
      saturatedShare: regions.fraction,
    };
    if (selectionFraction !== undefined) {
      summary.selectionSaturatedFraction = selectionFraction;
      summary.selectionValues = finiteCount;
    }
    return {
      canvases: ["explain-saturation"],
      curves: [s.activation],
      params: [{}],
      points: curve.f.length + curve.df.length,
      summary,
    };
  }

  exportParts() {
    return { canvases: [this.canvas], csv: this.csv() };
  }
}
