/**
 * A small seeded pseudo-random generator for the explainers' simulations: deterministic for a given seed
 * (integer arithmetic via Math.imul; the normal variates also use Math.log/sqrt/cos/sin, so bit-identical within
 * one JavaScript engine).
 *
 * - Uniform bits: xoshiro128** (Blackman & Vigna), state seeded from the 32-bit seed by splitmix32.
 * - uniform(): 53-bit doubles in [0, 1) from two outputs.
 * - normal(): Box–Muller, r = √(−2 ln(1 − u₁)), θ = 2πu₂, returning r·cos θ and then r·sin θ.
 */

export interface Rng {
  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1) variate. */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for `seed` (any number; its low 32 bits after truncation are used, so 1 and 1.5 are equal). */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed) | 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) {
    a = 1; // the all-zero state is a fixed point
  }
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  let spare = NaN;
  const normal = (): number => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { nextUint32: next, uniform, normal };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fills `out` with N(mean, std²) variates from `rng` and returns it. */
export function fillNormal(out: Float64Array, rng: Rng, mean = 0, std = 1): Float64Array {
  for (let i = 0; i < out.length; i++) {
    out[i] = mean + std * rng.normal();
  }
  return out;
}
