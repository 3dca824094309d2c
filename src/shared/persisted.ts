/**
 * What a webview saves with setState (JSON only), so the serializer can revive the panel after a reload:
 * the state, and for heatmaps the values as base64 of their float64 bytes when they are small enough.
 */
import { base64Decode, base64Encode } from "../core/base64";
import { dataLength, isPanelState, type PanelState } from "./protocol";

/** The float64 values as base64 of their bytes. */
export const bytesToBase64 = base64Encode;

export interface PersistedState {
  state: PanelState;
  /** base64 of the float64 values (heatmaps), present only up to MAX_PERSISTED_VALUES. */
  data?: string;
}

export const MAX_PERSISTED_VALUES = 250_000;

/** Reads what a webview saved; undefined unless it is a valid state (with matching data for heatmaps). */
export function readPersisted(saved: unknown): { state: PanelState; data?: ArrayBuffer } | undefined {
  if (typeof saved !== "object" || saved === null) {
    return undefined;
  }
  const { state, data } = saved as Record<string, unknown>;
  if (!isPanelState(state)) {
    return undefined;
  }
  const n = dataLength(state);
  if (n === 0) {
    return { state };
  }
  if (typeof data !== "string") {
    return undefined;
  }
  const bytes = base64Decode(data);
  if (!bytes || bytes.length !== n * 8) {
    return undefined;
  }
  return { state, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}
