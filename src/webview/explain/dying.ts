/**
 * Explainer "dying": a layer of `units` units whose pre-activations are N(μ_u, σ²) over a batch, with unit means
 * μ_u = shift + spread·N(0, 1) (a bias shifted by `shift`). As the shift goes negative, the fraction of dead
 * units (output 0 and slope 0 for every input of the batch; core `dyingSweep`/`dyingUnits`) for ReLU, Leaky ReLU,
 * PReLU and ELU (PyTorch's default parameters), with ReLU's expected fraction from the core's closed form; and the
 * sparsity of relu(N(μ, σ²)), Φ(−μ/σ) (core `reluSparsity`), as a curve with simulated values on it
 * (`reluSparsityCurve`; the point at μ = shift simulated with units × batch draws). With a selection, the same
 * figures for the user's own layer (`layerDying`, rows = inputs, units = columns) beside them.
 *
 * Settings (keys `dying.<name>`, see ./settings): shift (−1), spread (1), sigma (1), units (256), batch (64),
 * seed (0).
 *
 * Canvases: `explain-dying`, `explain-sparsity`. Summary: shift, spread, sigma, units, batch, seed,
 * deadFraction_relu, deadFraction_leaky_relu, deadFraction_prelu, deadFraction_elu (at the current shift),
 * deadTheory_relu (expected ReLU fraction), sparsityTheory (Φ(−shift/σ)), sparsitySimulated; with a selection
 * selectionDeadUnits (number[]: ReLU's dead unit indices, at most 1000), selectionDeadCount,
 * selectionDeadFraction, selectionSparsity (ReLU), and selectionDeadFraction_<id> for the other activations.
 */
import type { Chart } from "chart.js";
import { getActivation } from "../../core/activations";
import {
  DEFAULT_DYING_IDS,
  dyingSweep,
  dyingUnits,
  layerDying,
  reluSparsity,
  reluSparsityCurve,
  type DyingSweep,
  type LayerDying,
} from "../../core/explain";
import type { ExplainState, RenderSummary } from "../../shared/protocol";
import { h } from "../dom";
import { themeColors } from "../theme";
import { emptyOverlay, lineSet, markerSet, points, updateChart, type Dataset } from "./charts";
import { sliderControl, type Control } from "./controls";
import { columnsCsv } from "./csv";
import { readSettings, writeSettings, type TopicSettings } from "./settings";
import { dyingIntro, num, pct } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";

type S = TopicSettings<"dying">;

/** Shifts of the sweep (the whole allowed range of the shift setting). */
export const SHIFTS: readonly number[] = Array.from({ length: 37 }, (_, i) => -6 + i * 0.25);
/** μ grid of the sparsity curve, and where simulated points are drawn on it. */
const MUS: readonly number[] = Array.from({ length: 181 }, (_, i) => -6 + i * 0.05);
const SIM_MUS: readonly number[] = Array.from({ length: 19 }, (_, i) => -6 + i * 0.5);
const SIM_SAMPLES = 2000;
/** Most dead unit indices listed in the summary. */
const MAX_LISTED = 1000;

export class DyingTopic extends TopicBase {
  private readonly shift: Control<number>;
  private readonly spread: Control<number>;
  private readonly sigma: Control<number>;
  private readonly units: Control<number>;
  private readonly batch: Control<number>;
  private readonly seed: Control<number>;
  private readonly intro: HTMLElement;
  private readonly result: HTMLElement;
  private readonly yours: HTMLElement;
  private readonly dying: { canvas: HTMLCanvasElement; chart: Chart };
  private readonly sparsity: { canvas: HTMLCanvasElement; chart: Chart };
  private sweep: { key: string; sweep: DyingSweep } | undefined;
  private curve: { key: string; theory: Float64Array; simulated: Float64Array } | undefined;
  private layer: { data: Float64Array; results: LayerDying[] } | undefined;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Dying ReLU");
    const d = readSettings("dying", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("dying", patch));
    this.shift = this.own(
      sliderControl({
        testId: "explain-dying-shift",
        label: "Bias shift",
        title: "Mean of the unit means μ_u",
        min: -6,
        max: 3,
        step: 0.05,
        value: d.shift,
        onCommit: (v) => set({ shift: v }),
      }),
    );
    this.spread = this.own(
      sliderControl({
        testId: "explain-dying-spread",
        label: "Spread of μ",
        title: "Std of the unit means across units",
        min: 0,
        max: 3,
        step: 0.05,
        debounceMs: 150,
        value: d.spread,
        onCommit: (v) => set({ spread: v }),
      }),
    );
    this.sigma = this.own(
      sliderControl({
        testId: "explain-dying-sigma",
        label: "σ (per input)",
        title: "Std of a unit's pre-activation over the batch",
        min: 0.05,
        max: 5,
        step: 0.05,
        debounceMs: 150,
        value: d.sigma,
        onCommit: (v) => set({ sigma: v }),
      }),
    );
    this.units = this.own(
      sliderControl({
        testId: "explain-dying-units",
        label: "Units",
        min: 1,
        max: 512,
        integer: true,
        debounceMs: 150,
        value: d.units,
        onCommit: (v) => set({ units: v }),
      }),
    );
    this.batch = this.own(
      sliderControl({
        testId: "explain-dying-batch",
        label: "Batch",
        min: 1,
        max: 128,
        integer: true,
        debounceMs: 150,
        value: d.batch,
        onCommit: (v) => set({ batch: v }),
      }),
    );
    this.seed = this.own(
      sliderControl({
        testId: "explain-dying-seed",
        label: "Seed",
        min: 0,
        max: 2 ** 31 - 1,
        sliderMin: 0,
        sliderMax: 99,
        integer: true,
        debounceMs: 150,
        value: d.seed,
        onCommit: (v) => set({ seed: v }),
      }),
    );
    this.controls.append(
      this.shift.element,
      this.spread.element,
      this.sigma.element,
      this.units.element,
      this.batch.element,
      this.seed.element,
    );
    this.intro = h("div", { class: "explain-intro" });
    this.result = h("p", { class: "explain-case", "data-testid": "explain-dying-result" });
    this.yours = h("div", { class: "explain-yours", "data-testid": "explain-dying-selection", hidden: true });
    this.text.append(this.intro, this.result, this.yours);
    this.dying = this.chartFigure("explain-dying", "Dead units against the bias shift", {
      xTitle: "bias shift (mean of μ_u)",
      yTitle: "fraction of units dead",
    });
    this.sparsity = this.chartFigure("explain-sparsity", "ReLU sparsity of N(μ, σ²) inputs", {
      xTitle: "μ",
      yTitle: "fraction of zeros",
    });
  }

  render(state: ExplainState, data: Float64Array | undefined): TopicRender {
    const { values: s, notes } = readSettings("dying", state.settings);
    this.showNotes(notes);
    for (const [c, v] of [
      [this.shift, s.shift],
      [this.spread, s.spread],
      [this.sigma, s.sigma],
      [this.units, s.units],
      [this.batch, s.batch],
      [this.seed, s.seed],
    ] as const) {
      c.sync(v);
    }
    const ids = DEFAULT_DYING_IDS;
    const labels = ids.map((id) => getActivation(id)?.label ?? id);
    const sweep = this.computeSweep(s);
    const now = dyingUnits({
      units: s.units,
      mus: { meanShift: s.shift, spread: s.spread },
      sigma: s.sigma,
      batch: s.batch,
      seed: s.seed,
    });
    const dead = ids.map((id) => now.activations.find((a) => a.id === id)?.deadFraction ?? NaN);
    const curve = this.computeCurve(s);
    const sparsityTheory = reluSparsity(s.shift, s.sigma);
    const sparsitySimulated = reluSparsityCurve([s.shift], s.sigma, { samples: s.units * s.batch, seed: s.seed })
      .simulated[0];
    const sel = state.selection;
    const layer = data && sel ? this.computeLayer(data, sel.rows, sel.units) : undefined;

    const theme = themeColors();
    const dashes = [undefined, [8, 4], [3, 3], [12, 3, 2, 3]];
    const dyingSets: Dataset[] = ids.map((_, i) =>
      lineSet(labels[i], points(sweep.shifts, sweep.dead[ids[i]]), theme.series[i % theme.series.length], {
        width: i === 0 ? 2.5 : 2,
        dash: dashes[i],
      }),
    );
    dyingSets.push(
      lineSet("ReLU, expected", points(sweep.shifts, sweep.reluTheory), theme.muted, { width: 1.5, dash: [2, 3] }),
    );
    dyingSets.push(
      markerSet(
        "at this shift",
        dead.map((y) => ({ x: s.shift, y })),
        theme.accent,
        "circle",
        4,
      ),
    );
    const dOverlay = emptyOverlay();
    dOverlay.vlines.push({ x: s.shift, color: theme.accent, label: `shift ${num(s.shift)}` });
    if (layer) {
      dOverlay.hlines.push({
        y: layer[0].deadFraction,
        color: theme.series[4],
        dash: [6, 3],
        label: `your layer (ReLU): ${pct(layer[0].deadFraction)} dead`,
      });
    }
    updateChart(this.dying.chart, dyingSets, dOverlay, {
      xMin: SHIFTS[0],
      xMax: SHIFTS[SHIFTS.length - 1],
      yMin: 0,
      yMax: 1,
    });

    const simIdx = SIM_MUS.map((m) => MUS.findIndex((x) => Math.abs(x - m) < 1e-9));
    const spOverlay = emptyOverlay();
    spOverlay.notes.push({
      x: s.shift,
      y: sparsitySimulated,
      text: `simulated ${pct(sparsitySimulated)}`,
      color: theme.accent,
    });
    if (layer) {
      spOverlay.hlines.push({
        y: layer[0].sparsity,
        color: theme.series[4],
        dash: [6, 3],
        label: `your layer: ${pct(layer[0].sparsity)} zeros`,
      });
    }
    updateChart(
      this.sparsity.chart,
      [
        lineSet(`Φ(−μ/σ), σ = ${num(s.sigma)}`, points(MUS, curve.theory), theme.series[0]),
        markerSet(
          `simulated (${SIM_SAMPLES} draws)`,
          simIdx.map((k) => ({ x: MUS[k], y: curve.simulated[k] })),
          theme.series[1],
          "crossRot",
          4,
        ),
        markerSet(
          `μ = shift (${s.units * s.batch} draws)`,
          [{ x: s.shift, y: sparsitySimulated }],
          theme.accent,
          "circle",
          5,
        ),
      ],
      spOverlay,
      { xMin: MUS[0], xMax: MUS[MUS.length - 1], yMin: 0, yMax: 1 },
    );

    const leaky = getActivation("leaky_relu")?.params.find((q) => q.name === "negative_slope")?.default;
    this.intro.replaceChildren(...dyingIntro(typeof leaky === "number" ? leaky : NaN).map((t) => para(t)));
    const neverDead = ids.slice(1).every((id) => sweep.dead[id].every((v) => v === 0));
    this.result.textContent =
      `At shift ${num(s.shift)}: ${ids.map((_, i) => `${labels[i]} ${pct(dead[i])}`).join(", ")} of ${s.units} units dead (ReLU expected ${pct(now.reluTheory)})` +
      (neverDead
        ? `; ${labels.slice(1).join(", ")} stay at 0 over the whole sweep (their lines lie on top of each other).`
        : ".") +
      ` ReLU sparsity of N(${num(s.shift)}, ${num(s.sigma)}²): Φ(−μ/σ) = ${pct(sparsityTheory)}, simulated ${pct(sparsitySimulated)}.`;
    this.showLayer(layer, labels, sel?.label, sel?.rows ?? 0, sel?.units ?? 0);
    this.dying.canvas.setAttribute(
      "aria-label",
      `Line chart of the dead-unit fraction against the bias shift from ${num(SHIFTS[0])} to ${num(SHIFTS[SHIFTS.length - 1])}; at shift ${num(s.shift)}: ${ids.map((_, i) => `${labels[i]} ${pct(dead[i])}`).join(", ")}`,
    );
    this.sparsity.canvas.setAttribute(
      "aria-label",
      `Line chart of ReLU sparsity Φ(−μ/σ) against μ, σ = ${num(s.sigma)}; at μ = ${num(s.shift)} theory ${pct(sparsityTheory)}, simulated ${pct(sparsitySimulated)}`,
    );
    this.description.textContent = `${this.result.textContent}${layer ? ` ${this.yours.textContent ?? ""}` : ""}`;

    this.csv = () =>
      columnsCsv([
        { name: "shift", values: sweep.shifts },
        ...ids.map((id) => ({ name: `dead_${id}`, values: sweep.dead[id] })),
        { name: "dead_relu_expected", values: sweep.reluTheory },
        { name: "mu", values: MUS },
        { name: "sparsity_theory", values: curve.theory },
        { name: "sparsity_simulated", values: curve.simulated },
      ]);
    const summary: RenderSummary = {
      shift: s.shift,
      spread: s.spread,
      sigma: s.sigma,
      units: s.units,
      batch: s.batch,
      seed: s.seed,
      deadTheory_relu: now.reluTheory,
      sparsityTheory,
      sparsitySimulated,
    };
    ids.forEach((id, i) => {
      summary[`deadFraction_${id}`] = dead[i];
    });
    if (layer) {
      summary.selectionDeadUnits = layer[0].deadUnits.slice(0, MAX_LISTED);
      summary.selectionDeadCount = layer[0].deadUnits.length;
      summary.selectionDeadFraction = layer[0].deadFraction;
      summary.selectionSparsity = layer[0].sparsity;
      ids.forEach((id, i) => {
        if (i > 0) {
          summary[`selectionDeadFraction_${id}`] = layer[i].deadFraction;
        }
      });
    }
    return {
      canvases: ["explain-dying", "explain-sparsity"],
      curves: [...ids],
      params: ids.map(() => ({})),
      points: sweep.shifts.length * (ids.length + 1) + MUS.length + SIM_MUS.length,
      summary,
    };
  }

  exportParts() {
    return { canvases: [this.dying.canvas, this.sparsity.canvas], csv: this.csv() };
  }

  private computeSweep(s: S): DyingSweep {
    const key = JSON.stringify([s.spread, s.sigma, s.units, s.batch, s.seed]);
    if (this.sweep?.key !== key) {
      this.sweep = {
        key,
        sweep: dyingSweep({
          shifts: SHIFTS,
          spread: s.spread,
          units: s.units,
          sigma: s.sigma,
          batch: s.batch,
          seed: s.seed,
        }),
      };
    }
    return this.sweep.sweep;
  }

  private computeCurve(s: S): { theory: Float64Array; simulated: Float64Array } {
    const key = JSON.stringify([s.sigma, s.seed]);
    if (this.curve?.key !== key) {
      const c = reluSparsityCurve(MUS, s.sigma, { samples: SIM_SAMPLES, seed: s.seed });
      this.curve = { key, theory: c.theory, simulated: c.simulated };
    }
    return this.curve;
  }

  private computeLayer(data: Float64Array, rows: number, units: number): LayerDying[] {
    if (this.layer?.data !== data) {
      this.layer = { data, results: DEFAULT_DYING_IDS.map((id) => layerDying(data, rows, units, id)) };
    }
    return this.layer.results;
  }

  private showLayer(
    layer: LayerDying[] | undefined,
    labels: readonly string[],
    source: string | undefined,
    rows: number,
    units: number,
  ): void {
    this.yours.hidden = !layer;
    if (!layer) {
      this.yours.replaceChildren();
      return;
    }
    const relu = layer[0];
    const listed = relu.deadUnits.slice(0, 12).join(", ") + (relu.deadUnits.length > 12 ? ", …" : "");
    const table = h(
      "table",
      { class: "explain-table", "data-testid": "explain-dying-table" },
      h("caption", {
        text: `Your layer${source ? ` (${source})` : ""}: ${rows} input${rows === 1 ? "" : "s"} × ${units} unit${units === 1 ? "" : "s"}`,
      }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col", text: "activation" }),
          h("th", { scope: "col", text: "dead units" }),
          h("th", { scope: "col", text: "zeros after f" }),
        ),
      ),
      h(
        "tbody",
        {},
        ...layer.map((r, i) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", text: labels[i] }),
            h("td", { text: `${r.deadUnits.length} (${pct(r.deadFraction)})` }),
            h("td", { text: pct(r.sparsity) }),
          ),
        ),
      ),
    );
    this.yours.replaceChildren(
      h("h3", { text: "Your layer" }),
      table,
      h("p", {
        class: "muted",
        text: relu.deadUnits.length
          ? `Dead under ReLU (≤ 0 for every input): unit${relu.deadUnits.length === 1 ? "" : "s"} ${listed}.`
          : "No unit is dead under ReLU: every unit is positive for at least one input.",
      }),
    );
  }
}
