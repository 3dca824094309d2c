/**
 * Explainer "bias": the family y = f(x + b) for several biases b on one chart, each curve's kinks marked at
 * x = k − b (for ReLU at x = −b; positions from the core's `biasFamily`, never typed in), and the example
 * relu(7 + A) highlighted: below A = −7 output and slope 0, above slope 1 (values from the core).
 *
 * Settings (keys `bias.<name>`, see ./settings): activation ("relu"), biases ([−3, 0, 3, 7]; 1 … 8 entries),
 * range ([−10, 10]). The highlighted bias is 7 when listed, else the last one.
 *
 * Canvas: `explain-bias`. Summary: activation, biases (number[]), kinks (number[]: every curve's kinks inside
 * the range, in the order of the biases), highlight (the highlighted b), highlightKink, slopeBelow, slopeAbove,
 * valueBelow (f and f′ one unit left/right of the highlighted curve's first kink; absent without a kink).
 */
import { derivative, evaluate, getActivation } from "../../core/activations";
import { biasFamily, type BiasFamily } from "../../core/explain";
import type { ExplainState, RenderSummary } from "../../shared/protocol";
import { h } from "../dom";
import { themeColors } from "../theme";
import { emptyOverlay, lineSet, markerSet, points, updateChart, type Dataset } from "./charts";
import { listControl, rangeControl, selectControl, type Control, type SelectControl } from "./controls";
import { columnsCsv } from "./csv";
import { explainActivations, readSettings, writeSettings, type TopicSettings } from "./settings";
import { biasHighlight, biasIntro, num } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";
import type { Chart } from "chart.js";

type S = TopicSettings<"bias">;

const SAMPLES = 801;
/** The bias of the classic example relu(7 + A). */
const EXAMPLE_BIAS = 7;

export class BiasTopic extends TopicBase {
  private readonly activation: SelectControl;
  private readonly biases: Control<readonly number[]>;
  private readonly range: Control<readonly [number, number]>;
  private readonly intro: HTMLElement;
  private readonly highlight: HTMLElement;
  private readonly chart: Chart;
  private readonly canvas: HTMLCanvasElement;
  private family: { key: string; fam: BiasFamily } | undefined;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Bias");
    const d = readSettings("bias", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("bias", patch));
    this.activation = this.own(
      selectControl({
        testId: "explain-bias-activation",
        label: "Activation",
        options: explainActivations().map((a) => ({ value: a.id, text: `${a.label} (${a.id})` })),
        value: d.activation,
        onChange: (v) => set({ activation: v }),
      }),
    );
    this.biases = this.own(
      listControl({
        testId: "explain-bias-biases",
        label: "Biases b",
        title: "1 to 8 numbers, separated by commas",
        value: d.biases,
        minLength: 1,
        maxLength: 8,
        onChange: (v) => set({ biases: v }),
      }),
    );
    this.range = this.own(
      rangeControl({
        testId: "explain-bias-range",
        label: "x range",
        min: -1000,
        max: 1000,
        value: d.range,
        onChange: (v) => set({ range: v }),
      }),
    );
    this.controls.append(this.activation.element, this.biases.element, this.range.element);
    this.intro = h("div", { class: "explain-intro" });
    this.highlight = h("p", { class: "explain-case", "data-testid": "explain-bias-highlight" });
    this.text.append(this.intro, this.highlight);
    const fig = this.chartFigure(
      "explain-bias",
      "f(x + b) for each bias b",
      { xTitle: "x", yTitle: "f(x + b)" },
      "explain-wide",
    );
    this.chart = fig.chart;
    this.canvas = fig.canvas;
  }

  render(state: ExplainState): TopicRender {
    const { values: s, notes } = readSettings("bias", state.settings);
    this.showNotes(notes);
    this.activation.sync(s.activation);
    this.biases.sync(s.biases);
    this.range.sync(s.range);
    const spec = getActivation(s.activation);
    const label = spec?.label ?? s.activation;
    const key = JSON.stringify(s);
    const fam =
      this.family?.key === key ? this.family.fam : biasFamily(s.activation, undefined, s.biases, s.range, SAMPLES);
    this.family = { key, fam };

    const hi = s.biases.includes(EXAMPLE_BIAS) ? s.biases.indexOf(EXAMPLE_BIAS) : s.biases.length - 1;
    const hb = s.biases[hi];
    const theme = themeColors();
    const datasets: Dataset[] = [];
    const overlay = emptyOverlay();
    const kinkPoints: { x: number; y: number }[] = [];
    s.biases.forEach((b, i) => {
      const color = theme.series[i % theme.series.length];
      const isHi = i === hi;
      datasets.push(
        lineSet(isHi ? `b = ${num(b)} (highlighted)` : `b = ${num(b)}`, points(fam.x, fam.curves[i]), color, {
          width: isHi ? 3.5 : 1.5,
        }),
      );
      for (const k of fam.kinks[i]) {
        kinkPoints.push({ x: k, y: evaluate(s.activation, k + b) });
      }
    });
    if (kinkPoints.length) {
      datasets.push(markerSet("kinks at x = k − b", kinkPoints, theme.foreground, "circle", 4));
    }
    const hk = fam.kinks[hi][0];
    const summary: RenderSummary = {
      activation: s.activation,
      biases: [...s.biases],
      kinks: fam.kinks.flat(),
      highlight: hb,
    };
    let below = { value: NaN, slope: NaN };
    let above = { value: NaN, slope: NaN };
    if (hk !== undefined) {
      below = { value: evaluate(s.activation, hk - 1 + hb), slope: derivative(s.activation, hk - 1 + hb) };
      above = { value: evaluate(s.activation, hk + 1 + hb), slope: derivative(s.activation, hk + 1 + hb) };
      overlay.vlines.push({ x: hk, color: theme.accent, label: `x = ${num(hk)}` });
      overlay.notes.push(
        { x: hk - 1, y: below.value, text: `slope ${num(below.slope)}`, color: theme.accent, align: "right" },
        { x: hk + 1, y: above.value, text: `slope ${num(above.slope)}`, color: theme.accent, align: "left" },
      );
      Object.assign(summary, {
        highlightKink: hk,
        slopeBelow: below.slope,
        slopeAbove: above.slope,
        valueBelow: below.value,
      });
    }
    updateChart(this.chart, datasets, overlay, { xMin: s.range[0], xMax: s.range[1] });

    this.intro.replaceChildren(
      ...biasIntro(
        s.activation,
        label,
        spec?.formula.text ?? "",
        fam.kinks.some((k) => k.length > 0),
      ).map((t) => para(t)),
    );
    this.highlight.textContent = biasHighlight(s.activation, hb, hk, below, above);
    const kinkText = s.biases
      .map(
        (b, i) =>
          `b = ${num(b)}: ${fam.kinks[i].length ? `kink at x = ${fam.kinks[i].map((k) => num(k)).join(", ")}` : "no kink in range"}`,
      )
      .join("; ");
    this.canvas.setAttribute(
      "aria-label",
      `Line chart of ${label}(x + b) for x from ${num(s.range[0])} to ${num(s.range[1])}; ${kinkText}`,
    );
    this.description.textContent = `${label}(x + b) for b = ${s.biases.map((b) => num(b)).join(", ")}. ${kinkText}. ${this.highlight.textContent}`;
    this.csv = () =>
      columnsCsv([
        { name: "x", values: fam.x },
        ...s.biases.map((b, i) => ({ name: `f(x+${b})`, values: fam.curves[i] })),
        ...s.biases.map((b, i) => ({ name: `f'(x+${b})`, values: fam.slopes[i] })),
      ]);
    return {
      canvases: ["explain-bias"],
      curves: [s.activation],
      params: [{}],
      points: fam.x.length * s.biases.length,
      summary,
    };
  }

  exportParts() {
    return { canvases: [this.canvas], csv: this.csv() };
  }
}
