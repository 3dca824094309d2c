/**
 * The explainer views of the webview (issue #6): a tab bar over six topics, each making one idea behind ReLU
 * visible with numbers from the core (`src/core/explain`): interactions of inputs through one unit, the bias
 * moving the kink, sums of ReLUs fitting a curve, depth and vanishing gradients, dying ReLUs and sparsity, and
 * saturation. Every topic has controls (changes go to `onChange` with the new state; the router calls `render`
 * again), a short text beside its pictures, canvases with `data-testid`s and aria-labels, and a screen-reader
 * summary. Settings keys are `<topic>.<name>` (see ./settings for every key and default).
 *
 * The topic's view is built once and then updated in place on every render (controls keep focus and drags,
 * charts are updated, not recreated); switching topic replaces it.
 */
import type { ExplainState, ExplainTopic, ParamsRecord, RenderSummary } from "../../shared/protocol";
import { h, uid } from "../dom";
import { BiasTopic } from "./bias";
import { DepthTopic } from "./depth";
import { DyingTopic } from "./dying";
import { figuresPng } from "./figureImage";
import { InteractionTopic } from "./interaction";
import { ReluSumTopic } from "./reluSum";
import { SaturationTopic } from "./saturation";
import { isTopic, switchTopic } from "./settings";
import { TabBar } from "./tabs";
import type { Emit, Topic } from "./topic";

export interface ExplainRender {
  canvases: string[];
  curves: string[];
  params: ParamsRecord[];
  points: number;
  summary: RenderSummary;
}

function createTopic(topic: ExplainTopic, emit: Emit, surface: "panel" | "side"): Topic {
  switch (topic) {
    case "interaction":
      return new InteractionTopic(emit, surface);
    case "bias":
      return new BiasTopic(emit, surface);
    case "reluSum":
      return new ReluSumTopic(emit, surface);
    case "depth":
      return new DepthTopic(emit, surface);
    case "dying":
      return new DyingTopic(emit, surface);
    case "saturation":
      return new SaturationTopic(emit, surface);
    default: {
      const never: never = topic;
      return never;
    }
  }
}

export class ExplainView {
  private readonly container: HTMLElement;
  private readonly tabs: TabBar;
  private readonly panel: HTMLElement;
  private active: { topic: ExplainTopic; view: Topic } | undefined;
  /** The latest state shown or emitted (changes build on it, so two quick changes both count). */
  private current: ExplainState | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: ExplainState) => void,
    private readonly surface: "panel" | "side",
  ) {
    const panelId = uid("explain-panel");
    this.tabs = new TabBar(panelId, (topic) => {
      if (this.current && topic !== this.current.topic) {
        this.change(switchTopic(this.current, topic));
      }
    });
    this.panel = h("section", {
      id: panelId,
      class: "explain-panel",
      role: "tabpanel",
      "data-testid": "explain-panel",
      tabindex: -1,
    });
    this.container = h("div", { class: "explain", "data-surface": surface }, this.tabs.element, this.panel);
    this.root.append(this.container);
  }

  /** `data`: when state.selection is set, the user's values (rows × units, row-major float64). */
  render(
    state: ExplainState,
    data: Float64Array | undefined,
  ): { canvases: string[]; curves: string[]; params: ParamsRecord[]; points: number; summary: RenderSummary } {
    if (!isTopic(state.topic)) {
      throw new Error(`unknown explainer topic "${String(state.topic)}"`);
    }
    const sel = state.selection;
    const values = sel && data && data.length === sel.rows * sel.units ? data : undefined;
    if (sel && !values) {
      throw new Error(
        `the selection's values did not arrive (expected ${sel.rows} × ${sel.units}); run the command again`,
      );
    }
    this.current = state;
    this.tabs.select(state.topic);
    if (this.active?.topic !== state.topic) {
      this.active?.view.destroy();
      const view = createTopic(state.topic, (patch) => this.emitPatch(patch), this.surface);
      this.active = { topic: state.topic, view };
      this.panel.replaceChildren(view.element);
      this.panel.setAttribute("aria-labelledby", this.tabs.tabId(state.topic));
      this.panel.dataset.topic = state.topic;
    }
    const r = this.active.view.render(state, values);
    return {
      canvases: r.canvases,
      curves: r.curves,
      params: r.params,
      points: r.points,
      summary: { topic: state.topic, ...r.summary },
    };
  }

  /** The explainer's figure(s) as one PNG data URL (side by side, under their captions) and its data as CSV. */
  exportImage(): { png: string; csv: string } {
    if (!this.active) {
      return { png: figuresPng([]), csv: "" };
    }
    const { canvases, csv } = this.active.view.exportParts();
    return { png: figuresPng(canvases), csv };
  }

  destroy(): void {
    this.active?.view.destroy();
    this.active = undefined;
    this.current = undefined;
    this.container.remove();
  }

  private emitPatch(patch: ExplainState["settings"]): void {
    if (!this.current) {
      return;
    }
    this.change({ ...this.current, settings: { ...this.current.settings, ...patch } });
  }

  private change(state: ExplainState): void {
    this.current = state;
    this.onChange(state);
  }
}
