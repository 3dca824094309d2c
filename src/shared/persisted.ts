/**
 * What a webview saves with setState (JSON only), so the serializer can revive the panel after a reload:
 * the state, and for heatmaps the values as base64 of their float64 bytes when they are small enough.
 */
import { dataLength, isPanelState, type PanelState } from "./protocol";

export interface PersistedState {
  state: PanelState;
  /** base64 of the float64 values (heatmaps), present only up to MAX_PERSISTED_VALUES. */
  data?: string;
}

export const MAX_PERSISTED_VALUES = 250_000;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  LOOKUP[ALPHABET.charCodeAt(i)] = i;
}

/** Standard base64 (RFC 4648, padded) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}=`;
  }
  return out;
}

/** Decodes standard padded base64; undefined for anything malformed. */
export function base64ToBytes(s: string): Uint8Array | undefined {
  if (s.length % 4 !== 0) {
    return undefined;
  }
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = s.charCodeAt(i + j);
      const isPad = c === 61 && i + j >= s.length - pad;
      const v = isPad ? 0 : c < 128 ? LOOKUP[c] : -1;
      if (v < 0) {
        return undefined;
      }
      n = (n << 6) | v;
    }
    if (o < out.length) {
      out[o++] = (n >> 16) & 255;
    }
    if (o < out.length) {
      out[o++] = (n >> 8) & 255;
    }
    if (o < out.length) {
      out[o++] = n & 255;
    }
  }
  return out;
}

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
  const bytes = base64ToBytes(data);
  if (!bytes || bytes.length !== n * 8) {
    return undefined;
  }
  return { state, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}
