/**
 * Plain-JavaScript array kernels: one tight loop per activation and array type (monomorphic: V8 compiles
 * each loop for one element kind), parameters hoisted out of the loop, no allocation.
 *
 * Each loop body is the registry's scalar formula written out (see src/core/activations), so float64 results
 * are bit-identical to the scalar `f`, and float32 results are the float64 value rounded once on store
 * (0 ulp from the rounded reference). The unit tests compare every one of them with the scalar, so a change
 * of formula on either side shows up there.
 *
 * The "fast ReLU" (reluF32/reluF64): branch-free on the bits. A compare-and-branch `x < 0 ? 0 : x` runs at
 * ~170 Melem/s on N(0, 1) data because half the branches mispredict; this runs at ~900 Melem/s. On the int32
 * view of a float32, the values relu must zero — negative numbers from −min-subnormal to −∞ — are exactly
 * the bit patterns −2147483647 ≤ b ≤ −8388608 (0x80000001…0xFF800000). −0 (0x80000000) lies below that
 * range and negative NaNs (above 0xFF800000) above it, so both pass through unchanged, as positives do:
 *   keep = (b < −2147483647) | (b > −8388608)   (comparisons → 0/1, no branch)
 *   y    = b & −keep                             (all bits or none)
 * NaN keeps its payload, −0 stays −0, negatives become +0: torch's relu and the scalar `x < 0 ? 0 : x`, bit
 * for bit. Float64 does the same on the (lo, hi) int32 words. The WebAssembly kernel does it on 4 lanes
 * with a float compare mask: `x & ~(x < 0)` (see wasm/kernels.wat).
 *
 * leaky_relu and clamp select through a two-slot scratch array indexed by a comparison (s[+(cond)]), which
 * is branch-free as well (≈ 4× the branchy loop on random signs).
 */

/** Little-endian platform (the float64 bit trick reads the high word at index 2i + 1). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** relu(x) = x < 0 ? 0 : x, branch-free on the bits (see the module comment). */
export function reluF32(x: Float32Array, y: Float32Array): void {
  const xb = new Int32Array(x.buffer, x.byteOffset, x.length);
  const yb = new Int32Array(y.buffer, y.byteOffset, y.length);
  for (let i = 0, n = xb.length; i < n; i++) {
    const b = xb[i];
    yb[i] = b & -(+(b < -2147483647) | +(b > -8388608));
  }
}

/**
 * relu(x) = x < 0 ? 0 : x on float64, branch-free on the (lo, hi) words: zero iff negative, non-zero and not NaN,
 * i.e. (hi > 0x80000000 or lo ≠ 0) and (hi < 0xFFF00000 or (hi = 0xFFF00000 and lo = 0)), as signed int32.
 */
export function reluF64(x: Float64Array, y: Float64Array): void {
  if (!LITTLE_ENDIAN) {
    for (let i = 0, n = x.length; i < n; i++) {
      const v = x[i];
      y[i] = v < 0 ? 0 : v;
    }
    return;
  }
  const xb = new Int32Array(x.buffer, x.byteOffset, 2 * x.length);
  const yb = new Int32Array(y.buffer, y.byteOffset, 2 * y.length);
  for (let i = 0, n = xb.length; i < n; i += 2) {
    const lo = xb[i];
    const hi = xb[i + 1];
    const zero = (+(hi > -2147483648) | +(lo !== 0)) & (+(hi < -1048576) | (+(hi === -1048576) & +(lo === 0)));
    const m = zero - 1; // 0 to clear, −1 to keep
    yb[i] = lo & m;
    yb[i + 1] = hi & m;
  }
}

/** Two-slot scratch for branch-free selects: s[0] = "else" value, s[1] = "then" value. */
const SEL = new Float64Array(2);

/** leaky_relu(x) = x > 0 ? x : x·slope (the scalar's form: ±0·slope and NaN·slope as there). */
export function leakyReluF32(x: Float32Array, y: Float32Array, slope: number): void {
  const s = SEL;
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    s[0] = v * slope;
    s[1] = v;
    y[i] = s[+(v > 0)];
  }
}
/** leaky_relu(x) = x > 0 ? x : x·slope. */
export function leakyReluF64(x: Float64Array, y: Float64Array, slope: number): void {
  const s = SEL;
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    s[0] = v * slope;
    s[1] = v;
    y[i] = s[+(v > 0)];
  }
}

/** clamp(x) = x < lo ? lo : x > hi ? hi : x — hardtanh(min_val, max_val); relu6 = clamp(0, 6). NaN, −0 pass. */
export function clampF32(x: Float32Array, y: Float32Array, lo: number, hi: number): void {
  const s = SEL;
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    s[0] = v;
    s[1] = hi;
    s[0] = s[+(v > hi)];
    s[1] = lo;
    y[i] = s[+(v < lo)];
  }
}
/** clamp(x) = x < lo ? lo : x > hi ? hi : x. */
export function clampF64(x: Float64Array, y: Float64Array, lo: number, hi: number): void {
  const s = SEL;
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    s[0] = v;
    s[1] = hi;
    s[0] = s[+(v > hi)];
    s[1] = lo;
    y[i] = s[+(v < lo)];
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
