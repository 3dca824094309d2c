/**
 * Settings of the explainer views: one schema per topic (keys, kinds, defaults, bounds), reading a loose
 * `ExplainSettings` record into typed values (invalid entries fall back to the default, numbers out of bounds
 * are clamped, and every such repair is reported as a note), and the merge used when the tab changes. Pure (no
 * DOM), so it is unit-tested.
 *
 * Keys are `<topic>.<name>` (e.g. `interaction.wA`, `depth.width`), so the settings of all topics can live in
 * one record side by side: switching tabs merges the new topic's defaults under the existing entries, and
 * coming back to a tab finds its earlier values. Every topic has complete defaults, so `settings: {}` renders.
 *
 * The keys per topic (name: kind, default, bounds):
 *
 * interaction  activation: activation id, "relu" · wA: number, 2, [−10, 10] · wB: number, 3, [−10, 10] ·
 *              b: number, 0, [−50, 50] · aRange: [lo, hi], [−5, 5] · bRange: [lo, hi], [−5, 5]
 *              (ranges within [−1000, 1000], lo < hi)
 * bias         activation: activation id, "relu" · biases: number list, [−3, 0, 3, 7] (1 … 8 entries, each
 *              within [−1000, 1000]) · range: [lo, hi], [−10, 10]
 * reluSum      target: "sin" | "square" | "abs" | "step" | "selection", "sin" · units: integer, 8, [1, 64] ·
 *              kinks: number list, [] (empty = evenly spaced; otherwise one kink per unit, ≤ 64 entries)
 * depth        width: integer, 64, [2, 256] · depth: integer, 20, [1, 50] · batch: integer, 32, [1, 256] ·
 *              init: "xavier" | "kaiming" | "lecun", "xavier" · gain: "calculate_gain" | "default",
 *              "calculate_gain" · seed: integer, 0, [0, 2³¹ − 1]
 * dying        shift: number, −1, [−6, 3] · spread: number, 1, [0, 3] · sigma: number, 1, [0.05, 5] ·
 *              units: integer, 256, [1, 512] · batch: integer, 64, [1, 128] · seed: integer, 0, [0, 2³¹ − 1]
 * saturation   activation: activation id, "sigmoid" · eps: number, 0.001, [1e−12, 0.5] ·
 *              range: [lo, hi], [−10, 10]
 *
 * "activation id" means an elementwise activation of the core's registry (aliases resolve to the canonical
 * id) whose parameters all have PyTorch defaults (so `threshold`, which has none, is not offered).
 */
import { getActivation, listActivations } from "../../core/activations";
import { EXPLAIN_TOPICS, type ExplainSettings, type ExplainState, type ExplainTopic } from "../../shared/protocol";

export interface NumberField {
  readonly kind: "number";
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Round to an integer. */
  readonly integer?: boolean;
}
export interface EnumField {
  readonly kind: "enum";
  readonly default: string;
  readonly options: readonly string[];
}
export interface ActivationField {
  readonly kind: "activation";
  readonly default: string;
}
export interface ListField {
  readonly kind: "list";
  readonly default: readonly number[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly min: number;
  readonly max: number;
}
export interface RangeField {
  readonly kind: "range";
  readonly default: readonly [number, number];
  readonly min: number;
  readonly max: number;
}
export type Field = NumberField | EnumField | ActivationField | ListField | RangeField;
export type Schema = Readonly<Record<string, Field>>;

type ValueOf<F> = F extends NumberField
  ? number
  : F extends EnumField | ActivationField
    ? string
    : F extends RangeField
      ? [number, number]
      : number[];
/** The typed settings a schema reads into. */
export type Resolved<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

const SEED_MAX = 2 ** 31 - 1;

export const RELUSUM_TARGETS = ["sin", "square", "abs", "step", "selection"] as const;
export const DEPTH_INITS = ["xavier", "kaiming", "lecun"] as const;
export const DEPTH_GAINS = ["calculate_gain", "default"] as const;

export const SCHEMAS = {
  interaction: {
    activation: { kind: "activation", default: "relu" },
    wA: { kind: "number", default: 2, min: -10, max: 10 },
    wB: { kind: "number", default: 3, min: -10, max: 10 },
    b: { kind: "number", default: 0, min: -50, max: 50 },
    aRange: { kind: "range", default: [-5, 5], min: -1000, max: 1000 },
    bRange: { kind: "range", default: [-5, 5], min: -1000, max: 1000 },
  },
  bias: {
    activation: { kind: "activation", default: "relu" },
    biases: { kind: "list", default: [-3, 0, 3, 7], minLength: 1, maxLength: 8, min: -1000, max: 1000 },
    range: { kind: "range", default: [-10, 10], min: -1000, max: 1000 },
  },
  reluSum: {
    target: { kind: "enum", default: "sin", options: RELUSUM_TARGETS },
    units: { kind: "number", default: 8, min: 1, max: 64, integer: true },
    kinks: { kind: "list", default: [], minLength: 0, maxLength: 64, min: -1e6, max: 1e6 },
  },
  depth: {
    width: { kind: "number", default: 64, min: 2, max: 256, integer: true },
    depth: { kind: "number", default: 20, min: 1, max: 50, integer: true },
    batch: { kind: "number", default: 32, min: 1, max: 256, integer: true },
    init: { kind: "enum", default: "xavier", options: DEPTH_INITS },
    gain: { kind: "enum", default: "calculate_gain", options: DEPTH_GAINS },
    seed: { kind: "number", default: 0, min: 0, max: SEED_MAX, integer: true },
  },
  dying: {
    shift: { kind: "number", default: -1, min: -6, max: 3 },
    spread: { kind: "number", default: 1, min: 0, max: 3 },
    sigma: { kind: "number", default: 1, min: 0.05, max: 5 },
    units: { kind: "number", default: 256, min: 1, max: 512, integer: true },
    batch: { kind: "number", default: 64, min: 1, max: 128, integer: true },
    seed: { kind: "number", default: 0, min: 0, max: SEED_MAX, integer: true },
  },
  saturation: {
    activation: { kind: "activation", default: "sigmoid" },
    eps: { kind: "number", default: 0.001, min: 1e-12, max: 0.5 },
    range: { kind: "range", default: [-10, 10], min: -1000, max: 1000 },
  },
} as const satisfies Record<ExplainTopic, Schema>;

export type Schemas = typeof SCHEMAS;
export type TopicSettings<T extends ExplainTopic> = Resolved<Schemas[T]>;

/** The settings key of a topic's field: `<topic>.<name>`. */
export function settingKey(topic: ExplainTopic, name: string): string {
  return `${topic}.${name}`;
}

/** True for one of the six topics. */
export function isTopic(x: unknown): x is ExplainTopic {
  return typeof x === "string" && (EXPLAIN_TOPICS as readonly string[]).includes(x);
}

/**
 * Elementwise activations the explainers offer: every registry entry of kind `elementwise` whose parameters
 * all have PyTorch defaults (registry order).
 */
export function explainActivations(): { id: string; label: string }[] {
  return listActivations()
    .filter((s) => s.kind === "elementwise" && s.params.every((p) => p.default !== undefined))
    .map((s) => ({ id: s.id, label: s.label }));
}

/** The canonical id of an offered activation (aliases resolve), or undefined. */
export function offeredActivation(name: string): string | undefined {
  const spec = getActivation(name);
  if (!spec || spec.kind !== "elementwise" || !spec.params.every((p) => p.default !== undefined)) {
    return undefined;
  }
  return spec.id;
}

/** A topic's defaults as a settings record (prefixed keys). */
export function defaultSettings(topic: ExplainTopic): ExplainSettings {
  const out: ExplainSettings = {};
  for (const [name, field] of Object.entries(SCHEMAS[topic] as Schema)) {
    const d = field.default;
    out[settingKey(topic, name)] = Array.isArray(d) ? [...(d as readonly number[])] : (d as number | string);
  }
  return out;
}

/**
 * The state after choosing `topic` in the tab bar: the topic's defaults merged under the existing settings
 * (values of every topic already present are kept, so a tab shows what it showed before).
 */
export function switchTopic(state: ExplainState, topic: ExplainTopic): ExplainState {
  return { ...state, topic, settings: { ...defaultSettings(topic), ...state.settings } };
}

/** Typed settings of a topic, and a note per value that was replaced or clamped. */
export interface ReadResult<T extends ExplainTopic> {
  readonly values: TopicSettings<T>;
  readonly notes: string[];
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : typeof v === "string" ? `"${v}"` : String(v);
}

function clampNumber(v: number, f: { min: number; max: number; integer?: boolean }): number {
  const r = f.integer ? Math.round(v) : v;
  return Math.min(f.max, Math.max(f.min, r));
}

function readField(key: string, field: Field, raw: unknown, notes: string[]): unknown {
  if (raw === undefined) {
    return Array.isArray(field.default) ? [...(field.default as readonly number[])] : field.default;
  }
  const reject = (why: string) => {
    notes.push(`${key} = ${show(raw)} ignored (${why}); using ${show(field.default)}.`);
    return Array.isArray(field.default) ? [...(field.default as readonly number[])] : field.default;
  };
  switch (field.kind) {
    case "number": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) {
        return reject("not a finite number");
      }
      const v = clampNumber(raw, field);
      if (v !== raw) {
        notes.push(
          `${key} = ${show(raw)} set to ${show(v)} (allowed: ${field.integer ? "integers " : ""}${field.min} … ${field.max}).`,
        );
      }
      return v;
    }
    case "enum":
      return typeof raw === "string" && field.options.includes(raw)
        ? raw
        : reject(`one of ${field.options.join(", ")}`);
    case "activation": {
      const id = typeof raw === "string" ? offeredActivation(raw) : undefined;
      return id ?? reject("not an elementwise activation with default parameters");
    }
    case "list": {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === "number" && Number.isFinite(x))) {
        return reject("not a list of finite numbers");
      }
      if (raw.length < field.minLength || raw.length > field.maxLength) {
        return reject(`needs ${field.minLength} … ${field.maxLength} entries`);
      }
      const v = (raw as number[]).map((x) => clampNumber(x, field));
      if (v.some((x, i) => x !== raw[i])) {
        notes.push(`${key}: entries clamped to ${field.min} … ${field.max}.`);
      }
      return v;
    }
    case "range": {
      if (
        !Array.isArray(raw) ||
        raw.length !== 2 ||
        !raw.every((x) => typeof x === "number" && Number.isFinite(x)) ||
        !((raw[0] as number) < (raw[1] as number))
      ) {
        return reject("needs [lo, hi] with lo < hi");
      }
      const lo = clampNumber(raw[0] as number, field);
      const hi = clampNumber(raw[1] as number, field);
      if (!(lo < hi)) {
        return reject(`must lie within ${field.min} … ${field.max}`);
      }
      if (lo !== raw[0] || hi !== raw[1]) {
        notes.push(`${key} clamped to [${lo}, ${hi}].`);
      }
      return [lo, hi];
    }
  }
}

/** Reads a topic's settings (prefixed keys; other keys are ignored) into typed values; see the module note. */
export function readSettings<T extends ExplainTopic>(topic: T, settings: ExplainSettings): ReadResult<T> {
  const notes: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(SCHEMAS[topic] as Schema)) {
    const key = settingKey(topic, name);
    values[name] = readField(key, field, settings[key], notes);
  }
  return { values: values as TopicSettings<T>, notes };
}

/** A topic's typed values written back as prefixed settings entries (for a change to emit). */
export function writeSettings<T extends ExplainTopic>(topic: T, patch: Partial<TopicSettings<T>>): ExplainSettings {
  const out: ExplainSettings = {};
  for (const [name, v] of Object.entries(patch)) {
    if (v !== undefined) {
      out[settingKey(topic, name)] = Array.isArray(v) ? [...(v as number[])] : (v as number | string);
    }
  }
  return out;
}

/**
 * Parses a list of numbers typed by the user: separated by commas, semicolons or white space; U+2212 minus
 * accepted. Returns undefined when any entry is not a finite number or the list is empty.
 */
export function parseNumberList(text: string): number[] | undefined {
  const parts = text
    .replace(/\u2212/g, "-")
    .split(/[\s,;]+/)
    .filter((s) => s.length > 0);
  if (parts.length === 0) {
    return undefined;
  }
  const out: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v)) {
      return undefined;
    }
    out.push(v);
  }
  return out;
}
