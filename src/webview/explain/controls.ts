/**
 * Native, labelled controls of the explainers (so keyboard-operable): a slider with a number box, a select,
 * a [lo, hi] pair of number boxes and a free-text list of numbers. Each is built once per topic and then kept
 * in step with the state by `sync` (never rebuilt while the user drags or types), and reports a committed
 * value through its callback. Sliders may be debounced (expensive topics): the number box follows the slider
 * at once, the value is committed after a pause in the input (dragging or arrow keys) or when the pointer is
 * released.
 */
import { h, uid } from "../dom";
import { parseNumberList } from "./settings";

export interface Control<T> {
  readonly element: HTMLElement;
  /** Shows `value` (without committing it). */
  sync(value: T): void;
  /** Cancels pending debounced commits and timers. */
  dispose(): void;
}

export interface SliderOptions {
  readonly testId: string;
  readonly label: string;
  readonly title?: string;
  readonly min: number;
  readonly max: number;
  /** Slider bounds when narrower than [min, max] (the number box accepts the whole range). */
  readonly sliderMin?: number;
  readonly sliderMax?: number;
  readonly step?: number;
  readonly integer?: boolean;
  /** The slider moves log10 of the value (for ε); the number box shows the value itself. */
  readonly log?: boolean;
  /** Commit slider input after this pause (ms); 0 = at once. */
  readonly debounceMs?: number;
  readonly value: number;
  readonly onCommit: (v: number) => void;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Shortest text of a number for an input box (no exponent surprises for ordinary values). */
export function boxText(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

/** A labelled slider with a number box: `data-testid` `<testId>` on the box, `<testId>-slider` on the slider. */
export function sliderControl(o: SliderOptions): Control<number> {
  const id = uid(o.testId);
  const sMin = o.sliderMin ?? o.min;
  const sMax = o.sliderMax ?? o.max;
  const toSlider = (v: number) => (o.log ? Math.log10(v) : v);
  const fromSlider = (s: number) => (o.log ? Number(Math.pow(10, s).toPrecision(3)) : s);
  const lo = toSlider(sMin);
  const hi = toSlider(sMax);
  const step = o.log ? (hi - lo) / 200 : (o.step ?? (o.integer ? 1 : (hi - lo) / 200));
  const slider = h("input", {
    type: "range",
    min: lo,
    max: hi,
    step,
    value: clamp(toSlider(o.value), lo, hi),
    "aria-label": `${o.label} slider`,
    "data-testid": `${o.testId}-slider`,
  });
  const box = h("input", {
    id,
    type: "number",
    min: o.min,
    max: o.max,
    step: o.integer ? 1 : "any",
    value: boxText(o.value),
    "data-testid": o.testId,
    title: o.title,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = o.value;
  const commit = (v: number) => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    last = v;
    o.onCommit(v);
  };
  const fix = (v: number) => clamp(o.integer ? Math.round(v) : v, o.min, o.max);
  slider.addEventListener("input", () => {
    const v = fix(fromSlider(Number(slider.value)));
    box.value = boxText(v);
    box.removeAttribute("aria-invalid");
    if (o.debounceMs) {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      timer = setTimeout(() => commit(v), o.debounceMs);
    } else {
      commit(v);
    }
  });
  // Keyboard steps fire "change" with every "input": a pending debounced commit is left to its timer (one
  // commit after the pause); releasing the pointer commits at once.
  slider.addEventListener("change", () => {
    const v = fix(fromSlider(Number(slider.value)));
    if (timer === undefined && v !== last) {
      commit(v);
    }
  });
  slider.addEventListener("pointerup", () => {
    if (timer !== undefined) {
      commit(fix(fromSlider(Number(slider.value))));
    }
  });
  box.addEventListener("change", () => {
    const raw = box.value.trim();
    const n = Number(raw);
    if (raw === "" || !Number.isFinite(n) || (o.log && !(n > 0))) {
      box.setAttribute("aria-invalid", "true");
      return;
    }
    box.removeAttribute("aria-invalid");
    const v = fix(n);
    box.value = boxText(v);
    slider.value = String(clamp(toSlider(v), lo, hi));
    commit(v);
  });
  const element = h(
    "div",
    { class: "explain-param" },
    h("label", { for: id, text: o.label, title: o.title }),
    slider,
    box,
  );
  return {
    element,
    sync(v: number) {
      last = v;
      if (timer !== undefined) {
        return; // a debounced slider move is pending: keep what the user sees
      }
      const s = String(clamp(toSlider(v), lo, hi));
      if (slider.value !== s && document.activeElement !== slider) {
        slider.value = s;
      }
      if (document.activeElement !== box && Number(box.value) !== v) {
        box.value = boxText(v);
        box.removeAttribute("aria-invalid");
      }
    },
    dispose() {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
  };
}

export interface SelectOption {
  readonly value: string;
  readonly text: string;
  readonly disabled?: boolean;
}

export interface SelectControl extends Control<string> {
  /** Replaces the options (keeps the selection when it is still offered). */
  setOptions(options: readonly SelectOption[], value: string): void;
}

/** A labelled select (`data-testid` on the select). */
export function selectControl(o: {
  testId: string;
  label: string;
  title?: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (v: string) => void;
}): SelectControl {
  const id = uid(o.testId);
  const select = h("select", { id, "data-testid": o.testId, title: o.title });
  const fill = (options: readonly SelectOption[], value: string) => {
    select.replaceChildren(
      ...options.map((op) =>
        h("option", { value: op.value, text: op.text, disabled: op.disabled === true, selected: op.value === value }),
      ),
    );
    select.value = value;
  };
  fill(o.options, o.value);
  let shown = JSON.stringify(o.options);
  select.addEventListener("change", () => o.onChange(select.value));
  return {
    element: h(
      "div",
      { class: "explain-param explain-select" },
      h("label", { for: id, text: o.label, title: o.title }),
      select,
    ),
    sync(v: string) {
      if (select.value !== v) {
        select.value = v;
      }
    },
    setOptions(options, value) {
      const key = JSON.stringify(options);
      if (key !== shown) {
        shown = key;
        fill(options, value);
      } else if (select.value !== value) {
        select.value = value;
      }
    },
    dispose() {},
  };
}

/** Two number boxes for [lo, hi] (`<testId>-min`, `<testId>-max`); commits only when lo < hi. */
export function rangeControl(o: {
  testId: string;
  label: string;
  min: number;
  max: number;
  value: readonly [number, number];
  onChange: (v: [number, number]) => void;
}): Control<readonly [number, number]> {
  const loId = uid(`${o.testId}-min`);
  const mk = (id: string | undefined, testId: string, aria: string, v: number) =>
    h("input", {
      id,
      type: "number",
      step: "any",
      min: o.min,
      max: o.max,
      value: boxText(v),
      "data-testid": testId,
      "aria-label": aria,
    });
  const lo = mk(loId, `${o.testId}-min`, `${o.label} from`, o.value[0]);
  const hi = mk(undefined, `${o.testId}-max`, `${o.label} to`, o.value[1]);
  const apply = () => {
    const a = Number(lo.value);
    const b = Number(hi.value);
    const ok =
      lo.value.trim() !== "" &&
      hi.value.trim() !== "" &&
      Number.isFinite(a) &&
      Number.isFinite(b) &&
      a < b &&
      a >= o.min &&
      b <= o.max;
    for (const el of [lo, hi]) {
      if (ok) {
        el.removeAttribute("aria-invalid");
      } else {
        el.setAttribute("aria-invalid", "true");
      }
    }
    if (ok) {
      o.onChange([a, b]);
    }
  };
  lo.addEventListener("change", apply);
  hi.addEventListener("change", apply);
  return {
    element: h(
      "div",
      { class: "explain-param explain-range" },
      h("label", { for: loId, text: o.label }),
      h("span", { class: "explain-range-boxes" }, lo, h("span", { "aria-hidden": "true", text: "to" }), hi),
    ),
    sync(v) {
      if (document.activeElement !== lo && Number(lo.value) !== v[0]) {
        lo.value = boxText(v[0]);
      }
      if (document.activeElement !== hi && Number(hi.value) !== v[1]) {
        hi.value = boxText(v[1]);
      }
    },
    dispose() {},
  };
}

/** Formats a list of numbers for the list box (ASCII, comma-separated). */
export function listText(values: readonly number[]): string {
  return values.map(boxText).join(", ");
}

/** A text box holding a list of numbers ("−3, 0, 3, 7"); commits on change when it parses and has a valid length. */
export function listControl(o: {
  testId: string;
  label: string;
  title?: string;
  value: readonly number[];
  minLength: number;
  maxLength: number;
  onChange: (v: number[]) => void;
}): Control<readonly number[]> {
  const id = uid(o.testId);
  const input = h("input", {
    id,
    type: "text",
    value: listText(o.value),
    "data-testid": o.testId,
    title: o.title,
    spellcheck: "false",
  });
  input.addEventListener("change", () => {
    const v = parseNumberList(input.value);
    if (!v || v.length < o.minLength || v.length > o.maxLength) {
      input.setAttribute("aria-invalid", "true");
      return;
    }
    input.removeAttribute("aria-invalid");
    o.onChange(v);
  });
  return {
    element: h(
      "div",
      { class: "explain-param explain-list" },
      h("label", { for: id, text: o.label, title: o.title }),
      input,
    ),
    sync(v) {
      if (document.activeElement !== input) {
        input.value = listText(v);
        input.removeAttribute("aria-invalid");
      }
    },
    dispose() {},
  };
}
