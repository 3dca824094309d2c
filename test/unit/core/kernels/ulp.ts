/** Test helpers: float32 ulp distance and dense float inputs. */

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Maps a float32 to an integer that is monotone in its value (−0 and +0 map to 0 and −1... see below). */
function ordered(v: number): number {
  f32[0] = v;
  const b = i32[0];
  return b < 0 ? -(b & 0x7fffffff) : b; // −0 → 0 as +0; negatives mirrored
}

/**
 * Distance in float32 ulps between two float32 values (subnormal ulp = 2^−149): 0 when equal (NaN = NaN;
 * +0 and −0 count as equal here — signs of zero are checked bit-exactly elsewhere), Infinity when exactly
 * one is NaN.
 */
export function ulpDistance(a: number, b: number): number {
  const na = a !== a;
  const nb = b !== b;
  if (na || nb) {
    return na && nb ? 0 : Infinity;
  }
  return Math.abs(ordered(a) - ordered(b));
}

/** float32 value with the given bit pattern. */
export function fromBits(bits: number): number {
  i32[0] = bits | 0;
  return f32[0];
}

/** Edge cases: NaN, ±∞, ±0, subnormals, float32 extremes, integers and kinks around 0…7, the tanh/exp range ends. */
export const SPECIAL: readonly number[] = (() => {
  const v = [NaN, Infinity, -Infinity, 0, -0, 2 ** -149, 2 ** -140, 2 ** -126, 2 ** -127, 3.4028234663852886e38, 1e-30];
  for (const k of [0.5, 1, 2, 3, 6, 8, 10, 16, 17, 20, 40, 64, 80, 87, 88, 89, 100, 103, 104, 105, 120, 121, 700, 710, 1e6]) {
    v.push(k, Math.fround(k * (1 + 2 ** -23)), Math.fround(k * (1 - 2 ** -24)));
  }
  return [...v, ...v.map((x) => -x)].map(Math.fround);
})();

/**
 * Dense float32 inputs: every `stride`-th bit pattern across all finite float32 values of both signs (from the
 * smallest subnormal to the largest finite), a uniform grid on [−12, 12], and {@link SPECIAL}.
 */
export function denseInputs(stride: number): Float32Array {
  const out: number[] = [...SPECIAL];
  for (let b = 1; b < 0x7f800000; b += stride) {
    out.push(fromBits(b), fromBits(b | 0x80000000));
  }
  for (let i = 0; i <= 24000; i++) {
    out.push(Math.fround(-12 + i / 1000));
  }
  return Float32Array.from(out);
}

/** Every `stride`-th float32 with |x| < limit, both signs (for the WebAssembly transcendental kernels). */
export function sweepInputs(limit: number, stride: number): Float32Array {
  const out: number[] = [];
  const top = new Int32Array(new Float32Array([limit]).buffer)[0];
  for (let b = 0; b < top; b += stride) {
    out.push(fromBits(b), fromBits(b | 0x80000000));
  }
  return Float32Array.from(out);
}
