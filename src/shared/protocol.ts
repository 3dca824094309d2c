/**
 * The one message protocol between the extension host and the webviews (panel and side view).
 * Typed unions with string `type` tags; every message received is validated with the guards below
 * before use (a webview is untrusted input). No dependencies: imported by both sides.
 *
 * Large numeric data (a selected tensor) crosses as an ArrayBuffer of float64 values beside the state,
 * never as a JSON array.
 */

import { isRecord } from "./guards";

export type ParamValue = number | string | boolean;
export type ParamsRecord = Record<string, ParamValue>;

/** Where a webview lives: the editor-area panel or the side-bar view. */
export type Surface = "panel" | "side";

/** One curve to draw: an activation id (canonical) and its parameters (torch names). */
export interface CurveSpec {
  id: string;
  params: ParamsRecord;
}

/** Values to mark on the curves (from a selection). */
export interface CurveMarkers {
  /** Finite values only: messages are JSON, where NaN and ±∞ would arrive as null. */
  values: number[];
  /** Where they came from, e.g. "tensors.txt:12–14 (9 values)". */
  label: string;
}

export interface CurvesState {
  view: "curves";
  curves: CurveSpec[];
  /** x range [min, max]. */
  range: [number, number];
  layout: "side-by-side" | "stacked";
  /** Framework whose defaults the parameter controls start from (information for the user). */
  dialect?: string;
  markers?: CurveMarkers;
  /** A line shown above the charts, e.g. "nn.LeakyReLU(0.2) at model.py:12". */
  caption?: string;
}

export interface HeatmapState {
  view: "heatmap";
  /** Rows × units after flattening (1-D = one row; leading dims flattened into rows). */
  rows: number;
  units: number;
  /** The shape as parsed, e.g. [2, 3, 4]. */
  shape: number[];
  /** e.g. "tensors.txt:5–12, numpy repr". */
  source: string;
  /** Human note about flattening, pooling or dropped values. */
  note?: string;
  activation: CurveSpec;
  colormaps: { pre: string; post: string };
  columnLabels?: string[];
  /** Saturation threshold |f′| < eps. */
  saturationEps: number;
  /** What a pixel shows where the matrix is pooled to the canvas: its block's most extreme value (default) or mean. */
  pooling?: "extreme" | "mean";
}

/** The explainers: each makes one idea behind ReLU visible (issue #6). */
export const EXPLAIN_TOPICS = ["interaction", "bias", "reluSum", "depth", "dying", "saturation"] as const;
export type ExplainTopic = (typeof EXPLAIN_TOPICS)[number];

/** Explainer settings: slider values, choices, kink positions… (validated loosely here, strictly by the view). */
export type ExplainSettings = Record<string, number | string | boolean | number[]>;

export interface ExplainState {
  view: "explain";
  topic: ExplainTopic;
  settings: ExplainSettings;
  /** When the user's own values came along (sent as `data`): rows × units and where from. */
  selection?: { rows: number; units: number; label: string };
}

export type PanelState = CurvesState | HeatmapState | ExplainState;

// ---- host -> webview ----------------------------------------------------------------------------

export interface ShowMessage {
  type: "show";
  state: PanelState;
  /** Heatmaps: the row-major pre-activation values as float64 (length rows × units). */
  data?: ArrayBuffer;
}

/** Asks the webview for its current picture and data (answered with `exported`). */
export interface ExportRequestMessage {
  type: "exportRequest";
  requestId: number;
}

/** The side view shows a short message instead of a picture (nothing to follow at the cursor). */
export interface IdleMessage {
  type: "idle";
  message: string;
}

export type ToWebviewMessage = ShowMessage | ExportRequestMessage | IdleMessage;

// ---- webview -> host ----------------------------------------------------------------------------

export interface ReadyMessage {
  type: "ready";
}

/** Figures a view computed, reported so tests (and the host) can check them without pixels. */
export type RenderSummary = Record<string, number | string | boolean | number[]>;

/** The webview drew something: what, so tests and the host can know without looking at pixels. */
export interface RenderedMessage {
  type: "rendered";
  view: PanelState["view"];
  /** Canvas `data-testid`s drawn. */
  canvases: string[];
  /** Activation ids drawn, in order. */
  curves: string[];
  /** Parameters of each curve, in the same order. */
  params: ParamsRecord[];
  points: number;
  summary: RenderSummary;
}

export interface StateChangedMessage {
  type: "stateChanged";
  state: PanelState;
}

export interface ErrorMessage {
  type: "error";
  message: string;
}

export interface ExportedMessage {
  type: "exported";
  requestId: number;
  /** PNG as a data URL of the main figure (both canvases side by side). */
  png: string;
  /** The data behind the picture as CSV. */
  csv: string;
  /** A file name stem, e.g. "heatmap-relu". */
  name: string;
}

/** The webview could not answer an export request (nothing drawn, or the picture/data too large). */
export interface ExportFailedMessage {
  type: "exportFailed";
  requestId: number;
  message: string;
}

export type FromWebviewMessage =
  | ReadyMessage
  | RenderedMessage
  | StateChangedMessage
  | ErrorMessage
  | ExportedMessage
  | ExportFailedMessage;

// ---- validation ---------------------------------------------------------------------------------

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isString(x: unknown, max = 200): x is string {
  return typeof x === "string" && x.length <= max;
}

function isStringArray(x: unknown, max = 1000): x is string[] {
  return Array.isArray(x) && x.length <= max && x.every((s) => isString(s));
}

function isPositiveInt(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x > 0;
}

/** Limits of a flat record of scalars (params, explainer settings, render summaries). */
interface FlatRecordLimits {
  maxEntries: number;
  maxString: number;
  /** Longest number array allowed; 0 = no arrays. */
  maxArray: number;
  /** Whether a number value may be NaN. */
  allowNaN: boolean;
  /** Whether array elements must be finite. */
  finiteArrays: boolean;
}

/** A record of numbers, booleans, short strings and (if allowed) number arrays, keys ≤ 64 characters. */
function isFlatRecord(x: unknown, lim: FlatRecordLimits): boolean {
  if (!isRecord(x)) {
    return false;
  }
  const entries = Object.entries(x);
  return (
    entries.length <= lim.maxEntries &&
    entries.every(
      ([k, v]) =>
        k.length <= 64 &&
        ((typeof v === "number" && (lim.allowNaN || !Number.isNaN(v))) ||
          typeof v === "boolean" ||
          isString(v, lim.maxString) ||
          (lim.maxArray > 0 &&
            Array.isArray(v) &&
            v.length <= lim.maxArray &&
            v.every((n) => typeof n === "number" && (!lim.finiteArrays || Number.isFinite(n))))),
    )
  );
}

export function isParamsRecord(x: unknown): x is ParamsRecord {
  return isFlatRecord(x, { maxEntries: 32, maxString: 64, maxArray: 0, allowNaN: false, finiteArrays: true });
}

export function isCurveSpec(x: unknown): x is CurveSpec {
  return isRecord(x) && isString(x.id, 64) && x.id.length > 0 && isParamsRecord(x.params);
}

function isRange(x: unknown): x is [number, number] {
  // a finite width too: sampling across [−1e308, 1e308] would overflow hi − lo
  return Array.isArray(x) && x.length === 2 && isFiniteNumber(x[0]) && isFiniteNumber(x[1]) && x[0] < x[1] && isFiniteNumber(x[1] - x[0]);
}

function isMarkers(x: unknown): x is CurveMarkers {
  return (
    isRecord(x) &&
    isString(x.label) &&
    Array.isArray(x.values) &&
    x.values.length <= 100_000 &&
    x.values.every(isFiniteNumber)
  );
}

/** Largest heatmap the protocol carries (the host enforces the user's smaller setting first). */
export const MAX_HEATMAP_VALUES = 25_000_000;

function isHeatmapState(x: Record<string, unknown>): boolean {
  return (
    isPositiveInt(x.rows) &&
    isPositiveInt(x.units) &&
    (x.rows as number) * (x.units as number) <= MAX_HEATMAP_VALUES &&
    Array.isArray(x.shape) &&
    x.shape.length <= 32 &&
    x.shape.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 0) &&
    isString(x.source, 500) &&
    (x.note === undefined || isString(x.note, 1000)) &&
    isCurveSpec(x.activation) &&
    isRecord(x.colormaps) &&
    isString(x.colormaps.pre, 40) &&
    isString(x.colormaps.post, 40) &&
    (x.columnLabels === undefined || isStringArray(x.columnLabels, 100_000)) &&
    isFiniteNumber(x.saturationEps) &&
    x.saturationEps > 0 &&
    (x.pooling === undefined || x.pooling === "extreme" || x.pooling === "mean")
  );
}

export function isPanelState(x: unknown): x is PanelState {
  if (!isRecord(x)) {
    return false;
  }
  switch (x.view) {
    case "curves":
      return (
        Array.isArray(x.curves) &&
        x.curves.length >= 1 &&
        x.curves.length <= 12 &&
        x.curves.every(isCurveSpec) &&
        isRange(x.range) &&
        (x.layout === "side-by-side" || x.layout === "stacked") &&
        (x.dialect === undefined || isString(x.dialect, 20)) &&
        (x.caption === undefined || isString(x.caption, 500)) &&
        (x.markers === undefined || isMarkers(x.markers))
      );
    case "heatmap":
      return isHeatmapState(x);
    case "explain":
      return (
        typeof x.topic === "string" &&
        (EXPLAIN_TOPICS as readonly string[]).includes(x.topic) &&
        isSettings(x.settings) &&
        (x.selection === undefined ||
          (isRecord(x.selection) &&
            isPositiveInt(x.selection.rows) &&
            isPositiveInt(x.selection.units) &&
            (x.selection.rows as number) * (x.selection.units as number) <= MAX_HEATMAP_VALUES &&
            isString(x.selection.label, 500)))
      );
    default:
      return false;
  }
}

function isSettings(x: unknown): x is ExplainSettings {
  return isFlatRecord(x, { maxEntries: 64, maxString: 200, maxArray: 1000, allowNaN: false, finiteArrays: true });
}

/** Number of float64 values a state carries alongside it (0 when none). */
export function dataLength(state: PanelState): number {
  if (state.view === "heatmap") {
    return state.rows * state.units;
  }
  if (state.view === "explain" && state.selection) {
    return state.selection.rows * state.selection.units;
  }
  return 0;
}

function isSummary(x: unknown): x is RenderSummary {
  return isFlatRecord(x, { maxEntries: 64, maxString: 2000, maxArray: 10_000, allowNaN: true, finiteArrays: false });
}

/** Validates a message received from a webview. Anything else is rejected (and reported by the host). */
export function isFromWebviewMessage(x: unknown): x is FromWebviewMessage {
  if (!isRecord(x) || typeof x.type !== "string") {
    return false;
  }
  switch (x.type) {
    case "ready":
      return true;
    case "rendered":
      return (
        (x.view === "curves" || x.view === "heatmap" || x.view === "explain") &&
        isStringArray(x.canvases, 16) &&
        isStringArray(x.curves, 16) &&
        Array.isArray(x.params) &&
        x.params.length === (x.curves as unknown[]).length &&
        x.params.every(isParamsRecord) &&
        isFiniteNumber(x.points) &&
        x.points >= 0 &&
        isSummary(x.summary)
      );
    case "stateChanged":
      return isPanelState(x.state);
    case "error":
      return isString(x.message, 2000);
    case "exportFailed":
      return isPositiveInt(x.requestId) && isString(x.message, 2000);
    case "exported":
      return (
        isPositiveInt(x.requestId) &&
        isString(x.png, 50_000_000) &&
        x.png.startsWith("data:image/png;base64,") &&
        isString(x.csv, 500_000_000) &&
        isString(x.name, 100) &&
        /^[\w.-]+$/.test(x.name)
      );
    default:
      return false;
  }
}

/** Validates a message received by a webview from the host. */
export function isToWebviewMessage(x: unknown): x is ToWebviewMessage {
  if (!isRecord(x) || typeof x.type !== "string") {
    return false;
  }
  switch (x.type) {
    case "show": {
      if (!isPanelState(x.state)) {
        return false;
      }
      const n = dataLength(x.state);
      if (n > 0) {
        return x.data instanceof ArrayBuffer && x.data.byteLength === n * 8;
      }
      return x.data === undefined;
    }
    case "exportRequest":
      return isPositiveInt(x.requestId);
    case "idle":
      return isString(x.message, 1000);
    default:
      return false;
  }
}
