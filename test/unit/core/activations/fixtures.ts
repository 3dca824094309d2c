/**
 * Loading and comparing against the reference fixtures made by scripts/gen_reference.py (torch 1.13 float64 +
 * mpmath truth). See that script for the format.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Params } from "../../../../src/core/types";

type Encoded = number | "nan" | "inf" | "-inf";

const FIXTURE_DIR = join(__dirname, "..", "..", "..", "fixtures", "reference");

export function decode(v: Encoded | null): number {
  if (v === null) {
    return NaN;
  }
  if (typeof v === "number") {
    return v;
  }
  return v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity;
}

function decodeMap(m: Record<string, Encoded> | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, v] of Object.entries(m ?? {})) {
    out.set(Number(k), decode(v));
  }
  return out;
}

export interface ElementwiseCase {
  readonly id: string;
  readonly params: Params;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly dy: readonly number[];
  /** torch's vectorised-path values where they differ from the one-element path. */
  readonly yVec: ReadonlyMap<number, number>;
  readonly dyVec: ReadonlyMap<number, number>;
  /** mpmath truth where torch is more than 1 ulp from it. */
  readonly yTrue: ReadonlyMap<number, number>;
  readonly dyTrue: ReadonlyMap<number, number>;
}

interface RawCase {
  id: string;
  params: Params;
  extra: Encoded[];
  y: Encoded[];
  dy: Encoded[];
  y_vec?: Record<string, Encoded>;
  dy_vec?: Record<string, Encoded>;
  y_true?: Record<string, Encoded>;
  dy_true?: Record<string, Encoded>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, name), "utf8")) as T;
}

let elementwise: ElementwiseCase[] | undefined;

export function elementwiseCases(): readonly ElementwiseCase[] {
  if (elementwise === undefined) {
    const raw = readJson<{ inputs: Encoded[]; cases: RawCase[] }>("activations.json");
    const inputs = raw.inputs.map(decode);
    elementwise = raw.cases.map((c) => ({
      id: c.id,
      params: c.params,
      x: [...inputs, ...c.extra.map(decode)],
      y: c.y.map(decode),
      dy: c.dy.map(decode),
      yVec: decodeMap(c.y_vec),
      dyVec: decodeMap(c.dy_vec),
      yTrue: decodeMap(c.y_true),
      dyTrue: decodeMap(c.dy_true),
    }));
  }
  return elementwise;
}

export interface VectorCase {
  readonly id: "softmax" | "log_softmax" | "glu";
  readonly name: string;
  readonly rows: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** mpmath truths (NaN where the row has non-finite entries). */
  readonly yTrue: Float64Array;
  readonly tangent: Float64Array;
  readonly jvp: Float64Array;
  readonly jvpTrue: Float64Array;
  readonly cotangent: Float64Array;
  readonly vjp: Float64Array;
  readonly vjpTrue: Float64Array;
}

export function vectorCases(): readonly VectorCase[] {
  const raw = readJson<{ cases: Record<string, unknown>[] }>("vector.json");
  const arr = (v: unknown) => Float64Array.from((v as (Encoded | null)[]).map(decode));
  return raw.cases.map((c) => ({
    id: c["id"] as VectorCase["id"],
    name: c["name"] as string,
    rows: c["rows"] as number,
    x: arr(c["x"]),
    y: arr(c["y"]),
    yTrue: arr(c["y_true"]),
    tangent: arr(c["tangent"]),
    jvp: arr(c["jvp"]),
    jvpTrue: arr(c["jvp_true"]),
    cotangent: arr(c["cotangent"]),
    vjp: arr(c["vjp"]),
    vjpTrue: arr(c["vjp_true"]),
  }));
}

export function erfReference(): { x: number[]; erf: number[]; erfc: number[] } {
  const raw = readJson<{ x: Encoded[]; erf: Encoded[]; erfc: Encoded[] }>("erf.json");
  return { x: raw.x.map(decode), erf: raw.erf.map(decode), erfc: raw.erfc.map(decode) };
}

/** Distance between adjacent float64 values at |v| (the smallest subnormal at 0). */
export function ulp(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a)) {
    return NaN;
  }
  if (a < 2 ** -1021) {
    return 2 ** -1074;
  }
  const e = Math.floor(Math.log2(a));
  // Math.log2 can be off by one right at powers of two; correct it.
  const exp = 2 ** e > a ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
  return 2 ** (exp - 52);
}

/** Same value: both NaN, or equal including the sign of zero. */
export function same(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}

/** The absolute floor of the tolerance: results below it count as equal (underflow region). */
export const ABS_FLOOR = 1e-300;

/** |a − b| ≤ n ulp(b) + 1e−300, or both NaN, or equal infinities. */
export function withinUlps(a: number, b: number, n: number): boolean {
  if (a !== a || b !== b) {
    return a !== a && b !== b;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return a === b;
  }
  return Math.abs(a - b) <= n * ulp(b) + ABS_FLOOR;
}

/** |v − truth|, with NaN or a wrong infinity counting as infinitely far. */
export function errorTo(v: number, truth: number): number {
  if (v !== v) {
    return Infinity;
  }
  if (!Number.isFinite(v) || !Number.isFinite(truth)) {
    return v === truth ? 0 : Infinity;
  }
  return Math.abs(v - truth);
}

export function show(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}
