/**
 * Controls of the heatmap (panel surface): activation (elementwise ones), its parameters (the curve
 * controls' `paramControl`), the pre and post colormaps and the saturation ε. Native, labelled inputs (so
 * keyboard-operable). Every change calls `onChange` with the new state; the caller redraws.
 *
 * Rebuilding: while a parameter slider has the focus (dragged, or moved with the arrow keys), changes that
 * came from these controls keep the elements, so the drag goes on; otherwise the controls are rebuilt from the
 * state (so a typed number also moves its slider) and the focus returns to the same control.
 */
import { colormapNames, paletteSpec } from "../../core/colormap";
import { getActivation, listActivations } from "../../core/activations";
import type { HeatmapState } from "../../shared/protocol";
import { h, uid } from "../dom";
import { paramControl } from "../panel/curveControls";

/** The parts of a state the controls show, as a comparable key. */
function controlsKey(s: HeatmapState): string {
  return JSON.stringify([s.activation.id, s.activation.params, s.colormaps.pre, s.colormaps.post, s.saturationEps]);
}

export class HeatmapControls {
  private shownKey = "";
  /** The latest state shown (the handlers build on it, so two changes in a row both count). */
  private current: HeatmapState | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: HeatmapState) => void,
  ) {}

  /** Shows `state` (rebuilding the controls unless they already show it). */
  render(state: HeatmapState, preColormap: string, postColormap: string): void {
    this.current = state;
    const key = controlsKey(state);
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && this.root.contains(active) ? active.dataset.testid : undefined;
    if (key === this.shownKey && active instanceof HTMLInputElement && active.type === "range" && focused) {
      return;
    }
    this.shownKey = key;
    /** Applies a change to the latest state and reports it. */
    const emit = (change: (s: HeatmapState) => HeatmapState) => {
      const next = change(this.current ?? state);
      this.current = next;
      this.shownKey = controlsKey(next);
      this.onChange(next);
    };
    const spec = getActivation(state.activation.id);

    const actId = uid("hm-act");
    const activation = h(
      "select",
      { id: actId, "data-testid": "heatmap-activation" },
      ...listActivations()
        .filter((s) => s.kind === "elementwise")
        .map((s) => h("option", { value: s.id, text: `${s.label} (${s.id})`, selected: s.id === spec?.id })),
    );
    activation.addEventListener("change", () => {
      // a new activation starts from its PyTorch defaults; the controls must be rebuilt for its parameters
      const next: HeatmapState = { ...(this.current ?? state), activation: { id: activation.value, params: {} } };
      this.shownKey = "";
      this.current = next;
      this.onChange(next);
    });

    const params = (spec?.params ?? []).map((p) =>
      paramControl(
        p,
        state.activation.params[p.name],
        (v) => emit((s) => ({ ...s, activation: { ...s.activation, params: { ...s.activation.params, [p.name]: v } } })),
        0,
      ),
    );

    const pre = this.colormapSelect("heatmap-cmap-pre", "Pre colours", "diverging", preColormap, (name) =>
      emit((s) => ({ ...s, colormaps: { ...s.colormaps, pre: name } })),
    );
    const post = this.colormapSelect("heatmap-cmap-post", "Post colours", "sequential", postColormap, (name) =>
      emit((s) => ({ ...s, colormaps: { ...s.colormaps, post: name } })),
    );

    const epsId = uid("hm-eps");
    const eps = h("input", {
      id: epsId,
      type: "number",
      min: 0,
      step: "any",
      value: state.saturationEps,
      "data-testid": "heatmap-eps",
      title: "A value counts as saturated where |f′(x)| < ε",
    });
    eps.addEventListener("change", () => {
      const v = Number(eps.value);
      if (eps.value.trim() === "" || !Number.isFinite(v) || v <= 0) {
        eps.setAttribute("aria-invalid", "true");
        return;
      }
      eps.removeAttribute("aria-invalid");
      emit((s) => ({ ...s, saturationEps: v }));
    });

    const formula = h("p", { class: "heatmap-formula muted" }, h("code", { text: spec ? spec.formula.text : "" }));
    formula.hidden = !spec;
    this.root.replaceChildren(
      h(
        "div",
        { class: "heatmap-toolbar", role: "group", "aria-label": "Heatmap settings" },
        h("div", { class: "param" }, h("label", { for: actId, text: "Activation" }), activation),
        ...params,
        pre,
        post,
        h("div", { class: "param" }, h("label", { for: epsId, text: "Saturation ε" }), eps),
      ),
      formula,
    );
    if (focused) {
      this.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  private colormapSelect(
    testId: string,
    label: string,
    kind: "diverging" | "sequential",
    current: string,
    set: (name: string) => void,
  ): HTMLElement {
    const id = uid("hm-cmap");
    const select = h(
      "select",
      { id, "data-testid": testId },
      ...colormapNames(kind).map((n) => h("option", { value: n, text: paletteSpec(n)?.label ?? n, selected: n === current })),
    );
    select.addEventListener("change", () => set(select.value));
    return h("div", { class: "param" }, h("label", { for: id, text: label }), select);
  }

  destroy(): void {
    this.shownKey = "";
    this.root.replaceChildren();
  }
}
