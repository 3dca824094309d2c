/**
 * "Interactions": one unit y = f(wA·A + wB·B + b) of two inputs, over a box of (A, B).
 *
 *   z = wA·A + wB·B + b,   y = f(z),   ∂y/∂A = wA·f′(z),   ∂y/∂B = wB·f′(z)   (torch's f′ at kinks).
 *
 * The classic ReLU example (wA = 2, wB = 3, b = 0): at A = 1, B = 1, z = 5 and raising A raises the output
 * (∂y/∂A = 2); at B = −100 the unit is off for every A in a modest range (z < 0, so y = 0 and ∂y/∂A = 0): whether A
 * matters depends on B. The kink lines wA·A + wB·B + b = k (one per kink k of f) show where that switch happens.
 */
import type { Params } from "../types";
import { scalarActivation } from "../stats/activation";

export interface InteractionWeights {
  readonly id: string;
  readonly params?: Params;
  readonly wA: number;
  readonly wB: number;
  readonly b: number;
}

export interface InteractionGridInput extends InteractionWeights {
  readonly aRange: readonly [number, number];
  readonly bRange: readonly [number, number];
  /** Grid points along A and B (≥ 2, ≤ 2048), end points included. */
  readonly nA: number;
  readonly nB: number;
}

/** A straight segment from (a0, b0) to (a1, b1). */
export interface Segment {
  readonly a0: number;
  readonly b0: number;
  readonly a1: number;
  readonly b1: number;
}

/** The part of the line wA·A + wB·B + b = kink inside the box, or null when it misses the box (or wA = wB = 0). */
export interface KinkLine {
  readonly kink: number;
  readonly segment: Segment | null;
}

export interface InteractionGrid {
  readonly nA: number;
  readonly nB: number;
  /** Grid coordinates: a[i] = aLo + i·(aHi − aLo)/(nA − 1), likewise b[j]. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Row-major nB × nA: index j·nA + i holds the value at (a[i], b[j]) (rows are B, columns A). */
  readonly values: Float64Array;
  /** ∂y/∂A = wA·f′(z) on the same grid. */
  readonly dA: Float64Array;
  /** ∂y/∂B = wB·f′(z) on the same grid. */
  readonly dB: Float64Array;
  readonly kinkLines: KinkLine[];
}

export interface InteractionPoint {
  readonly z: number;
  readonly value: number;
  readonly dA: number;
  readonly dB: number;
}

function checkFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) {
    throw new RangeError(`${name} must be finite (got ${v})`);
  }
}

function checkRange(name: string, r: readonly [number, number]): void {
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] > r[0])) {
    throw new RangeError(`${name} must be finite with lo < hi (got [${r[0]}, ${r[1]}])`);
  }
}

function axis(r: readonly [number, number], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = i === n - 1 ? r[1] : r[0] + ((r[1] - r[0]) * i) / (n - 1);
  }
  return out;
}

/** y, ∂y/∂A, ∂y/∂B of f(wA·A + wB·B + b) at one point. */
export function interactionAt(input: InteractionWeights & { readonly A: number; readonly B: number }): InteractionPoint {
  const { wA, wB, b, A, B } = input;
  for (const [k, v] of Object.entries({ wA, wB, b, A, B })) {
    checkFinite(k, v);
  }
  const act = scalarActivation(input.id, input.params);
  const z = wA * A + wB * B + b;
  const d = act.df(z);
  return { z, value: act.f(z), dA: wA * d, dB: wB * d };
}

/**
 * Clips the line wA·A + wB·B + c = 0 to the box [aLo, aHi] × [bLo, bHi]: the two farthest-apart intersections
 * with the box's edges, or null when there are fewer than two distinct ones (the line misses the box or only
 * touches a corner) or wA = wB = 0.
 */
export function clipLine(
  wA: number,
  wB: number,
  c: number,
  aRange: readonly [number, number],
  bRange: readonly [number, number],
): Segment | null {
  const [aLo, aHi] = aRange;
  const [bLo, bHi] = bRange;
  const pts: [number, number][] = [];
  const tolA = 1e-12 * (Math.abs(aLo) + Math.abs(aHi) + 1);
  const tolB = 1e-12 * (Math.abs(bLo) + Math.abs(bHi) + 1);
  if (wB !== 0) {
    for (const A of [aLo, aHi]) {
      const B = -(c + wA * A) / wB;
      if (B >= bLo - tolB && B <= bHi + tolB) {
        pts.push([A, Math.min(bHi, Math.max(bLo, B))]);
      }
    }
  }
  if (wA !== 0) {
    for (const B of [bLo, bHi]) {
      const A = -(c + wB * B) / wA;
      if (A >= aLo - tolA && A <= aHi + tolA) {
        pts.push([Math.min(aHi, Math.max(aLo, A)), B]);
      }
    }
  }
  let best: Segment | null = null;
  let bestLen = 0;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const len = Math.hypot(pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]);
      if (len > bestLen) {
        bestLen = len;
        best = { a0: pts[i][0], b0: pts[i][1], a1: pts[j][0], b1: pts[j][1] };
      }
    }
  }
  return bestLen > 0 ? best : null;
}

/** f(wA·A + wB·B + b) and its partial derivatives on an nA × nB grid, with the kink lines (see above). */
export function interactionGrid(input: InteractionGridInput): InteractionGrid {
  const { wA, wB, b, aRange, bRange, nA, nB } = input;
  checkFinite("wA", wA);
  checkFinite("wB", wB);
  checkFinite("b", b);
  checkRange("aRange", aRange);
  checkRange("bRange", bRange);
  for (const [name, n] of [
    ["nA", nA],
    ["nB", nB],
  ] as const) {
    if (!Number.isInteger(n) || n < 2 || n > 2048) {
      throw new RangeError(`${name} must be an integer in [2, 2048] (got ${n})`);
    }
  }
  const act = scalarActivation(input.id, input.params);
  const a = axis(aRange, nA);
  const bs = axis(bRange, nB);
  const values = new Float64Array(nA * nB);
  const dA = new Float64Array(nA * nB);
  const dB = new Float64Array(nA * nB);
  for (let j = 0, k = 0; j < nB; j++) {
    const zb = wB * bs[j] + b;
    for (let i = 0; i < nA; i++, k++) {
      const z = wA * a[i] + zb;
      const d = act.df(z);
      values[k] = act.f(z);
      dA[k] = wA * d;
      dB[k] = wB * d;
    }
  }
  const kinkLines = act.visibleKinks.map((kink) => ({ kink, segment: clipLine(wA, wB, b - kink, aRange, bRange) }));
  return { nA, nB, a, b: bs, values, dA, dB, kinkLines };
}
