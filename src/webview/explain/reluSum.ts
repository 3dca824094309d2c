/**
 * Explainer "reluSum": g(x) = c + a·x + Σ vᵢ·relu(x − kᵢ) fitted by least squares in the core (`fitReluSum`) to a
 * target: sin x, x², |x|, a step, or the user's selection (see ./selection: the first row as y over x = 0 … n − 1,
 * or columns x, y when the selection has 2 units and ≥ 2 rows, or the single column). Kinks are evenly spaced by
 * default; they can be dragged on the chart (handles on the x axis), or moved with the keyboard (focus the chart:
 * ←/→ move the selected kink, Shift for larger steps; ↑/↓ select the next/previous kink), or typed in the kink
 * editor. Each unit's contribution is drawn thin, the linear part dashed, the sum and the target bold; a second
 * chart shows the RMS and max error against the number of evenly spaced units (core `errorVsUnits`).
 *
 * Settings (keys `reluSum.<name>`, see ./settings): target ("sin"), units (8, 1 … 64), kinks ([] = evenly
 * spaced; otherwise one position per unit; a list whose length differs from `units` is ignored with a note).
 * Changing `units` resets the kinks to evenly spaced.
 *
 * Canvases: `explain-relusum`, `explain-relusum-error`. Summary: target, units, rmsError, maxError, kinks
 * (number[], one per unit), customKinks (boolean), range ([lo, hi]), errorVsUnits (number[], RMS error for
 * errorVsUnitsCounts units), errorVsUnitsCounts, errorVsUnitsMax (max error), c and a (constant and linear
 * coefficient), v (output weights), and with a selection target `targetPoints`.
 */
import type { Chart } from "chart.js";
import {
  errorVsUnits,
  fitReluSum,
  type BuiltinTarget,
  type ErrorVsUnits,
  type ReluSumFit,
  type ReluSumTarget,
} from "../../core/explain";
import { finiteExtent } from "../../core/colormap";
import type { ExplainState, RenderSummary } from "../../shared/protocol";
import { h } from "../dom";
import { themeColors } from "../theme";
import { HANDLE, emptyOverlay, lineSet, markerSet, points, updateChart, withAlpha, type Dataset } from "./charts";
import { boxText, selectControl, sliderControl, type Control, type SelectControl } from "./controls";
import { columnsCsv } from "./csv";
import { selectionTarget } from "./selection";
import { RELUSUM_TARGETS, readSettings, writeSettings, type TopicSettings } from "./settings";
import { RELUSUM_TARGET_LABELS, num, reluSumIntro, reluSumReadout } from "./text";
import { TopicBase, para, type Emit, type TopicRender } from "./topic";

type S = TopicSettings<"reluSum">;

/** Unit counts of the error chart. */
export const ERROR_UNITS: readonly number[] = [1, 2, 4, 8, 16, 32, 64];

interface Model {
  key: string;
  /** The selection the target came from (built-in targets: undefined). */
  data: Float64Array | undefined;
  fit: ReluSumFit;
  range: [number, number];
  custom: boolean;
}

export class ReluSumTopic extends TopicBase {
  private readonly target: SelectControl;
  private readonly units: Control<number>;
  private readonly kinkSelect: HTMLSelectElement;
  private readonly kinkBox: HTMLInputElement;
  private readonly intro: HTMLElement;
  private readonly fitText: HTMLElement;
  private readonly targetNote: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly main: { canvas: HTMLCanvasElement; chart: Chart };
  private readonly error: { canvas: HTMLCanvasElement; chart: Chart };
  private model: Model | undefined;
  private errors: { key: string; data: Float64Array | undefined; ev: ErrorVsUnits } | undefined;
  private selected = 0;
  private drag: { index: number; pointerId: number } | undefined;
  private pendingKinks: number[] | undefined;
  private frame = 0;
  /** Builds the CSV of the last render (on export only: it can be long). */
  private csv: () => string = () => "";

  constructor(emit: Emit, surface: "panel" | "side") {
    super(emit, surface, "Sum of ReLUs");
    const d = readSettings("reluSum", {}).values;
    const set = (patch: Partial<S>) => this.emit(writeSettings("reluSum", patch));
    this.target = this.own(
      selectControl({
        testId: "explain-relusum-target",
        label: "Target",
        options: targetOptions(false),
        value: d.target,
        onChange: (v) => set({ target: v, kinks: [] }),
      }),
    );
    this.units = this.own(
      sliderControl({
        testId: "explain-relusum-units",
        label: "Units",
        min: 1,
        max: 64,
        integer: true,
        value: d.units,
        onCommit: (v) => set({ units: v, kinks: [] }),
      }),
    );
    const kinkId = `${this.units.element.querySelector("input[type=number]")?.id ?? "relusum"}-kink`;
    this.kinkSelect = h("select", {
      id: kinkId,
      "data-testid": "explain-relusum-kink-select",
      "aria-label": "Kink to edit",
    });
    this.kinkBox = h("input", {
      type: "number",
      step: "any",
      "data-testid": "explain-relusum-kink-value",
      "aria-label": "Position of the selected kink",
    });
    const even = h("button", {
      type: "button",
      "data-testid": "explain-relusum-even",
      text: "Even kinks",
      title: "Place the kinks evenly again",
    });
    this.listen(this.kinkSelect, "change", () => {
      this.selected = Number(this.kinkSelect.value);
      this.showSelected();
      this.repaintMain();
    });
    this.listen(this.kinkBox, "change", () => {
      const v = Number(this.kinkBox.value);
      const m = this.model;
      if (!m || this.kinkBox.value.trim() === "" || !Number.isFinite(v) || v < m.range[0] || v > m.range[1]) {
        this.kinkBox.setAttribute("aria-invalid", "true");
        return;
      }
      this.kinkBox.removeAttribute("aria-invalid");
      const kinks = Array.from(m.fit.kinks);
      kinks[this.selected] = v;
      set({ kinks });
    });
    this.listen(even, "click", () => set({ kinks: [] }));
    this.controls.append(
      this.target.element,
      this.units.element,
      h(
        "div",
        { class: "explain-param explain-kink-editor" },
        h("label", { for: kinkId, text: "Kink" }),
        this.kinkSelect,
        h("span", { text: "at x =" }),
        this.kinkBox,
        even,
      ),
    );

    this.intro = h("div", { class: "explain-intro" });
    this.fitText = h("p", { class: "explain-case", "data-testid": "explain-relusum-fit" });
    this.targetNote = h("p", { class: "muted", hidden: true });
    this.readout = h("p", {
      class: "explain-readout",
      role: "status",
      "aria-live": "polite",
      "data-testid": "explain-relusum-readout",
    });
    this.text.append(this.intro, this.fitText, this.targetNote, this.readout);

    const main = this.chartFigure(
      "explain-relusum",
      "Target, fitted sum and each unit's contribution",
      { xTitle: "x", yTitle: "y" },
      "explain-main",
    );
    main.canvas.tabIndex = 0;
    // Only the first contribution is named in the legend ("each unit …"): hide the others there.
    const legend = main.chart.options.plugins?.legend;
    if (legend?.labels) {
      legend.labels.filter = (item) => item.datasetIndex === undefined || item.datasetIndex < 5;
    }
    this.main = main;
    const err = this.chartFigure(
      "explain-relusum-error",
      "Error against the number of evenly spaced units",
      { xTitle: "units", yTitle: "error", logX: true, logY: true, xTicks: ERROR_UNITS },
      "explain-side",
    );
    this.error = err;

    this.listen(main.canvas, "pointerdown", (e) => this.onPointerDown(e as PointerEvent));
    this.listen(main.canvas, "pointermove", (e) => this.onPointerMove(e as PointerEvent));
    this.listen(main.canvas, "pointerup", (e) => this.onPointerUp(e as PointerEvent));
    this.listen(main.canvas, "pointercancel", (e) => this.onPointerUp(e as PointerEvent));
    this.listen(main.canvas, "keydown", (e) => this.onKey(e as KeyboardEvent));
    this.own({ dispose: () => cancelAnimationFrame(this.frame) });
  }

  render(state: ExplainState, data: Float64Array | undefined): TopicRender {
    const read = readSettings("reluSum", state.settings);
    const s = read.values;
    const notes = [...read.notes];
    const sel = state.selection;
    this.target.setOptions(targetOptions(data !== undefined), s.target);
    this.units.sync(s.units);

    // The target.
    let target: ReluSumTarget;
    let targetName = s.target;
    this.targetNote.hidden = true;
    if (s.target === "selection") {
      const t = data && sel ? selectionTarget(data, sel.rows, sel.units) : { error: "no values are selected" };
      if ("error" in t) {
        notes.push(`Target "your selection" unavailable (${t.error}); showing sin x.`);
        target = "sin";
        targetName = "sin";
      } else {
        target = { x: t.x, y: t.y };
        this.targetNote.textContent = `Your selection${sel ? ` (${sel.label})` : ""}: ${t.how}.`;
        this.targetNote.hidden = false;
      }
    } else {
      target = s.target as BuiltinTarget;
    }
    let kinks: number[] | undefined = s.kinks.length > 0 ? s.kinks : undefined;
    if (kinks && kinks.length !== s.units) {
      notes.push(`reluSum.kinks has ${kinks.length} entries for ${s.units} units: evenly spaced kinks used instead.`);
      kinks = undefined;
    }
    this.showNotes(notes);

    const m = this.compute(target, targetName, s.units, kinks, data);
    const ev = this.errorCurve(target, targetName, data);
    if (this.selected >= m.fit.kinks.length) {
      this.selected = 0;
    }
    this.syncKinkEditor(m);
    this.repaintMain();
    this.drawErrors(ev, m);

    const label = RELUSUM_TARGET_LABELS[targetName] ?? targetName;
    this.intro.replaceChildren(...reluSumIntro().map((t) => para(t)));
    this.fitText.textContent = `Target: ${label}. ${reluSumReadout(s.units, m.fit.rmsError, m.fit.maxError, m.custom)}`;
    this.showSelected();
    this.main.canvas.setAttribute(
      "aria-label",
      `Line chart: target ${label} and the least-squares sum of ${s.units} ReLU units on x from ${num(m.range[0])} to ${num(m.range[1])}; kinks at ${Array.from(m.fit.kinks, (k) => num(k)).join(", ")}. Focus and use the arrow keys to move a kink.`,
    );
    this.error.canvas.setAttribute(
      "aria-label",
      `Log-log chart of the RMS error against units: ${ERROR_UNITS.map((u, i) => `${u}: ${num(ev.rmsError[i], 3)}`).join(", ")}`,
    );
    this.description.textContent = `Sum of ${s.units} ReLUs fitted to ${label}: RMS error ${num(m.fit.rmsError)}, max error ${num(m.fit.maxError)}. RMS error with evenly spaced kinks: ${ERROR_UNITS.map((u, i) => `${u} units ${num(ev.rmsError[i], 3)}`).join(", ")}.`;

    const fit = m.fit;
    this.csv = () =>
      columnsCsv([
        { name: "x", values: fit.x },
        { name: "target", values: fit.target },
        { name: "sum", values: fit.sum },
        { name: "linear", values: fit.linear },
        ...fit.contributions.map((c, i) => ({ name: `unit${i}_kink_${boxText(fit.kinks[i])}`, values: c })),
      ]);
    const summary: RenderSummary = {
      target: targetName,
      units: s.units,
      rmsError: fit.rmsError,
      maxError: fit.maxError,
      kinks: Array.from(fit.kinks),
      customKinks: m.custom,
      range: [...m.range],
      errorVsUnits: Array.from(ev.rmsError),
      errorVsUnitsCounts: Array.from(ev.units),
      errorVsUnitsMax: Array.from(ev.maxError),
      c: fit.c,
      a: fit.a,
      v: Array.from(fit.v),
    };
    if (typeof target !== "string") {
      summary.targetPoints = target.x.length;
    }
    return {
      canvases: ["explain-relusum", "explain-relusum-error"],
      curves: ["relu"],
      params: [{}],
      points: fit.x.length * (3 + fit.contributions.length) + ERROR_UNITS.length * 2,
      summary,
    };
  }

  exportParts() {
    return { canvases: [this.main.canvas, this.error.canvas], csv: this.csv() };
  }

  // ---- model ------------------------------------------------------------------------------------

  private compute(
    target: ReluSumTarget,
    name: string,
    units: number,
    kinks: number[] | undefined,
    data: Float64Array | undefined,
  ): Model {
    const key = JSON.stringify([name, units, kinks ?? null]);
    const source = typeof target === "string" ? undefined : data;
    if (this.model?.key === key && this.model.data === source) {
      return this.model;
    }
    const fit = fitReluSum(kinks ? { target, kinks } : { target, units });
    const range: [number, number] = [fit.x[0], fit.x[fit.x.length - 1]];
    this.model = { key, data: source, fit, range, custom: kinks !== undefined };
    return this.model;
  }

  private errorCurve(target: ReluSumTarget, name: string, data: Float64Array | undefined): ErrorVsUnits {
    const source = typeof target === "string" ? undefined : data;
    if (this.errors && this.errors.key === name && this.errors.data === source) {
      return this.errors.ev;
    }
    const ev = errorVsUnits(target, ERROR_UNITS);
    this.errors = { key: name, data: source, ev };
    return ev;
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private repaintMain(): void {
    const m = this.model;
    if (!m) {
      return;
    }
    const theme = themeColors();
    const { fit } = m;
    const contribution = withAlpha(theme.muted, 0.55);
    const datasets: Dataset[] = [];
    const few = fit.x.length <= 60;
    datasets.push(
      lineSet("target", points(fit.x, fit.target), withAlpha(theme.series[0], 0.75), {
        width: 5,
        points: few ? 3 : 0,
        order: 1,
      }),
    );
    datasets.push(lineSet("sum of ReLUs (fit)", points(fit.x, fit.sum), theme.accent, { width: 2, order: 0 }));
    datasets.push(
      lineSet("linear part c + a·x", points(fit.x, fit.linear), theme.muted, { width: 1, dash: [5, 4], order: 2 }),
    );
    // Drawn order: the selected unit (legend "selected unit"), then the others (the first named "each unit …").
    const sel = fit.contributions[this.selected];
    if (sel) {
      datasets.push(
        lineSet(`selected unit ${this.selected + 1}`, points(fit.x, sel), theme.series[2], { width: 2, order: 2 }),
      );
    }
    let named = false;
    fit.contributions.forEach((c, i) => {
      if (i !== this.selected) {
        datasets.push(
          lineSet(named ? `unit ${i + 1}` : "each unit vᵢ·relu(x − kᵢ)", points(fit.x, c), contribution, {
            width: 1,
            noTooltip: true,
            order: 3,
          }),
        );
        named = true;
      }
    });
    const overlay = emptyOverlay();
    overlay.handles = Array.from(fit.kinks, (x, i) => ({ x, selected: i === this.selected }));
    // The y axis fits the target and the sum (the larger single contributions are clipped at the edges).
    const t = finiteExtent(fit.target);
    const g = finiteExtent(fit.sum);
    const lo = Math.min(t.min, g.min);
    const hi = Math.max(t.max, g.max);
    const pad = hi > lo ? 0.12 * (hi - lo) : 0.5;
    updateChart(this.main.chart, datasets, overlay, {
      xMin: m.range[0],
      xMax: m.range[1],
      yMin: lo - pad,
      yMax: hi + pad,
    });
  }

  private drawErrors(ev: ErrorVsUnits, m: Model): void {
    const theme = themeColors();
    const x = Array.from(ev.units);
    const overlay = emptyOverlay();
    overlay.vlines.push({ x: m.fit.kinks.length, color: theme.accent, label: `${m.fit.kinks.length} units` });
    updateChart(
      this.error.chart,
      [
        lineSet("RMS error", points(x, ev.rmsError, true), theme.series[0], { points: 3 }),
        lineSet("max error", points(x, ev.maxError, true), theme.series[1], { points: 3, dash: [5, 3] }),
        markerSet(
          m.custom ? "this fit (your kinks)" : "this fit",
          [{ x: m.fit.kinks.length, y: m.fit.rmsError > 0 ? m.fit.rmsError : null }],
          theme.accent,
          "rectRot",
          6,
        ),
      ],
      overlay,
      { xMin: 1, xMax: 64 },
    );
  }

  private syncKinkEditor(m: Model): void {
    const n = m.fit.kinks.length;
    if (this.kinkSelect.options.length !== n) {
      this.kinkSelect.replaceChildren(
        ...Array.from({ length: n }, (_, i) => h("option", { value: i, text: `unit ${i + 1}` })),
      );
    }
    this.kinkSelect.value = String(this.selected);
    if (document.activeElement !== this.kinkBox) {
      this.kinkBox.value = boxText(Number(m.fit.kinks[this.selected].toPrecision(6)));
      this.kinkBox.removeAttribute("aria-invalid");
    }
    this.kinkBox.min = String(m.range[0]);
    this.kinkBox.max = String(m.range[1]);
  }

  private showSelected(): void {
    const m = this.model;
    if (!m || m.fit.kinks.length === 0) {
      return;
    }
    const i = this.selected;
    this.kinkSelect.value = String(i);
    if (document.activeElement !== this.kinkBox) {
      this.kinkBox.value = boxText(Number(m.fit.kinks[i].toPrecision(6)));
    }
    this.readout.textContent = `Selected: unit ${i + 1} of ${m.fit.kinks.length}, kink at x = ${num(m.fit.kinks[i])}, output weight v = ${num(m.fit.v[i])}.`;
  }

  // ---- dragging and keys ------------------------------------------------------------------------

  private kinkAtPixel(px: number, py: number): number | undefined {
    const m = this.model;
    const chart = this.main.chart;
    const area = chart.chartArea;
    if (!m || !area || py < area.top || py > area.bottom + 4) {
      return undefined;
    }
    let best: number | undefined;
    let bestD = Infinity;
    m.fit.kinks.forEach((k, i) => {
      const d = Math.abs(chart.scales.x.getPixelForValue(k) - px);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    // Near the axis (the handles) grab generously; elsewhere only right on the kink's x.
    const reach = py > area.bottom - 3 * HANDLE ? HANDLE + 4 : 5;
    return bestD <= reach ? best : undefined;
  }

  private localXY(e: PointerEvent): { x: number; y: number } {
    const rect = this.main.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private onPointerDown(e: PointerEvent): void {
    const p = this.localXY(e);
    const i = this.kinkAtPixel(p.x, p.y);
    if (i === undefined) {
      return;
    }
    e.preventDefault();
    this.selected = i;
    this.drag = { index: i, pointerId: e.pointerId };
    this.main.canvas.setPointerCapture(e.pointerId);
    this.main.canvas.focus();
    this.showSelected();
    this.repaintMain();
  }

  private onPointerMove(e: PointerEvent): void {
    const m = this.model;
    if (!m) {
      return;
    }
    const p = this.localXY(e);
    if (!this.drag || this.drag.pointerId !== e.pointerId) {
      this.main.canvas.style.cursor = this.kinkAtPixel(p.x, p.y) !== undefined ? "ew-resize" : "";
      return;
    }
    const x = this.main.chart.scales.x.getValueForPixel(p.x);
    if (x === undefined || !Number.isFinite(x)) {
      return;
    }
    const kinks = Array.from(this.pendingKinks ?? m.fit.kinks);
    kinks[this.drag.index] = Math.min(m.range[1], Math.max(m.range[0], x));
    this.queueKinks(kinks);
  }

  private onPointerUp(e: PointerEvent): void {
    if (this.drag && this.drag.pointerId === e.pointerId) {
      this.drag = undefined;
      if (this.main.canvas.hasPointerCapture(e.pointerId)) {
        this.main.canvas.releasePointerCapture(e.pointerId);
      }
    }
  }

  /** Emits new kinks once per animation frame (a drag produces many pointer moves). */
  private queueKinks(kinks: number[]): void {
    this.pendingKinks = kinks;
    if (this.frame) {
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const k = this.pendingKinks;
      this.pendingKinks = undefined;
      if (k) {
        this.emit(writeSettings("reluSum", { kinks: k }));
      }
    });
  }

  private onKey(e: KeyboardEvent): void {
    const m = this.model;
    if (!m || m.fit.kinks.length === 0) {
      return;
    }
    const n = m.fit.kinks.length;
    const span = m.range[1] - m.range[0];
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown": {
        e.preventDefault();
        this.selected = (this.selected + (e.key === "ArrowUp" ? 1 : n - 1)) % n;
        this.showSelected();
        this.repaintMain();
        return;
      }
      case "ArrowLeft":
      case "ArrowRight": {
        e.preventDefault();
        const step = (span / (e.shiftKey ? 20 : 200)) * (e.key === "ArrowLeft" ? -1 : 1);
        const kinks = Array.from(m.fit.kinks);
        kinks[this.selected] = Math.min(m.range[1], Math.max(m.range[0], kinks[this.selected] + step));
        this.emit(writeSettings("reluSum", { kinks }));
        return;
      }
      default:
        return;
    }
  }
}

function targetOptions(hasSelection: boolean) {
  return RELUSUM_TARGETS.map((t) => ({
    value: t,
    text:
      t === "selection" && !hasSelection
        ? `${RELUSUM_TARGET_LABELS[t]} (select values first)`
        : RELUSUM_TARGET_LABELS[t],
    disabled: t === "selection" && !hasSelection,
  }));
}
