import { getActivation, listActivations } from "../../core/activations";
import { paramsForDialect } from "../../core/dialects";
import { DIALECTS, type Dialect } from "../../core/types";
import type { ParamSpec } from "../../core/types";
import type { CurvesState, CurveSpec, ParamValue } from "../../shared/protocol";
import { h, uid } from "../dom";

/**
 * The controls above the curves: one card per activation (parameter sliders + number inputs, enum
 * selects, a remove button), "add activation", x range and layout. Every control is a native input
 * (keyboard-operable, labelled). Changes call `onChange` with the new state; the caller redraws.
 *
 * Rebuilding: while a parameter slider has the focus (dragged, or moved with the arrow keys), changes that
 * came from these controls keep the elements, so the drag goes on (a rebuild would replace the slider under
 * the pointer); otherwise the controls are rebuilt from the state and the focus returns to the same control.
 * Handlers build on the latest state, so two changes in a row both count.
 */
export class CurveControls {
  private shownKey = "";
  private current: CurvesState | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: CurvesState) => void,
  ) {}

  /** Applies a change to the latest state and reports it. */
  private emit(change: (s: CurvesState) => CurvesState): void {
    if (this.current === undefined) {
      return;
    }
    const next = change(this.current);
    this.current = next;
    this.shownKey = JSON.stringify(next);
    this.onChange(next);
  }

  render(state: CurvesState): void {
    this.current = state;
    const key = JSON.stringify(state);
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && this.root.contains(active) ? active.dataset.testid : undefined;
    if (key === this.shownKey && active instanceof HTMLInputElement && active.type === "range" && focused) {
      return;
    }
    this.shownKey = key;
    const cards = state.curves.map((c, i) => this.curveCard(state, c, i));
    const addId = uid("add");
    const add = h(
      "select",
      { id: addId, "data-testid": "add-activation", "aria-label": "Add an activation to compare" },
      h("option", { value: "", text: "Add activation…" }),
      ...listActivations()
        .filter((s) => s.kind === "elementwise")
        .map((s) => h("option", { value: s.id, text: `${s.label} (${s.id})` })),
    );
    add.disabled = state.curves.length >= 12;
    add.addEventListener("change", () => {
      const id = add.value;
      if (id) {
        // a new curve starts from the chosen framework's defaults when "Defaults as…" is set
        this.emit((s) => ({
          ...s,
          curves: [...s.curves, { id, params: s.dialect ? { ...paramsForDialect(id, s.dialect as Dialect) } : {} }],
        }));
      }
    });
    const lo = numberInput("range-min", "x from", state.range[0], 0.5);
    const hi = numberInput("range-max", "x to", state.range[1], 0.5);
    const applyRange = () => {
      const a = Number(lo.input.value);
      const b = Number(hi.input.value);
      if (Number.isFinite(a) && Number.isFinite(b) && a < b && Number.isFinite(b - a)) {
        lo.input.removeAttribute("aria-invalid");
        this.emit((s) => ({ ...s, range: [a, b] }));
      } else {
        lo.input.setAttribute("aria-invalid", "true");
      }
    };
    lo.input.addEventListener("change", applyRange);
    hi.input.addEventListener("change", applyRange);
    const layout = h(
      "select",
      { "data-testid": "layout", "aria-label": "Layout of f and f′" },
      h("option", { value: "side-by-side", text: "f and f′ side by side", selected: state.layout === "side-by-side" }),
      h("option", { value: "stacked", text: "f and f′ stacked", selected: state.layout === "stacked" }),
    );
    layout.addEventListener("change", () =>
      this.emit((s) => ({ ...s, layout: layout.value === "stacked" ? "stacked" : "side-by-side" })),
    );
    // Frameworks disagree on defaults (Keras' LeakyReLU is 0.3, torch's 0.01): start the parameters from one.
    const dialect = h(
      "select",
      { "data-testid": "dialect", "aria-label": "Parameter defaults as this framework means them" },
      h("option", { value: "", text: "Defaults as…", selected: !state.dialect }),
      ...DIALECTS.map((d) => h("option", { value: d, text: DIALECT_LABELS[d], selected: state.dialect === d })),
    );
    dialect.addEventListener("change", () => {
      const d = dialect.value as Dialect;
      if (!(DIALECTS as readonly string[]).includes(d)) {
        return;
      }
      this.emit((s) => ({ ...s, curves: s.curves.map((c) => ({ id: c.id, params: { ...paramsForDialect(c.id, d) } })), dialect: d }));
    });
    const toolbar = h("div", { class: "toolbar", role: "group", "aria-label": "Chart settings" }, add, lo.label, hi.label, layout, dialect);
    const parts: HTMLElement[] = [h("div", { class: "curve-cards" }, ...cards), toolbar];
    if (state.dialect) {
      const d = state.dialect as Dialect;
      parts.push(h("p", { class: "muted", text: `Parameter defaults as ${DIALECT_LABELS[d] ?? state.dialect} means them.` }));
    }
    this.root.replaceChildren(...parts);
    if (focused) {
      this.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  private curveCard(state: CurvesState, curve: CurveSpec, index: number): HTMLElement {
    const spec = getActivation(curve.id);
    const title = h("strong", { text: spec ? spec.label : curve.id });
    const formula = h("code", { class: "formula", text: spec ? spec.formula.text : "" });
    const remove = h("button", {
      class: "icon",
      "aria-label": `Remove ${spec?.label ?? curve.id}`,
      title: "Remove",
      text: "×",
      disabled: state.curves.length <= 1,
    });
    remove.addEventListener("click", () => this.emit((s) => ({ ...s, curves: s.curves.filter((_, i) => i !== index) })));
    const setParam = (name: string, value: ParamValue) =>
      this.emit((s) => ({
        ...s,
        curves: s.curves.map((c, i) => (i === index ? { ...c, params: { ...c.params, [name]: value } } : c)),
      }));
    const params = (spec?.params ?? []).map((p) => paramControl(p, curve.params[p.name], (v) => setParam(p.name, v), index));
    return h(
      "section",
      { class: "curve-card", "data-testid": `curve-card-${index}`, "aria-label": `${spec?.label ?? curve.id} parameters` },
      h("div", { class: "card-head" }, h("span", { class: "swatch", "data-series": index % 6 }), title, remove),
      formula,
      ...params,
    );
  }
}

const DIALECT_LABELS: Record<Dialect, string> = {
  torch: "PyTorch",
  keras2: "Keras 2 / tf.keras",
  keras3: "Keras 3",
  tf: "tf.nn",
  jax: "JAX",
  flax: "Flax",
  tfjs: "TF.js",
  flux: "Flux.jl",
};

function numberInput(testId: string, label: string, value: number, step: number) {
  const input = h("input", { type: "number", value, step, "data-testid": testId, "aria-label": label });
  return { input, label: h("label", { class: "inline" }, `${label} `, input) };
}

/** One control for one torch parameter: slider + number box for numbers, select for enums, checkbox for booleans. */
export function paramControl(p: ParamSpec, current: ParamValue | undefined, set: (v: ParamValue) => void, index: number): HTMLElement {
  const value = current ?? p.default;
  const id = uid(`p-${p.name}`);
  const testId = `param-${index}-${p.name}`;
  if (p.kind === "enum") {
    const select = h(
      "select",
      { id, "data-testid": testId },
      ...(p.options ?? []).map((o) => h("option", { value: o, text: o, selected: o === value })),
    );
    select.addEventListener("change", () => set(select.value));
    return h("div", { class: "param" }, h("label", { for: id, text: p.name, title: p.description }), select);
  }
  if (p.kind === "boolean") {
    const box = h("input", { id, type: "checkbox", "data-testid": testId, checked: value === true });
    box.addEventListener("change", () => set(box.checked));
    return h("div", { class: "param" }, h("label", { for: id, text: p.name, title: p.description }), box);
  }
  const v = typeof value === "number" ? value : 0;
  const lo = p.sliderMin ?? p.min ?? -5;
  const hi = p.sliderMax ?? p.max ?? 5;
  const step = (hi - lo) / 200;
  const slider = h("input", {
    type: "range",
    min: lo,
    max: hi,
    step,
    value: Math.min(hi, Math.max(lo, v)),
    "aria-label": `${p.name} slider`,
    "data-testid": `${testId}-slider`,
  });
  const box = h("input", { id, type: "number", value: v, step: "any", "data-testid": testId, title: p.description });
  const commit = (raw: string, from: "slider" | "box") => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      box.setAttribute("aria-invalid", "true");
      return;
    }
    box.removeAttribute("aria-invalid");
    if (from === "slider") {
      box.value = String(n);
    }
    set(n);
  };
  slider.addEventListener("input", () => commit(slider.value, "slider"));
  box.addEventListener("change", () => commit(box.value, "box"));
  const range = [p.min, p.max].some((b) => b !== undefined)
    ? ` (${p.min ?? "−∞"}${p.minExclusive ? " <" : " ≤"} ${p.name}${p.maxExclusive ? " <" : " ≤"} ${p.max ?? "∞"})`
    : "";
  return h(
    "div",
    { class: "param" },
    h("label", { for: id, text: p.name, title: `${p.description}${range}` }),
    slider,
    box,
  );
}
