/**
 * Plain-JavaScript array kernels: one tight loop per activation and array type (monomorphic: V8 compiles
 * each loop for one element kind), parameters hoisted out of the loop, no allocation.
 *
 * Each loop body is the registry's scalar formula written out (see src/core/activations), so float64 results
 * are bit-identical to the scalar `f`, and float32 results are the float64 value rounded once on store
 * (0 ulp from the rounded reference). The unit tests compare every one of them with the scalar, so a change
 * of formula on either side shows up there.
 *
 * The "fast ReLU": `x < 0 ? 0 : x`. One comparison selects; V8 emits a compare and a branch-free select or a
 * well-predicted branch. It keeps NaN (NaN < 0 is false, so NaN passes through) and −0 (−0 < 0 is false), and
 * returns +0 for negatives — unlike `Math.max(0, x)`, which maps −0 to +0 and costs a call. The WebAssembly
 * kernel does the same with a mask: `x & ~(x < 0)` (see wasm/kernels.wat).
 */

/** relu(x) = x < 0 ? 0 : x. */
export function reluF32(x: Float32Array, y: Float32Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < 0 ? 0 : v;
  }
}
/** relu(x) = x < 0 ? 0 : x. */
export function reluF64(x: Float64Array, y: Float64Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < 0 ? 0 : v;
  }
}

/** leaky_relu(x) = x > 0 ? x : x·slope (the scalar's form: ±0·slope and NaN·slope as there). */
export function leakyReluF32(x: Float32Array, y: Float32Array, slope: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : v * slope;
  }
}
/** leaky_relu(x) = x > 0 ? x : x·slope. */
export function leakyReluF64(x: Float64Array, y: Float64Array, slope: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : v * slope;
  }
}

/** clamp(x) = x < lo ? lo : x > hi ? hi : x — hardtanh(min_val, max_val); relu6 = clamp(0, 6). NaN, −0 pass. */
export function clampF32(x: Float32Array, y: Float32Array, lo: number, hi: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}
/** clamp(x) = x < lo ? lo : x > hi ? hi : x. */
export function clampF64(x: Float64Array, y: Float64Array, lo: number, hi: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}

/** elu(x) = x > 0 ? x : alpha·expm1(x) (expm1 keeps tiny negative x exact; elu(−0) = alpha·(−0)). */
export function eluF32(x: Float32Array, y: Float32Array, alpha: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : alpha * Math.expm1(v);
  }
}
/** elu(x) = x > 0 ? x : alpha·expm1(x). */
export function eluF64(x: Float64Array, y: Float64Array, alpha: number): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : alpha * Math.expm1(v);
  }
}

/** tanh(x) = Math.tanh(x). */
export function tanhF32(x: Float32Array, y: Float32Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    y[i] = Math.tanh(x[i]);
  }
}
/** tanh(x) = Math.tanh(x). */
export function tanhF64(x: Float64Array, y: Float64Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    y[i] = Math.tanh(x[i]);
  }
}

/** silu(x) = x / (1 + e^−x), and x·e^x below −700 (where e^−x overflows): silu(−∞) = NaN, as torch. */
export function siluF32(x: Float32Array, y: Float32Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < -700 ? v * Math.exp(v) : v / (1 + Math.exp(-v));
  }
}
/** silu(x) = x / (1 + e^−x), and x·e^x below −700. */
export function siluF64(x: Float64Array, y: Float64Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    y[i] = v < -700 ? v * Math.exp(v) : v / (1 + Math.exp(-v));
  }
}

/** A scalar function of x and its resolved parameters. */
export type Scalar<P> = (x: number, p: P) => number;

/**
 * The generic path: the scalar `f` lifted into one typed-array loop, y[i] = f(x[i], p) with `p` resolved
 * once. Works for any array type; float32 results are the float64 value rounded once on store.
 */
export function liftF32<P>(f: Scalar<P>, p: P, x: Float32Array, y: Float32Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    y[i] = f(x[i], p);
  }
}
/** {@link liftF32} for float64 arrays. */
export function liftF64<P>(f: Scalar<P>, p: P, x: Float64Array, y: Float64Array): void {
  for (let i = 0, n = x.length; i < n; i++) {
    y[i] = f(x[i], p);
  }
}
