/**
 * The one message protocol between the extension host and the webviews (panel and side view).
 * Typed unions with string `type` tags; every message received is validated with the guards below
 * before use (a webview is untrusted input). No dependencies: imported by both sides.
 */

export type ParamValue = number | string | boolean;
export type ParamsRecord = Record<string, ParamValue>;

/** One curve to draw: an activation id (canonical) and its parameters. */
export interface CurveSpec {
  id: string;
  params: ParamsRecord;
}

/** Values to mark on the curves (from a selection). */
export interface CurveMarkers {
  values: number[];
  /** Where they came from, e.g. "selection (3 values)". */
  label: string;
}

export interface CurvesState {
  view: "curves";
  curves: CurveSpec[];
  /** x range [min, max]. */
  range: [number, number];
  layout: "side-by-side" | "stacked";
  markers?: CurveMarkers;
}

export type PanelState = CurvesState;

// ---- host -> webview ----------------------------------------------------------------------------

export interface ShowMessage {
  type: "show";
  state: PanelState;
}

export type ToWebviewMessage = ShowMessage;

// ---- webview -> host ----------------------------------------------------------------------------

export interface ReadyMessage {
  type: "ready";
}

/** The webview drew something: what, so tests and the host can know without looking at pixels. */
export interface RenderedMessage {
  type: "rendered";
  view: PanelState["view"];
  /** Canvas `data-testid`s drawn. */
  canvases: string[];
  /** Curve ids drawn, in order. */
  curves: string[];
  points: number;
}

export interface StateChangedMessage {
  type: "stateChanged";
  state: PanelState;
}

export interface ErrorMessage {
  type: "error";
  message: string;
}

export type FromWebviewMessage = ReadyMessage | RenderedMessage | StateChangedMessage | ErrorMessage;

// ---- validation ---------------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isStringArray(x: unknown, max = 1000): x is string[] {
  return Array.isArray(x) && x.length <= max && x.every((s) => typeof s === "string" && s.length <= 200);
}

export function isParamsRecord(x: unknown): x is ParamsRecord {
  if (!isRecord(x)) {
    return false;
  }
  const entries = Object.entries(x);
  return (
    entries.length <= 32 &&
    entries.every(
      ([k, v]) =>
        k.length <= 64 &&
        (typeof v === "boolean" || (typeof v === "string" && v.length <= 64) || (typeof v === "number" && !Number.isNaN(v))),
    )
  );
}

export function isCurveSpec(x: unknown): x is CurveSpec {
  return isRecord(x) && typeof x.id === "string" && x.id.length > 0 && x.id.length <= 64 && isParamsRecord(x.params);
}

function isRange(x: unknown): x is [number, number] {
  return Array.isArray(x) && x.length === 2 && isFiniteNumber(x[0]) && isFiniteNumber(x[1]) && x[0] < x[1];
}

function isMarkers(x: unknown): x is CurveMarkers {
  return (
    isRecord(x) &&
    typeof x.label === "string" &&
    Array.isArray(x.values) &&
    x.values.length <= 100_000 &&
    x.values.every((v) => typeof v === "number")
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
        (x.markers === undefined || isMarkers(x.markers))
      );
    default:
      return false;
  }
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
        (x.view === "curves") &&
        isStringArray(x.canvases, 16) &&
        isStringArray(x.curves, 16) &&
        isFiniteNumber(x.points) &&
        x.points >= 0
      );
    case "stateChanged":
      return isPanelState(x.state);
    case "error":
      return typeof x.message === "string" && x.message.length <= 2000;
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
    case "show":
      return isPanelState(x.state);
    default:
      return false;
  }
}
