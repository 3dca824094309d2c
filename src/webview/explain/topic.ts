/**
 * What every explainer topic offers the view, and the layout they share: a controls row, then the short text
 * (with a live readout) beside the figures, a note line for repaired settings, and a screen-reader summary.
 *
 *   <section class="explain-topic">
 *     <div class="explain-controls" role="group">…</div>
 *     <p class="explain-notes">…</p>
 *     <div class="explain-body"><div class="explain-text">…</div><div class="explain-figures">…</div></div>
 *     <p class="sr-only" data-testid="explain-summary">…</p>
 *   </section>
 */
import type { Chart } from "chart.js";
import type { ExplainSettings, ExplainState, ParamsRecord, RenderSummary, Surface } from "../../shared/protocol";
import { h } from "../dom";
import { makeChart, type ChartOptions } from "./charts";

/** What a topic's render returns: the view's render result plus the figure's data and canvases for export. */
export interface TopicRender {
  canvases: string[];
  curves: string[];
  params: ParamsRecord[];
  points: number;
  summary: RenderSummary;
}

export interface Topic {
  readonly element: HTMLElement;
  render(state: ExplainState, data: Float64Array | undefined): TopicRender;
  /** The canvases to export (in order) and the CSV of the data behind them. */
  exportParts(): { canvases: HTMLCanvasElement[]; csv: string };
  destroy(): void;
}

/** How a topic reports a change: settings entries (prefixed keys) merged into the state's settings. */
export type Emit = (patch: ExplainSettings) => void;

/** The shared skeleton (see the module note) and bookkeeping of charts, controls and listeners. */
export abstract class TopicBase implements Topic {
  readonly element: HTMLElement;
  protected readonly controls: HTMLElement;
  protected readonly notes: HTMLElement;
  protected readonly text: HTMLElement;
  protected readonly figures: HTMLElement;
  protected readonly description: HTMLElement;
  protected readonly charts: Chart[] = [];
  private readonly ownedControls: { dispose(): void }[] = [];
  private readonly listeners: { target: EventTarget; type: string; fn: EventListener }[] = [];

  constructor(
    protected readonly emit: Emit,
    protected readonly surface: Surface,
    name: string,
  ) {
    this.controls = h("div", { class: "explain-controls", role: "group", "aria-label": `${name} settings` });
    this.notes = h("p", { class: "explain-notes", "data-testid": "explain-notes", hidden: true });
    this.text = h("div", { class: "explain-text" });
    this.figures = h("div", { class: "explain-figures" });
    this.description = h("p", { class: "sr-only", "data-testid": "explain-summary" });
    this.element = h(
      "div",
      { class: "explain-topic" },
      this.controls,
      this.notes,
      h("div", { class: "explain-body" }, this.text, this.figures),
      this.description,
    );
  }

  abstract render(state: ExplainState, data: Float64Array | undefined): TopicRender;
  abstract exportParts(): { canvases: HTMLCanvasElement[]; csv: string };

  /** Keeps a control (disposed with the topic) and returns it. */
  protected own<C extends { dispose(): void }>(c: C): C {
    this.ownedControls.push(c);
    return c;
  }

  protected listen(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn);
    this.listeners.push({ target, type, fn });
  }

  /** Shows the notes about repaired settings (or hides the line). */
  protected showNotes(notes: readonly string[]): void {
    this.notes.textContent = notes.join(" ");
    this.notes.hidden = notes.length === 0;
  }

  /** A figure with a caption and a Chart.js canvas (`data-testid`, role img, aria-label). */
  protected chartFigure(
    testId: string,
    caption: string,
    options: ChartOptions,
    extraClass = "",
  ): { figure: HTMLElement; caption: HTMLElement; canvas: HTMLCanvasElement; chart: Chart } {
    const canvas = h("canvas", { "data-testid": testId, role: "img", "aria-label": caption });
    const cap = h("figcaption", { text: caption });
    const figure = h(
      "figure",
      { class: `explain-figure ${extraClass}`.trim() },
      cap,
      h("div", { class: "explain-chart" }, canvas),
    );
    this.figures.append(figure);
    const chart = makeChart(canvas, options);
    this.charts.push(chart);
    return { figure, caption: cap, canvas, chart };
  }

  destroy(): void {
    for (const c of this.ownedControls) {
      c.dispose();
    }
    for (const l of this.listeners) {
      l.target.removeEventListener(l.type, l.fn);
    }
    this.listeners.length = 0;
    for (const c of this.charts) {
      c.destroy();
    }
    this.charts.length = 0;
    this.element.remove();
  }
}

/** A paragraph of the topic's text. */
export function para(text: string, cls = ""): HTMLElement {
  return h("p", { class: cls || undefined, text });
}
