import { derivative, getActivation } from "../../core/activations";
import {
  DEFAULT_DIVERGING,
  DEFAULT_SEQUENTIAL,
  colormap,
  paletteSpec,
  type Colormap,
  type ColormapKind,
} from "../../core/colormap";
import { applyActivation } from "../../core/kernels";
import { blockExtent, cellRange, describeCell, poolMatrix, type PooledMatrix, type Representative } from "../../core/pool";
import { histogram, layerStats, type Histogram, type LayerStats } from "../../core/stats";
import type { ActivationSpec } from "../../core/types";
import type { HeatmapState, ParamsRecord, RenderSummary } from "../../shared/protocol";
import { h, uid } from "../dom";
import { themeColors } from "../theme";
import { HeatmapControls } from "./controls";
import { heatmapCsv } from "./csv";
import { drawHover, fontOf, measureFigure, paintFigure, sizeCanvas } from "./figure";
import { drawHistogram } from "./histogram";
import { cellAt, cellBudget, figureLayout, type FigureLayout } from "./layout";
import { POOLING_MODES, displayValues, poolingModeText, type PoolingMode } from "./pooling";
import { centralQuantiles, countOutside, divergingRange, sequentialRange } from "./range";
import { renderSummary } from "./summary";
import {
  blockReadout,
  num,
  oneLine,
  poolingText,
  screenReaderSummary,
  statItems,
  valueReadout,
  type LayerFacts,
  type LegendInfo,
} from "./text";

export interface HeatmapRender {
  canvases: string[];
  curves: string[];
  params: ParamsRecord[];
  points: number;
  summary: RenderSummary;
}

/** Everything computed from the state and the data that does not depend on the canvas size. */
interface Model {
  state: HeatmapState;
  data: Float64Array;
  spec: ActivationSpec;
  post: Float64Array;
  stats: LayerStats;
  facts: LayerFacts;
  labels: readonly string[] | undefined;
  kinks: number[];
  preCmap: Colormap;
  postCmap: Colormap;
  /** Colour ranges (see ./range): pre [−L, L]; post [lo, hi]; and the finite values beyond them. */
  preLimit: number;
  postLo: number;
  postHi: number;
  preOutside: { below: number; above: number };
  postOutside: { below: number; above: number };
  /** The histogram shown: the core's, or over the central range when outliers stretch it (with under/overflow). */
  hist: Histogram;
}

/** What the last draw laid out (for hover hit-testing and the readout). */
interface Drawn {
  prePool: PooledMatrix;
  postPool: PooledMatrix;
  preLayout: FigureLayout;
  postLayout: FigureLayout;
  width: number;
}

interface FigureParts {
  figure: HTMLElement;
  caption: HTMLElement;
  canvas: HTMLCanvasElement;
  overlay: HTMLCanvasElement;
}

const GAP = 16;
const MIN_FIGURE = 300;

/**
 * The layer-activation heatmap view: pre-activations (diverging colours centred at 0) and post-activations
 * (sequential colours) on canvases, colour bars, NaN/±∞ legend, dead units outlined, hover readout, stats strip,
 * pre-activation histogram with the kinks, and a screen-reader summary. Panel surface: with controls; side
 * surface: the two heatmaps stacked and a one-line summary.
 *
 * Values are pooled to one cell per device pixel when the matrix is larger than the plot (min/max-aware,
 * so a single spike stays visible), and the view says so. Statistics come from the core (`layerStats`),
 * post-activations from the core's kernels (`applyActivation`).
 */
export class HeatmapView {
  private readonly container: HTMLElement;
  private readonly controls: HeatmapControls | undefined;
  private readonly note: HTMLElement;
  private readonly stats: HTMLElement;
  private readonly pooling: HTMLElement;
  private readonly poolingNote: HTMLElement;
  private readonly poolingMode: HTMLElement;
  /** What a pooled pixel shows: the state's `pooling` (kept in the state, so a reload or export keeps it). */
  private poolMode: PoolingMode = "extreme";
  private poolSelect: HTMLSelectElement | undefined;
  /** The last two pooled matrices (pre and post), see {@link pooled}. */
  private poolCache: { values: Float64Array; key: string; pooled: PooledMatrix }[] = [];
  private readonly figures: HTMLElement;
  private readonly pre: FigureParts;
  private readonly post: FigureParts;
  private readonly readout: HTMLElement;
  private readonly histFigure: HTMLElement | undefined;
  private readonly histCaption: HTMLElement | undefined;
  private readonly histCanvas: HTMLCanvasElement | undefined;
  private readonly description: HTMLElement;
  private readonly resizeObserver: ResizeObserver | undefined;
  private model: Model | undefined;
  private drawn: Drawn | undefined;
  private hover: { r: number; c: number } | undefined;
  private pendingFrame = 0;
  private readonly listeners: { target: EventTarget; type: string; fn: EventListener }[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: HeatmapState) => void,
    private readonly surface: "panel" | "side",
  ) {
    const controlsRoot = h("div", { class: "heatmap-controls" });
    this.controls = surface === "panel" ? new HeatmapControls(controlsRoot, onChange) : undefined;
    this.note = h("p", { class: "heatmap-note", "data-testid": "heatmap-note", hidden: true });
    this.stats = h("div", { class: "heatmap-stats", "data-testid": "heatmap-stats" });
    this.poolingNote = h("span", { "data-testid": "heatmap-pooling-note" });
    this.poolingMode = h("span", { class: "muted" });
    this.pooling = h(
      "div",
      { class: "heatmap-pooling", "data-testid": "heatmap-pooling", hidden: true },
      this.poolingNote,
      surface === "panel" ? this.poolingSelect() : null,
      this.poolingMode,
    );
    this.pre = this.figure("heatmap-pre", "Pre-activation");
    this.post = this.figure("heatmap-post", "After the activation");
    this.figures = h("div", { class: "heatmap-figures" }, this.pre.figure, this.post.figure);
    this.readout = h("p", {
      class: "heatmap-readout",
      "data-testid": "heatmap-readout",
      role: "status",
      text: "Hover a cell, or focus a heatmap and use the arrow keys, to read its values.",
    });
    if (surface === "panel") {
      this.histCaption = h("figcaption", { text: "Pre-activation histogram" });
      this.histCanvas = h("canvas", { "data-testid": "heatmap-hist", role: "img", "aria-label": "Histogram of pre-activations" });
      this.histFigure = h("figure", { class: "heatmap-figure heatmap-hist" }, this.histCaption, this.histCanvas);
    }
    this.description = h("p", { class: "heatmap-sr", "data-testid": "heatmap-summary" });
    this.container = h(
      "div",
      { class: "heatmap", "data-surface": surface },
      this.controls ? controlsRoot : null,
      this.note,
      this.stats,
      this.pooling,
      this.figures,
      this.readout,
      this.histFigure,
      this.description,
    );
    this.root.append(this.container);
    if (typeof ResizeObserver !== "undefined") {
      this.resizeObserver = new ResizeObserver(() => this.scheduleRedraw());
      this.resizeObserver.observe(this.container);
    }
  }

  /** Draw `data` (row-major float64 pre-activations, rows × units) before and after state.activation. */
  render(state: HeatmapState, data: Float64Array): HeatmapRender {
    const { rows, units } = state;
    if (data.length !== rows * units) {
      throw new Error(`the heatmap has ${data.length} values, but its shape ${rows} × ${units} needs ${rows * units}`);
    }
    this.poolMode = state.pooling ?? "extreme";
    if (this.poolSelect) {
      this.poolSelect.value = this.poolMode;
    }
    const preCmap = resolveColormap(state.colormaps.pre, "diverging");
    const postCmap = resolveColormap(state.colormaps.post, "sequential");
    this.controls?.render(state, preCmap.name, postCmap.name);
    const model = this.compute(state, data, preCmap, postCmap);
    this.model = model;
    this.hover = undefined;

    this.note.textContent = state.note ?? "";
    this.note.hidden = !state.note;
    this.showStats(model);
    this.draw();
    const d = this.drawn;
    if (!d) {
      throw new Error("the heatmap could not be drawn");
    }
    this.showReadout();

    const canvases = ["heatmap-pre", "heatmap-post", ...(this.histCanvas ? ["heatmap-hist"] : [])];
    const summary = renderSummary({
      facts: model.facts,
      pre: data,
      pooled: d.prePool.pooled,
      cellRows: blockExtent(rows, d.prePool.outRows).max,
      cellUnits: blockExtent(units, d.prePool.outCols).max,
      outRows: d.prePool.outRows,
      outCols: d.prePool.outCols,
      activationId: model.spec.id,
      poolingMode: this.poolMode,
      preColormap: preCmap.name,
      postColormap: postCmap.name,
      kinks: model.kinks,
      preLimit: model.preLimit,
      postLo: model.postLo,
      postHi: model.postHi,
      preBeyond: model.preOutside.below + model.preOutside.above,
      postBeyond: model.postOutside.below + model.postOutside.above,
    });
    return { canvases, curves: [model.spec.id], params: [{ ...state.activation.params }], points: rows * units, summary };
  }

  /** Both heatmaps (with colour bars) side by side as one PNG data URL, and the CSV of pre and post values. */
  exportImage(): { png: string; csv: string } {
    const m = this.model;
    if (!m) {
      return { png: blankPng(), csv: "" };
    }
    const theme = themeColors();
    const family = fontFamily();
    const dpr = window.devicePixelRatio || 1;
    const parts = [this.pre, this.post];
    const titleH = 22;
    const footH = 20;
    const gap = Math.round(GAP * dpr);
    const width = parts.reduce((s, p) => s + p.canvas.width, 0) + gap;
    const height = Math.max(...parts.map((p) => p.canvas.height)) + Math.round((titleH + footH) * dpr);
    const out = document.createElement("canvas");
    out.width = Math.max(1, width);
    out.height = Math.max(1, height);
    const ctx = out.getContext("2d");
    if (ctx) {
      ctx.fillStyle = theme.background;
      ctx.fillRect(0, 0, out.width, out.height);
      let x = 0;
      for (const p of parts) {
        ctx.drawImage(p.canvas, x, Math.round(titleH * dpr));
        ctx.save();
        ctx.scale(dpr, dpr);
        ctx.font = `600 ${fontOf(family, 12)}`;
        ctx.fillStyle = theme.foreground;
        ctx.textBaseline = "middle";
        ctx.fillText(p.caption.textContent ?? "", x / dpr + 4, titleH / 2);
        ctx.restore();
        x += p.canvas.width + gap;
      }
      // Footer: where the values came from and the one-line summary (and pooling, if any).
      ctx.save();
      ctx.scale(dpr, dpr);
      ctx.font = fontOf(family);
      ctx.fillStyle = theme.muted;
      ctx.textBaseline = "middle";
      const pooled = this.pooling.hidden ? "" : `${this.poolingNote.textContent ?? ""}, pixels show the block ${this.poolMode}`;
      const foot = [m.state.source, oneLine(m.facts), pooled].filter(Boolean).join(" · ");
      ctx.fillText(foot, 4, out.height / dpr - footH / 2, out.width / dpr - 8);
      ctx.restore();
    }
    const csv = heatmapCsv(m.data, m.post, m.state.rows, m.state.units, m.labels);
    return { png: out.toDataURL("image/png"), csv };
  }

  /** Removes the DOM and every listener. */
  destroy(): void {
    this.resizeObserver?.disconnect();
    if (this.pendingFrame) {
      cancelAnimationFrame(this.pendingFrame);
      this.pendingFrame = 0;
    }
    for (const l of this.listeners) {
      l.target.removeEventListener(l.type, l.fn);
    }
    this.listeners.length = 0;
    this.controls?.destroy();
    this.model = undefined;
    this.drawn = undefined;
    this.poolCache = [];
    this.container.remove();
  }

  // ---- model ------------------------------------------------------------------------------------

  private compute(state: HeatmapState, data: Float64Array, preCmap: Colormap, postCmap: Colormap): Model {
    const spec = getActivation(state.activation.id);
    if (!spec) {
      throw new Error(`unknown activation "${state.activation.id}"`);
    }
    if (spec.kind !== "elementwise") {
      throw new Error(`${spec.label} works on whole rows, not value by value: choose an elementwise activation for the heatmap`);
    }
    const params = state.activation.params;
    const old = this.model;
    // Reuse what depends only on the data (a colormap change or a new activation keeps it) ...
    const sameData = old !== undefined && old.data === data && old.state.rows === state.rows && old.state.units === state.units;
    // ... and what depends on the activation too (a colormap change keeps it).
    const same =
      sameData &&
      old.spec.id === spec.id &&
      JSON.stringify(old.state.activation.params) === JSON.stringify(params) &&
      old.state.saturationEps === state.saturationEps;
    const post = same ? old.post : applyActivation(spec.id, data, params);
    const stats = same
      ? old.stats
      : layerStats(data, state.rows, state.units, spec.id, params, { saturationEps: state.saturationEps, post });
    const labels = state.columnLabels && state.columnLabels.length === state.units ? state.columnLabels : undefined;
    const facts: LayerFacts = {
      rows: state.rows,
      units: state.units,
      shape: state.shape,
      activation: activationName(spec, params),
      pre: stats.pre,
      post: stats.post,
      sparsity: stats.sparsity,
      deadUnits: stats.deadUnits,
      saturatedFraction: stats.saturatedFraction,
      saturationEps: stats.saturationEps,
      nonFinite: stats.nonFinite,
      columnLabels: labels,
    };
    let pre: Pick<Model, "preLimit" | "preOutside" | "hist">;
    if (sameData) {
      pre = old;
    } else {
      const range = divergingRange(data, stats.pre.min, stats.pre.max, centralQuantiles(data));
      pre = {
        preLimit: range.limit,
        preOutside: countOutside(data, -range.limit, range.limit),
        hist: displayHistogram(data, stats, range.clipped ? range.limit : undefined),
      };
    }
    let postRange: Pick<Model, "postLo" | "postHi" | "postOutside">;
    if (same) {
      postRange = old;
    } else {
      const { lo, hi } = sequentialRange(post, stats.post.min, stats.post.max, centralQuantiles(post));
      postRange = { postLo: lo, postHi: hi, postOutside: countOutside(post, lo, hi) };
    }
    return {
      state,
      data,
      spec,
      post,
      stats,
      facts,
      labels,
      kinks: [...spec.kinks(params)].sort((a, b) => a - b),
      preCmap,
      postCmap,
      preLimit: pre.preLimit,
      preOutside: pre.preOutside,
      hist: pre.hist,
      postLo: postRange.postLo,
      postHi: postRange.postHi,
      postOutside: postRange.postOutside,
    };
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private figure(testId: string, title: string): FigureParts {
    const caption = h("figcaption", { text: title });
    const canvas = h("canvas", { "data-testid": testId, role: "img", tabindex: 0, "aria-label": title });
    const overlay = h("canvas", { class: "heatmap-overlay", "aria-hidden": "true" });
    const figure = h("figure", { class: "heatmap-figure" }, caption, h("div", { class: "heatmap-canvas" }, canvas, overlay));
    this.listen(canvas, "mousemove", (e) => this.onPointer(canvas, e as MouseEvent));
    this.listen(canvas, "mouseleave", () => this.setHover(undefined));
    this.listen(canvas, "keydown", (e) => this.onKey(e as KeyboardEvent));
    this.listen(canvas, "blur", () => this.setHover(undefined));
    return { figure, caption, canvas, overlay };
  }

  /** The choice of what a pooled pixel shows (the state's `pooling`). */
  private poolingSelect(): HTMLElement {
    const id = uid("hm-pool");
    const names: Record<PoolingMode, string> = { extreme: "block extreme", mean: "block mean" };
    const select = h(
      "select",
      { id, "data-testid": "heatmap-pooling-mode" },
      ...POOLING_MODES.map((m) => h("option", { value: m, text: names[m], selected: m === this.poolMode })),
    );
    this.poolSelect = select;
    this.listen(select, "change", () => {
      const state = this.model?.state;
      if (state) {
        this.onChange({ ...state, pooling: select.value === "mean" ? "mean" : "extreme" });
      }
    });
    return h("span", { class: "param" }, h("label", { for: id, text: "Pixels show" }), select);
  }

  private listen(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn);
    this.listeners.push({ target, type, fn });
  }

  private availableWidth(): number {
    const w = this.container.clientWidth || this.root.clientWidth;
    return w > 0 ? w : this.surface === "panel" ? 760 : 300;
  }

  /** poolMatrix, remembered per array and grid (a colormap change or a resize to the same grid pools nothing). */
  private pooled(
    values: Float64Array,
    rows: number,
    units: number,
    maxRows: number,
    maxCols: number,
    representative: Representative,
  ): PooledMatrix {
    const key = `${rows}x${units}:${maxRows}x${maxCols}:${representative}`;
    const hit = this.poolCache.find((e) => e.values === values && e.key === key);
    if (hit) {
      return hit.pooled;
    }
    const pooled = poolMatrix(values, rows, units, maxRows, maxCols, { representative });
    this.poolCache = [{ values, key, pooled }, ...this.poolCache.slice(0, 1)];
    return pooled;
  }

  private scheduleRedraw(): void {
    if (this.pendingFrame || !this.drawn) {
      return;
    }
    this.pendingFrame = requestAnimationFrame(() => {
      this.pendingFrame = 0;
      if (this.drawn && Math.abs(this.availableWidth() - this.drawn.width) >= 2) {
        this.draw();
        this.showReadout();
      }
    });
  }

  /** Lays out, pools and paints both figures and the histogram for the current width. */
  private draw(): void {
    const m = this.model;
    if (!m) {
      return;
    }
    const theme = themeColors();
    const family = fontFamily();
    const width = this.availableWidth();
    const sideBySide = this.surface === "panel" && width >= 2 * MIN_FIGURE + GAP;
    this.figures.classList.toggle("side-by-side", sideBySide);
    const figWidth = sideBySide ? Math.floor((width - GAP) / 2) : width;
    const vh = window.innerHeight || 800;
    const maxPlotHeight =
      this.surface === "panel" ? Math.min(460, Math.max(140, Math.round(vh * 0.45))) : Math.min(260, Math.max(100, Math.round(vh * 0.3)));
    const { rows, units } = m.state;
    const stats = m.stats;
    const dead = stats.deadUnits.length;
    const preLegend: LegendInfo = { ...stats.nonFinite, ...m.preOutside, lo: -m.preLimit, hi: m.preLimit, dead };
    const postLegend: LegendInfo = { ...stats.post.nonFinite, ...m.postOutside, lo: m.postLo, hi: m.postHi, dead };
    const preInput = measureFigure(
      this.pre.canvas,
      {
        rows,
        units,
        lo: -m.preLimit,
        hi: m.preLimit,
        labels: m.labels,
        legend: preLegend,
        width: figWidth,
        maxPlotHeight,
      },
      family,
    );
    const postInput = measureFigure(
      this.post.canvas,
      {
        rows,
        units,
        lo: m.postLo,
        hi: m.postHi,
        labels: m.labels,
        legend: postLegend,
        width: figWidth,
        maxPlotHeight,
      },
      family,
    );
    // One plot size (the smaller) for both figures, so both share one cell grid and one hover cell.
    const a = figureLayout(preInput).plot;
    const b = figureLayout(postInput).plot;
    const plot = { width: Math.min(a.width, b.width), height: Math.min(a.height, b.height) };
    const preLayout = figureLayout({ ...preInput, plot });
    const postLayout = figureLayout({ ...postInput, plot });
    const { maxRows, maxCols } = cellBudget(plot, window.devicePixelRatio || 1);
    const prePool = this.pooled(m.data, rows, units, maxRows, maxCols, "absmax");
    // Outputs ≥ 0 (relu, sigmoid, ...) keep the block maximum; signed outputs the extreme farther from 0.
    const postPool = this.pooled(m.post, rows, units, maxRows, maxCols, stats.post.count > 0 && stats.post.min >= 0 ? "max" : "absmax");
    paintFigure(
      this.pre.canvas,
      preLayout,
      {
        pooled: prePool,
        values: displayValues(prePool, this.poolMode, -m.preLimit, m.preLimit),
        cmap: m.preCmap,
        lo: -m.preLimit,
        hi: m.preLimit,
        diverging: true,
        labels: m.labels,
        dead: stats.deadUnits,
        legend: preLegend,
      },
      theme,
      family,
    );
    paintFigure(
      this.post.canvas,
      postLayout,
      {
        pooled: postPool,
        values: displayValues(postPool, this.poolMode, m.postLo, m.postHi),
        cmap: m.postCmap,
        lo: m.postLo,
        hi: m.postHi,
        diverging: false,
        labels: m.labels,
        dead: stats.deadUnits,
        legend: postLegend,
      },
      theme,
      family,
    );
    sizeCanvas(this.pre.overlay, preLayout.canvas.width, preLayout.canvas.height);
    sizeCanvas(this.post.overlay, postLayout.canvas.width, postLayout.canvas.height);
    this.drawn = { prePool, postPool, preLayout, postLayout, width };
    if (this.hover && (this.hover.r >= prePool.outRows || this.hover.c >= prePool.outCols)) {
      this.hover = undefined;
    }
    this.paintHover();

    const poolNote = poolingText(rows, units, prePool.outRows, prePool.outCols, {
      rows: blockExtent(rows, prePool.outRows),
      cols: blockExtent(units, prePool.outCols),
    });
    this.poolingNote.textContent = poolNote;
    this.poolingMode.textContent = poolingModeText(this.poolMode);
    this.pooling.hidden = !poolNote;
    this.pre.caption.textContent = `Pre-activation x (${m.preCmap.name}, centred at 0)`;
    this.post.caption.textContent = `After ${m.facts.activation} (${m.postCmap.name})`;
    this.pre.canvas.setAttribute(
      "aria-label",
      `Heatmap of pre-activations, ${rows} rows × ${units} units, ${m.preCmap.label} colours centred at 0 from −${num(m.preLimit)} to ${num(m.preLimit)}` +
        (poolNote ? `, ${poolNote}` : ""),
    );
    this.post.canvas.setAttribute(
      "aria-label",
      `Heatmap after ${m.facts.activation}, ${m.postCmap.label} colours from ${num(m.postLo)} to ${num(m.postHi)}` +
        (dead ? `, ${dead} dead unit${dead === 1 ? "" : "s"} outlined` : ""),
    );
    this.description.textContent = screenReaderSummary(m.facts, poolNote ? `${poolNote}; ${poolingModeText(this.poolMode)}` : "");

    if (this.histCanvas && this.histCaption) {
      const hist = m.hist;
      const spec = m.spec;
      const params = m.state.activation.params;
      const inside = drawHistogram(
        this.histCanvas,
        {
          edges: hist.edges,
          counts: hist.counts,
          underflow: hist.underflow,
          overflow: hist.overflow,
          min: stats.pre.min,
          max: stats.pre.max,
          kinks: m.kinks,
          derivative: (x) => derivative(spec.id, x, params),
          eps: stats.saturationEps,
          width: Math.min(width, 2 * MIN_FIGURE + GAP + 200),
          height: 120,
        },
        theme,
        family,
      );
      const outside = m.kinks.filter((k) => !inside.includes(k));
      this.histCaption.textContent =
        `Pre-activation histogram (${stats.pre.count} finite values, ${hist.counts.length} bins; muted bars: |f′| < ${num(stats.saturationEps)}` +
        (m.kinks.length ? `; dashed: kink${m.kinks.length > 1 ? "s" : ""} of ${spec.id}` : "") +
        (outside.length ? `, ${outside.map(num).join(", ")} outside the data range` : "") +
        ")";
      this.histCanvas.setAttribute(
        "aria-label",
        `Histogram of the ${stats.pre.count} finite pre-activations in ${hist.counts.length} bins from ${num(hist.edges[0])} to ${num(hist.edges[hist.counts.length])}` +
          (m.kinks.length ? `; kinks of ${spec.id} at ${m.kinks.map(num).join(", ")}` : ""),
      );
    }
  }

  private showStats(m: Model): void {
    if (this.surface === "side") {
      this.stats.replaceChildren(h("p", { class: "heatmap-oneline", text: oneLine(m.facts) }));
      return;
    }
    this.stats.replaceChildren(
      h(
        "dl",
        { class: "heatmap-strip" },
        ...statItems(m.facts).map((it) =>
          h(
            "div",
            { class: "stat", "data-stat": it.key, "data-alert": it.alert },
            h("dt", { text: it.label }),
            h("dd", { text: it.value }),
          ),
        ),
      ),
    );
  }

  // ---- hover ------------------------------------------------------------------------------------

  private onPointer(canvas: HTMLCanvasElement, e: MouseEvent): void {
    const d = this.drawn;
    if (!d) {
      return;
    }
    const layout = canvas === this.pre.canvas ? d.preLayout : d.postLayout;
    const rect = canvas.getBoundingClientRect();
    const cell = cellAt(layout, d.prePool.outRows, d.prePool.outCols, e.clientX - rect.left, e.clientY - rect.top);
    if (cell?.r !== this.hover?.r || cell?.c !== this.hover?.c) {
      this.setHover(cell);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const d = this.drawn;
    if (!d) {
      return;
    }
    const step = e.shiftKey ? 10 : 1;
    const cur = this.hover ?? { r: 0, c: 0 };
    let next: { r: number; c: number } | undefined;
    switch (e.key) {
      case "ArrowLeft":
        next = { r: cur.r, c: cur.c - step };
        break;
      case "ArrowRight":
        next = { r: cur.r, c: cur.c + step };
        break;
      case "ArrowUp":
        next = { r: cur.r - step, c: cur.c };
        break;
      case "ArrowDown":
        next = { r: cur.r + step, c: cur.c };
        break;
      case "Home":
        next = { r: cur.r, c: 0 };
        break;
      case "End":
        next = { r: cur.r, c: d.prePool.outCols - 1 };
        break;
      case "Escape":
        this.setHover(undefined);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (!this.hover) {
      next = cur; // the first key press shows the top-left cell
    }
    this.setHover({
      r: Math.max(0, Math.min(d.prePool.outRows - 1, next.r)),
      c: Math.max(0, Math.min(d.prePool.outCols - 1, next.c)),
    });
  }

  private setHover(cell: { r: number; c: number } | undefined): void {
    this.hover = cell;
    this.paintHover();
    this.showReadout();
  }

  private paintHover(): void {
    const d = this.drawn;
    if (!d) {
      return;
    }
    const theme = themeColors();
    drawHover(this.pre.overlay, d.preLayout, d.prePool.outRows, d.prePool.outCols, this.hover, theme);
    drawHover(this.post.overlay, d.postLayout, d.prePool.outRows, d.prePool.outCols, this.hover, theme);
  }

  private showReadout(): void {
    const d = this.drawn;
    const m = this.model;
    if (!d || !m || !this.hover) {
      this.readout.textContent = "Hover a cell, or focus a heatmap and use the arrow keys, to read its values.";
      this.readout.classList.add("muted");
      return;
    }
    this.readout.classList.remove("muted");
    const { r, c } = this.hover;
    const range = cellRange(d.prePool, r, c);
    const n = (range.rowEnd - range.rowStart) * (range.colEnd - range.colStart);
    if (n === 1) {
      const i = range.rowStart * m.state.units + range.colStart;
      const x = m.data[i];
      this.readout.textContent = valueReadout(
        {
          row: range.rowStart,
          unit: range.colStart,
          pre: x,
          post: m.post[i],
          derivative: derivative(m.spec.id, x, m.state.activation.params),
        },
        m.labels,
      );
      return;
    }
    const k = r * d.prePool.outCols + c;
    const side = (p: PooledMatrix) => ({
      min: p.min[k],
      max: p.max[k],
      count: p.count[k],
      nan: p.nan[k],
      posInf: p.posInf[k],
      negInf: p.negInf[k],
    });
    let where = describeCell(d.prePool, r, c);
    const label = range.colEnd - range.colStart === 1 ? m.labels?.[range.colStart] : undefined;
    if (label) {
      where += ` “${label}”`;
    }
    this.readout.textContent = blockReadout(where, n, side(d.prePool), side(d.postPool));
  }
}

/**
 * The pre-activation histogram to show: the core's (over [min, max]), or, when outliers pulled the colour range
 * in to [−L, L], one over [max(min, −L), min(max, L)], whose under/overflow counts (the outliers) are drawn
 * at its ends.
 */
function displayHistogram(pre: Float64Array, stats: LayerStats, limit: number | undefined): Histogram {
  if (limit === undefined || stats.pre.count === 0) {
    return stats.histogramPre;
  }
  const lo = Math.max(stats.pre.min, -limit);
  const hi = Math.min(stats.pre.max, limit);
  return hi > lo ? histogram(pre, { range: [lo, hi] }) : stats.histogramPre;
}

/** The palette `name` if it is of `kind`, else that kind's default. */
function resolveColormap(name: string, kind: ColormapKind): Colormap {
  const spec = paletteSpec(name);
  if (spec && spec.kind === kind) {
    return colormap(spec.name);
  }
  return colormap(kind === "diverging" ? DEFAULT_DIVERGING : DEFAULT_SEQUENTIAL);
}

/** `relu`, or `leaky_relu(negative_slope=0.2)` when parameters are set. */
function activationName(spec: ActivationSpec, params: ParamsRecord): string {
  const ps = Object.entries(params);
  return ps.length ? `${spec.id}(${ps.map(([k, v]) => `${k}=${String(v)}`).join(", ")})` : spec.id;
}

function fontFamily(): string {
  return getComputedStyle(document.body).fontFamily;
}

function blankPng(): string {
  const c = document.createElement("canvas");
  c.width = 1;
  c.height = 1;
  return c.toDataURL("image/png");
}
