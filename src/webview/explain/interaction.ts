/**
 * Explainer "interaction": one unit f(wA·A + wB·B + b) over a box of (A, B) as a heatmap, the kink line
 * wA·A + wB·B + b = k drawn over it (every kink k of f), and the classic ReLU example's two cases: at
 * (A, B) = (1, 1) raising A raises the output (∂f/∂A = 2 for the defaults), while at B = −100 the output stays 0
 * for every A (∂f/∂A = 0). B's range rarely reaches −100, so that case is also drawn as a slice: f against A at
 * B = 1 and at B = −100 (a Chart.js line chart). All values come from the core (`interactionGrid`,
 * `interactionAt`); the crosshair readout (mouse, or focus the heatmap and use the arrow keys) too.
 *
 * Settings (keys `interaction.<name>`, see ./settings): activation ("relu"), wA (2), wB (3), b (0),
 * aRange ([−5, 5]), bRange ([−5, 5]).
 *
 * Canvases: `explain-interaction` (the plane) and `explain-interaction-slice` (f against A at B = 1 and B = −100).
 * Summary: wA, wB, b, activation, slopeA_at_1_1 (∂f/∂A at A = 1, B = 1), slopeA_at_B_minus100 (∂f/∂A at A = 1,
 * B = −100), outputRangeAtBminus100 ([min, max] of f over the A range at B = −100), aRange, bRange, outputMin,
 * outputMax (over the plane), kinkLines (number of kink lines crossing the plane), grid ([nA, nB]).
 */
import { getActivation } from "../../core/activations";
import { finiteExtent } from "../../core/colormap";
import { niceStep } from "../../core/format";
import { interactionAt, interactionGrid, type InteractionGrid } from "../../core/explain";
import type { ExplainState } from "../../shared/protocol";
import { h } from "../dom";
import { fontOf } from "../heatmap/figure";
import { themeColors } from "../theme";
import { lineSet, emptyOverlay, points, updateChart } from "./charts";
import { rangeControl, selectControl, sliderControl, type Control, type SelectControl } from "./controls";
import { columnsCsv } from "./csv";
import { fromPixel, type PlaneLayout } from "./plane";
import { paintCrosshair, paintPlane, planeColors } from "./planeFigure";
import { explainActivations, readSettings, writeSettings, type TopicSettings } from "./settings";
import { farCaseReadout, interactionIntro, linearText, num, pointReadout } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";
import type { Chart } from "chart.js";

type S = TopicSettings<"interaction">;

/** The example's far-away B, and the point of the first case. */
const FAR_B = -100;
const CASE_A = 1;
const CASE_B = 1;
/** Grid points per side (at most; fewer when the plot is smaller). */
const MAX_GRID = 320;
const SLICE_SAMPLES = 401;

interface Model {
  key: string;
  s: S;
  grid: InteractionGrid;
  /** f against A at B = −100 (row 0) and B = 1 (row 1). */
  slice: InteractionGrid;
  extent: { min: number; max: number };
}

export class InteractionTopic extends TopicBase {
  private readonly activation: SelectControl;
  private readonly wA: Control<number>;
  private readonly wB: Control<number>;
  private readonly b: Control<number>;
  private readonly aRange: Control<readonly [number, number]>;
  private readonly bRange: Control<readonly [number, number]>;
  private readonly intro: HTMLElement;
  private readonly case1: HTMLElement;
  private readonly case2: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private readonly planeCaption: HTMLElement;
  private readonly planeFigure: HTMLElement;
  private readonly slice: { canvas: HTMLCanvasElement; chart: Chart; caption: HTMLElement };
  private model: Model | undefined;
  private layout: PlaneLayout | undefined;
  private cursor: { a: number; b: number } | undefined;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Interaction");
    const d = readSettings("interaction", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("interaction", patch));
    this.activation = this.own(
      selectControl({
        testId: "explain-interaction-activation",
        label: "Activation",
        options: explainActivations().map((a) => ({ value: a.id, text: `${a.label} (${a.id})` })),
        value: d.activation,
        onChange: (v) => set({ activation: v }),
      }),
    );
    this.wA = this.own(
      sliderControl({
        testId: "explain-interaction-wA",
        label: "wA",
        min: -10,
        max: 10,
        sliderMin: -5,
        sliderMax: 5,
        step: 0.1,
        value: d.wA,
        onCommit: (v) => set({ wA: v }),
      }),
    );
    this.wB = this.own(
      sliderControl({
        testId: "explain-interaction-wB",
        label: "wB",
        min: -10,
        max: 10,
        sliderMin: -5,
        sliderMax: 5,
        step: 0.1,
        value: d.wB,
        onCommit: (v) => set({ wB: v }),
      }),
    );
    this.b = this.own(
      sliderControl({
        testId: "explain-interaction-b",
        label: "b",
        min: -50,
        max: 50,
        sliderMin: -10,
        sliderMax: 10,
        step: 0.1,
        value: d.b,
        onCommit: (v) => set({ b: v }),
      }),
    );
    this.aRange = this.own(
      rangeControl({
        testId: "explain-interaction-arange",
        label: "A range",
        min: -1000,
        max: 1000,
        value: d.aRange,
        onChange: (v) => set({ aRange: v }),
      }),
    );
    this.bRange = this.own(
      rangeControl({
        testId: "explain-interaction-brange",
        label: "B range",
        min: -1000,
        max: 1000,
        value: d.bRange,
        onChange: (v) => set({ bRange: v }),
      }),
    );
    const reach = h("button", {
      type: "button",
      "data-testid": "explain-interaction-reach",
      text: "B range to −110 … 10",
      title: "Widen B's range so the plane shows the B = −100 case",
    });
    this.listen(reach, "click", () => set({ bRange: [-110, 10] }));
    this.controls.append(
      this.activation.element,
      this.wA.element,
      this.wB.element,
      this.b.element,
      this.aRange.element,
      this.bRange.element,
      reach,
    );

    this.intro = h("div", { class: "explain-intro" });
    this.case1 = h("p", { class: "explain-case", "data-testid": "explain-interaction-case1" });
    this.case2 = h("p", { class: "explain-case", "data-testid": "explain-interaction-case2" });
    this.readout = h("p", {
      class: "explain-readout",
      role: "status",
      "aria-live": "polite",
      "data-testid": "explain-interaction-readout",
    });
    this.text.append(this.intro, h("h3", { text: "The two cases" }), this.case1, this.case2, this.readout);

    this.canvas = h("canvas", {
      "data-testid": "explain-interaction",
      role: "img",
      tabindex: 0,
      "aria-label": "Output of one unit over A and B",
    });
    this.overlay = h("canvas", { class: "explain-overlay", "aria-hidden": "true" });
    this.planeCaption = h("figcaption", { text: "f(wA·A + wB·B + b) over (A, B)" });
    this.planeFigure = h(
      "figure",
      { class: "explain-figure explain-plane" },
      this.planeCaption,
      h("div", { class: "explain-plane-canvas" }, this.canvas, this.overlay),
    );
    this.figures.append(this.planeFigure);
    const slice = this.chartFigure("explain-interaction-slice", `f against A at B = ${CASE_B} and B = ${num(FAR_B)}`, {
      xTitle: "A",
      yTitle: "f",
    });
    this.slice = { canvas: slice.canvas, chart: slice.chart, caption: slice.caption };

    this.listen(this.canvas, "mousemove", (e) => this.onPointer(e as MouseEvent));
    this.listen(this.canvas, "mouseleave", () => this.setCursor(undefined));
    this.listen(this.canvas, "keydown", (e) => this.onKey(e as KeyboardEvent));
    this.listen(this.canvas, "focus", () => {
      if (!this.cursor) {
        this.setCursor(this.defaultCursor());
      }
    });
    if (typeof ResizeObserver !== "undefined") {
      const ro = new ResizeObserver(() => this.repaintIfResized());
      ro.observe(this.figures);
      this.own({ dispose: () => ro.disconnect() });
    }
  }

  render(state: ExplainState): TopicRender {
    const { values: s, notes } = readSettings("interaction", state.settings);
    this.showNotes(notes);
    this.activation.sync(s.activation);
    this.wA.sync(s.wA);
    this.wB.sync(s.wB);
    this.b.sync(s.b);
    this.aRange.sync(s.aRange);
    this.bRange.sync(s.bRange);

    const m = this.compute(s);
    const spec = getActivation(s.activation);
    const label = spec?.label ?? s.activation;
    const at = (A: number, B: number) => interactionAt({ id: s.activation, wA: s.wA, wB: s.wB, b: s.b, A, B });
    const c1 = at(CASE_A, CASE_B);
    const c2 = at(CASE_A, FAR_B);
    let farMin = Infinity;
    let farMax = -Infinity;
    for (let i = 0; i < m.slice.nA; i++) {
      farMin = Math.min(farMin, m.slice.values[i]);
      farMax = Math.max(farMax, m.slice.values[i]);
    }

    this.intro.replaceChildren(
      ...interactionIntro({
        activationId: s.activation,
        label,
        formula: spec?.formula.text ?? "",
        kinks: m.grid.kinkLines.map((k) => k.kink),
      }).map((t) => para(t)),
    );
    this.case1.textContent = pointReadout(CASE_A, CASE_B, c1.z, c1.value, c1.dA);
    this.case2.textContent = farCaseReadout(FAR_B, s.aRange, farMin, farMax, c2.dA);

    this.paint();
    this.drawSlice(m, c1, c2);
    if (this.cursor && !inBox(this.cursor, s.aRange, s.bRange)) {
      this.cursor = undefined;
    }
    this.showCursor();

    const crossing = m.grid.kinkLines.filter((k) => k.segment !== null).length;
    this.planeCaption.textContent = `f(${linearText(s.wA, s.wB, s.b)}) with ${label} over (A, B)`;
    this.canvas.setAttribute(
      "aria-label",
      `Heatmap of ${label}(${linearText(s.wA, s.wB, s.b)}) for A from ${num(s.aRange[0])} to ${num(s.aRange[1])} and B from ${num(s.bRange[0])} to ${num(s.bRange[1])}; outputs from ${num(m.extent.min)} to ${num(m.extent.max)}; ${crossing} kink line${crossing === 1 ? "" : "s"} drawn dashed. Focus and use the arrow keys to read values.`,
    );
    this.description.textContent =
      `Interaction of A and B through one ${label} unit, z = ${linearText(s.wA, s.wB, s.b)}. ` +
      `${this.case1.textContent} ${this.case2.textContent}`;
    this.csv = () => gridCsv(m.grid);
    return {
      canvases: ["explain-interaction", "explain-interaction-slice"],
      curves: [s.activation],
      params: [{}],
      points: m.grid.values.length + 2 * m.slice.nA,
      summary: {
        activation: s.activation,
        wA: s.wA,
        wB: s.wB,
        b: s.b,
        aRange: [...s.aRange],
        bRange: [...s.bRange],
        slopeA_at_1_1: c1.dA,
        slopeA_at_B_minus100: c2.dA,
        outputRangeAtBminus100: [farMin, farMax],
        outputMin: m.extent.min,
        outputMax: m.extent.max,
        kinkLines: crossing,
        grid: [m.grid.nA, m.grid.nB],
      },
    };
  }

  exportParts() {
    return { canvases: [this.canvas, this.slice.canvas], csv: this.csv() };
  }

  // ---- model ------------------------------------------------------------------------------------

  private gridSize(): number {
    return Math.max(64, Math.min(MAX_GRID, Math.round(this.maxSide())));
  }

  private compute(s: S): Model {
    const n = this.gridSize();
    const key = JSON.stringify([s, n]);
    if (this.model?.key === key) {
      return this.model;
    }
    const base = { id: s.activation, wA: s.wA, wB: s.wB, b: s.b };
    const grid = interactionGrid({ ...base, aRange: s.aRange, bRange: s.bRange, nA: n, nB: n });
    const slice = interactionGrid({ ...base, aRange: s.aRange, bRange: [FAR_B, CASE_B], nA: SLICE_SAMPLES, nB: 2 });
    const e = finiteExtent(grid.values);
    this.model = { key, s, grid, slice, extent: { min: e.min, max: e.max } };
    return this.model;
  }

  // ---- drawing ----------------------------------------------------------------------------------

  /** Width inside the plane's figure (its padding and border taken off). */
  private availableWidth(): number {
    const w = this.planeFigure.clientWidth - 14;
    return w > 0 ? w : this.surface === "panel" ? 520 : 280;
  }

  private maxSide(): number {
    return this.surface === "panel"
      ? Math.min(380, this.availableWidth() - 100)
      : Math.min(260, this.availableWidth() - 90);
  }

  private paintedWidth = 0;

  private repaintIfResized(): void {
    if (this.model && Math.abs(this.availableWidth() - this.paintedWidth) >= 2) {
      this.paint();
      this.showCursor();
    }
  }

  private paint(): void {
    const m = this.model;
    if (!m) {
      return;
    }
    const { s, grid } = m;
    const theme = themeColors();
    const family = getComputedStyle(document.body).fontFamily;
    const lines = grid.kinkLines
      .filter((k) => k.segment !== null)
      .map((k) => ({ ...(k.segment as NonNullable<typeof k.segment>), label: `kink: z = ${num(k.kink)}` }));
    const far = finiteExtent(m.slice.values.subarray(0, m.slice.nA));
    const farLabel = far.min === far.max ? `B = ${num(FAR_B)}: f = ${num(far.min)} for every A` : `B = ${num(FAR_B)}`;
    const hlines = FAR_B >= s.bRange[0] && FAR_B <= s.bRange[1] ? [{ b: FAR_B, label: farLabel }] : [];
    const marks: { a: number; b: number; label: string }[] = [];
    for (const B of [CASE_B, FAR_B]) {
      if (inBox({ a: CASE_A, b: B }, s.aRange, s.bRange)) {
        const c = interactionAt({ id: s.activation, wA: s.wA, wB: s.wB, b: s.b, A: CASE_A, B });
        marks.push({ a: CASE_A, b: B, label: `(${num(CASE_A)}, ${num(B)}): ∂f/∂A = ${num(c.dA)}` });
      }
    }
    this.paintedWidth = this.availableWidth();
    this.layout = paintPlane(
      this.canvas,
      {
        values: grid.values,
        nA: grid.nA,
        nB: grid.nB,
        aRange: s.aRange,
        bRange: s.bRange,
        colors: planeColors(m.extent.min, m.extent.max),
        lines,
        hlines,
        marks,
        width: this.paintedWidth,
        maxSide: this.maxSide(),
      },
      theme,
      family,
    );
    this.canvas.style.font = fontOf(family);
  }

  private drawSlice(m: Model, c1: { dA: number; value: number }, c2: { dA: number; value: number }): void {
    const theme = themeColors();
    const n = m.slice.nA;
    const far = m.slice.values.subarray(0, n);
    const near = m.slice.values.subarray(n, 2 * n);
    const overlay = emptyOverlay();
    overlay.notes.push(
      { x: CASE_A, y: c1.value, text: `∂f/∂A = ${num(c1.dA)}`, color: theme.series[0], align: "left" },
      { x: CASE_A, y: c2.value, text: `∂f/∂A = ${num(c2.dA)}`, color: theme.series[1], align: "left" },
    );
    updateChart(
      this.slice.chart,
      [
        lineSet(`B = ${CASE_B}`, points(m.slice.a, near), theme.series[0]),
        lineSet(`B = ${num(FAR_B)}`, points(m.slice.a, far), theme.series[1], { dash: [6, 3] }),
      ],
      overlay,
      { xMin: m.s.aRange[0], xMax: m.s.aRange[1] },
    );
    this.slice.canvas.setAttribute(
      "aria-label",
      `Line chart of f against A from ${num(m.s.aRange[0])} to ${num(m.s.aRange[1])}: at B = ${CASE_B} (slope ${num(c1.dA)} at A = 1) and at B = ${num(FAR_B)} (slope ${num(c2.dA)} at A = 1)`,
    );
  }

  // ---- cursor -----------------------------------------------------------------------------------

  private defaultCursor(): { a: number; b: number } | undefined {
    const m = this.model;
    if (!m) {
      return undefined;
    }
    const { aRange, bRange } = m.s;
    return inBox({ a: CASE_A, b: CASE_B }, aRange, bRange)
      ? { a: CASE_A, b: CASE_B }
      : { a: (aRange[0] + aRange[1]) / 2, b: (bRange[0] + bRange[1]) / 2 };
  }

  private onPointer(e: MouseEvent): void {
    const m = this.model;
    if (!m || !this.layout) {
      return;
    }
    const rect = this.canvas.getBoundingClientRect();
    const p = fromPixel(this.layout, m.s.aRange, m.s.bRange, e.clientX - rect.left, e.clientY - rect.top);
    this.setCursor(p);
  }

  private onKey(e: KeyboardEvent): void {
    const m = this.model;
    if (!m) {
      return;
    }
    const { aRange, bRange } = m.s;
    const cur = this.cursor ?? this.defaultCursor();
    if (!cur) {
      return;
    }
    const stepA = niceStep(aRange[0], aRange[1], e.shiftKey ? 10 : 50);
    const stepB = niceStep(bRange[0], bRange[1], e.shiftKey ? 10 : 50);
    const move = (v: number, d: number, step: number, r: readonly [number, number]) =>
      Math.min(r[1], Math.max(r[0], Math.round((v + d * step) / step) * step));
    let next: { a: number; b: number };
    switch (e.key) {
      case "ArrowLeft":
        next = { a: move(cur.a, -1, stepA, aRange), b: cur.b };
        break;
      case "ArrowRight":
        next = { a: move(cur.a, 1, stepA, aRange), b: cur.b };
        break;
      case "ArrowUp":
        next = { a: cur.a, b: move(cur.b, 1, stepB, bRange) };
        break;
      case "ArrowDown":
        next = { a: cur.a, b: move(cur.b, -1, stepB, bRange) };
        break;
      case "Home":
        next = this.defaultCursor() ?? cur;
        break;
      case "Escape":
        this.setCursor(undefined);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setCursor(next);
  }

  private setCursor(p: { a: number; b: number } | undefined): void {
    this.cursor = p;
    this.showCursor();
  }

  private showCursor(): void {
    const m = this.model;
    if (!m || !this.layout) {
      return;
    }
    paintCrosshair(this.overlay, this.layout, m.s.aRange, m.s.bRange, this.cursor, themeColors());
    if (!this.cursor) {
      this.readout.textContent =
        "Move the mouse over the heatmap, or focus it and use the arrow keys, to read f and its slopes.";
      this.readout.classList.add("muted");
      return;
    }
    const { a, b } = this.cursor;
    const p = interactionAt({ id: m.s.activation, wA: m.s.wA, wB: m.s.wB, b: m.s.b, A: a, B: b });
    this.readout.classList.remove("muted");
    this.readout.textContent = `Cursor ${pointReadout(a, b, p.z, p.value, p.dA, p.dB)}`;
  }
}

function inBox(
  p: { a: number; b: number },
  aRange: readonly [number, number],
  bRange: readonly [number, number],
): boolean {
  return p.a >= aRange[0] && p.a <= aRange[1] && p.b >= bRange[0] && p.b <= bRange[1];
}

function gridCsv(g: InteractionGrid): string {
  const n = g.values.length;
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  for (let j = 0, k = 0; j < g.nB; j++) {
    for (let i = 0; i < g.nA; i++, k++) {
      A[k] = g.a[i];
      B[k] = g.b[j];
    }
  }
  return columnsCsv([
    { name: "A", values: A },
    { name: "B", values: B },
    { name: "f", values: g.values },
    { name: "df_dA", values: g.dA },
    { name: "df_dB", values: g.dB },
  ]);
}
