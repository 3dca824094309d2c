/**
 * Explainer "depth": a random square MLP (no biases) run forward and backward in the core (`simulateDepth`) on
 * N(0, 1) inputs for sigmoid, tanh, ReLU, Leaky ReLU, GELU and SELU side by side: the standard deviation of each
 * layer's activations and the norm of the gradient ∂loss/∂h_l (loss = a fixed random read-out of the last layer,
 * the core's default), both on log axes.
 *
 * Init: torch's xavier_normal_ / kaiming_normal_ (fan_in) / LeCun normal (kaiming_normal_ with nonlinearity
 * 'linear'); gain "calculate_gain" = torch.nn.init.calculate_gain for each activation (the core's
 * variance-preserving gain where torch defines none, e.g. GELU), gain "default" = each init's own default
 * argument in torch (xavier_normal_: 1; kaiming_normal_: calculate_gain('leaky_relu', 0) = √2, taken from the
 * core's registry). For square layers xavier and kaiming give the same weights for the same gain.
 *
 * Responsiveness: sliders commit after a 250 ms pause (or on release), results are cached per setting, and the
 * work per activation is bounded: the batch is reduced (and the view says so) so that
 * batch·width²·depth ≤ 2²⁵ and batch·width·depth ≤ 2¹⁷.
 *
 * Settings (keys `depth.<name>`, see ./settings): width (64, 2 … 256), depth (20, 1 … 50), batch (32, 1 … 256),
 * init ("xavier"), gain ("calculate_gain"), seed (0).
 *
 * Canvases: `explain-depth-std`, `explain-depth-grad`. Summary: depth, width, batch (used), batchRequested, init,
 * gain, seed, and per activation id: gradRatio_<id> = ‖∂loss/∂h₀‖ / ‖∂loss/∂h_L‖ (the gradient at the input over
 * the gradient at the output: < 1 means it shrank on the way back), std_last_<id> (std of the last layer's
 * activations), gain_<id> (the gain used).
 */
import type { Chart } from "chart.js";
import { getActivation } from "../../core/activations";
import { simulateDepth, type DepthInit, type DepthSimulation } from "../../core/explain";
import { maxAbsDerivative } from "../../core/stats/gradient";
import type { ExplainState, RenderSummary } from "../../shared/protocol";
import { h } from "../dom";
import { themeColors } from "../theme";
import { emptyOverlay, lineSet, points, updateChart } from "./charts";
import { selectControl, sliderControl, type Control, type SelectControl } from "./controls";
import { columnsCsv } from "./csv";

/** What the legend adds after a gain the core chose itself (torch's calculate_gain has none for the activation). */
const GAIN_NOTES: Partial<Record<DepthSimulation["gainSource"], string>> = {
  "variance-preserving": " (variance-preserving: E f(g·Z)² = 1; torch has none)",
  "unit-second-moment": " (1/√E f(Z)²: no gain keeps the variance; torch has none)",
};
import { readSettings, writeSettings, type TopicSettings } from "./settings";
import { depthIntro, depthReadout, num } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";
import { boundedBatch } from "./budget";

type S = TopicSettings<"depth">;

/** The activations compared, in drawing order. */
export const DEPTH_IDS: readonly string[] = ["sigmoid", "tanh", "relu", "leaky_relu", "gelu", "selu"];
const DEBOUNCE_MS = 250;
export class DepthTopic extends TopicBase {
  private readonly width: Control<number>;
  private readonly depth: Control<number>;
  private readonly batch: Control<number>;
  private readonly init: SelectControl;
  private readonly gain: SelectControl;
  private readonly seed: Control<number>;
  private readonly intro: HTMLElement;
  private readonly result: HTMLElement;
  private readonly gains: HTMLElement;
  private readonly stdChart: { canvas: HTMLCanvasElement; chart: Chart };
  private readonly gradChart: { canvas: HTMLCanvasElement; chart: Chart };
  private cache: { key: string; sims: DepthSimulation[] } | undefined;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Depth");
    const d = readSettings("depth", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("depth", patch));
    this.width = this.own(
      sliderControl({
        testId: "explain-depth-width",
        label: "Width",
        min: 2,
        max: 256,
        integer: true,
        debounceMs: DEBOUNCE_MS,
        value: d.width,
        onCommit: (v) => set({ width: v }),
      }),
    );
    this.depth = this.own(
      sliderControl({
        testId: "explain-depth-depth",
        label: "Depth (layers)",
        min: 1,
        max: 50,
        integer: true,
        debounceMs: DEBOUNCE_MS,
        value: d.depth,
        onCommit: (v) => set({ depth: v }),
      }),
    );
    this.batch = this.own(
      sliderControl({
        testId: "explain-depth-batch",
        label: "Batch",
        min: 1,
        max: 256,
        integer: true,
        debounceMs: DEBOUNCE_MS,
        value: d.batch,
        onCommit: (v) => set({ batch: v }),
      }),
    );
    this.init = this.own(
      selectControl({
        testId: "explain-depth-init",
        label: "Init",
        options: [
          { value: "xavier", text: "Xavier normal (xavier_normal_)" },
          { value: "kaiming", text: "Kaiming normal (kaiming_normal_, fan_in)" },
          { value: "lecun", text: "LeCun normal (std 1/√fan_in)" },
        ],
        value: d.init,
        onChange: (v) => set({ init: v }),
      }),
    );
    this.gain = this.own(
      selectControl({
        testId: "explain-depth-gain",
        label: "Gain",
        options: [
          { value: "calculate_gain", text: "calculate_gain(activation)" },
          { value: "default", text: "the init's default (xavier 1, kaiming √2)" },
        ],
        value: d.gain,
        onChange: (v) => set({ gain: v }),
      }),
    );
    this.seed = this.own(
      sliderControl({
        testId: "explain-depth-seed",
        label: "Seed",
        min: 0,
        max: 2 ** 31 - 1,
        sliderMin: 0,
        sliderMax: 99,
        integer: true,
        debounceMs: DEBOUNCE_MS,
        value: d.seed,
        onCommit: (v) => set({ seed: v }),
      }),
    );
    this.controls.append(
      this.width.element,
      this.depth.element,
      this.batch.element,
      this.init.element,
      this.gain.element,
      this.seed.element,
    );
    this.intro = h("div", { class: "explain-intro" });
    this.result = h("p", { class: "explain-case", "data-testid": "explain-depth-result" });
    this.gains = h("p", { class: "muted", "data-testid": "explain-depth-gains" });
    this.text.append(this.intro, this.result, this.gains);
    const std = this.chartFigure("explain-depth-std", "Std of each layer's activations", {
      xTitle: "layer l (0 = input)",
      yTitle: "std of h_l",
      logY: true,
      digits: 3,
    });
    const grad = this.chartFigure("explain-depth-grad", "Gradient norm ‖∂loss/∂h_l‖ per layer", {
      xTitle: "layer l (0 = input)",
      yTitle: "‖∂loss/∂h_l‖",
      logY: true,
      digits: 3,
    });
    this.stdChart = std;
    this.gradChart = grad;
  }

  render(state: ExplainState): TopicRender {
    const { values: s, notes } = readSettings("depth", state.settings);
    this.width.sync(s.width);
    this.depth.sync(s.depth);
    this.batch.sync(s.batch);
    this.init.sync(s.init);
    this.gain.sync(s.gain);
    this.seed.sync(s.seed);
    const batch = boundedBatch(s.batch, s.width, s.depth);
    if (batch < s.batch) {
      notes.push(`Batch reduced to ${batch} for width ${s.width} × depth ${s.depth}, to keep the view responsive.`);
    }
    this.showNotes(notes);

    const sims = this.simulate(s, batch);
    const theme = themeColors();
    // Leaky ReLU (slope 0.01) nearly coincides with ReLU: dashed, so both stay visible.
    const dash = (id: string) => (id === "leaky_relu" ? [6, 4] : undefined);
    const layers = Array.from({ length: s.depth + 1 }, (_, l) => l);
    const labels = DEPTH_IDS.map((id) => getActivation(id)?.label ?? id);
    updateChart(
      this.stdChart.chart,
      sims.map((r, i) =>
        lineSet(labels[i], points(layers, r.activationStd, true), theme.series[i % theme.series.length], {
          points: s.depth <= 20 ? 2 : 0,
          dash: dash(r.id),
        }),
      ),
      emptyOverlay(),
      { xMin: 0, xMax: s.depth },
    );
    updateChart(
      this.gradChart.chart,
      sims.map((r, i) =>
        lineSet(labels[i], points(layers, r.gradientNorm, true), theme.series[i % theme.series.length], {
          points: s.depth <= 20 ? 2 : 0,
          dash: dash(r.id),
        }),
      ),
      emptyOverlay(),
      { xMin: 0, xMax: s.depth },
    );

    const ratios = sims.map((r) => r.gradientNorm[0] / r.gradientNorm[s.depth]);
    const sig = maxAbsDerivative("sigmoid");
    this.intro.replaceChildren(...depthIntro(sig.value, sig.at).map((t) => para(t)));
    this.result.textContent = depthReadout(
      s.depth,
      DEPTH_IDS.map((_, i) => ({ label: labels[i], ratio: ratios[i] })),
    );
    const initName = s.init === "xavier" ? "xavier_normal_" : s.init === "kaiming" ? "kaiming_normal_" : "LeCun normal";
    this.gains.textContent =
      s.init === "lecun"
        ? `LeCun normal (std 1/√fan_in, no gain), ${s.depth} layers of ${s.width} units, batch ${batch}, seed ${s.seed}: the init torch's docs recommend for SELU's self-normalising networks.`
        : `${initName}, ${s.depth} layers of ${s.width} units, batch ${batch}, seed ${s.seed}. Gains: ` +
          sims
            .map(
              (r, i) =>
                `${labels[i]} ${num(r.gain)}${GAIN_NOTES[r.gainSource] ?? ""}`,
            )
            .join(", ") +
          ". For square layers xavier and kaiming give the same weights for the same gain; for SELU torch's docs recommend LeCun normal instead.";
    const stdText = sims.map((r, i) => `${labels[i]} ${num(r.activationStd[s.depth], 3)}`).join(", ");
    this.stdChart.canvas.setAttribute(
      "aria-label",
      `Log-scale chart of the activation std per layer, 0 to ${s.depth}; at the last layer: ${stdText}`,
    );
    this.gradChart.canvas.setAttribute(
      "aria-label",
      `Log-scale chart of the gradient norm per layer; input ÷ output: ${sims.map((_, i) => `${labels[i]} ${num(ratios[i], 3)}`).join(", ")}`,
    );
    this.description.textContent = `${this.result.textContent} Activation std at the last layer: ${stdText}.`;

    this.csv = () =>
      columnsCsv([
        { name: "layer", values: layers },
        ...sims.map((r) => ({ name: `std_${r.id}`, values: r.activationStd })),
        ...sims.map((r) => ({ name: `grad_norm_${r.id}`, values: r.gradientNorm })),
      ]);
    const summary: RenderSummary = {
      depth: s.depth,
      width: s.width,
      batch,
      batchRequested: s.batch,
      init: s.init,
      gain: s.gain,
      seed: s.seed,
    };
    sims.forEach((r, i) => {
      summary[`gradRatio_${r.id}`] = ratios[i];
      summary[`std_last_${r.id}`] = r.activationStd[s.depth];
      summary[`gain_${r.id}`] = r.gain;
    });
    return {
      canvases: ["explain-depth-std", "explain-depth-grad"],
      curves: [...DEPTH_IDS],
      params: DEPTH_IDS.map(() => ({})),
      points: 2 * DEPTH_IDS.length * (s.depth + 1),
      summary,
    };
  }

  exportParts() {
    return { canvases: [this.stdChart.canvas, this.gradChart.canvas], csv: this.csv() };
  }

  private simulate(s: S, batch: number): DepthSimulation[] {
    const key = JSON.stringify([s, batch]);
    if (this.cache?.key === key) {
      return this.cache.sims;
    }
    const init = s.init as DepthInit;
    // torch's own default gain of each init: xavier_normal_(gain=1), kaiming_normal_(a=0, nonlinearity='leaky_relu').
    const kaimingDefault = getActivation("leaky_relu")?.gain?.({ negative_slope: 0 });
    const gain = s.gain === "default" && init !== "lecun" ? (init === "xavier" ? 1 : kaimingDefault) : undefined;
    const sims = DEPTH_IDS.map((id) =>
      simulateDepth({ id, width: s.width, depth: s.depth, batch, init, seed: s.seed, gain }),
    );
    this.cache = { key, sims };
    return sims;
  }
}
