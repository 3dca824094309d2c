/**
 * The tanh family: tanh, tanhshrink, softsign.
 *
 * - tanh′ = 1 − tanh² is computed as 4z/(1 + z)² with z = e^(−2|x|) once tanh² ≥ 1/4: torch's 1 − y² rounds to 0
 *   for |x| ≳ 19 and has few correct digits well before.
 * - tanhshrink = x − tanh x cancels for small |x| (torch returns 0 below ~1e−8 and few digits up to ~1). Here it
 *   is x·q/(1 + q) for |x| < 1, where tanh x = x/(1 + q) and q is Lambert's continued fraction
 *   x²/(3 + x²/(5 + …)), and (|x| − 1) + (1 − tanh|x|) beyond, a sum of two non-negative parts.
 *   tanhshrink′ = tanh² (torch computes 1 − (1 − tanh²), which is 0 for |x| < 1e−8).
 * - softsign′ = 1/(1 + |x|)² directly; torch's autograd subtracts two nearly equal terms for large |x|.
 *
 * Non-finite inputs give what torch gives: softsign(±∞) = NaN (∞/∞) and softsign′(±∞) = NaN.
 */
import { defineActivation, type RegisteredActivation } from "./define";
import * as DD from "./double-double";
import { productError, quotient, scaledLogisticDensity } from "./numeric";

/** 1 − tanh²(x) = sech²(x): 1 − t² while t² < 1/4 (no cancellation), else 4z/(1 + z)², z = e^(−2|x|). */
function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  if (t * t < 0.25) {
    return 1 - t * t;
  }
  return scaledLogisticDensity(Math.exp(-2 * Math.abs(x)), 4);
}

/** For |x| ≥ 1: g = 1 − tanh|x| = 2z/(1 + z), z = e^(−2|x|), with 1 + z kept exact (about 1 ulp). */
function oneMinusTanh(ax: number): number {
  const z = Math.exp(-2 * ax);
  const wh = 1 + z;
  return quotient(2 * z, wh, z - (wh - 1));
}

/** Depth of Lambert's continued fraction; enough for |x| < 1 to full double precision (measured). */
const CF_TERMS = 12;

/**
 * q with tanh x = x/(1 + q): Lambert's continued fraction q = x²/(3 + x²/(5 + x²/(7 + …))), for |x| < 1, as a
 * double-double. The tail (5 + …) is evaluated in float64 (its error reaches q damped by ≤ 1/10); the top
 * level x²/(3 + tail) in double-double.
 */
function lambertQ(x: number): DD.DD {
  const x2 = DD.twoProd(x, x);
  let tail = 0;
  for (let k = CF_TERMS; k >= 2; k--) {
    tail = x2.hi / (2 * k + 1 + tail);
  }
  return DD.div(x2, DD.twoSum(3, tail));
}

/**
 * x − tanh(x) without cancellation: x·q/(1 + q) for |x| < 1 (see {@link lambertQ}); (|x| − 1) + (1 − tanh|x|) with
 * the sign of x for |x| ≥ 1, where both parts are ≥ 0 and |x| − 1 is exact. Zero results are +0, like torch's
 * x − tanh x.
 */
function tanhshrinkValue(x: number): number {
  const ax = Math.abs(x);
  if (ax < 1) {
    const q = lambertQ(x);
    return DD.toNumber(DD.div(DD.mulNum(q, x), DD.addNum(q, 1))) + 0; // + 0 turns −0 into +0
  }
  if (!(ax < Infinity)) {
    return x - Math.tanh(x); // ±∞ and NaN
  }
  const v = ax - 1 + oneMinusTanh(ax);
  return x < 0 ? -v : v;
}

/** tanh²(x) with tanh x held as a double-double (x/(1 + q) below 1, 1 − g above), rounded once. */
function tanhSquared(x: number): number {
  const ax = Math.abs(x);
  let t: DD.DD;
  if (ax < 1) {
    t = DD.div(DD.dd(ax), DD.addNum(lambertQ(x), 1));
  } else if (ax < Infinity) {
    t = DD.twoSum(1, -oneMinusTanh(ax));
  } else {
    return ax === ax ? 1 : ax;
  }
  const sq = t.hi * t.hi;
  return sq + (productError(t.hi, t.hi, sq) + 2 * t.hi * t.lo);
}

export const tanh: RegisteredActivation = defineActivation({
  id: "tanh",
  label: "Tanh",
  kind: "elementwise",
  aliases: ["Tanh", "tanh_fast"],
  params: [],
  formula: {
    text: "tanh(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x))",
    latex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
  },
  derivativeFormula: { text: "tanh′(x) = 1 − tanh²(x)", latex: String.raw`\tanh'(x) = 1 - \tanh^2(x)` },
  range: { min: -1, max: 1, text: "(−1, 1)" },
  properties: { monotonic: true, bounded: true, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  gain: () => 5 / 3,
  kinks: () => [],
  summary:
    "Hyperbolic tangent: squashes inputs to (−1, 1) and is zero-centred, tanh(x) = 2σ(2x) − 1. Its slope is 1 at 0 " +
    "and vanishes for large |x|.",
  f: (x) => Math.tanh(x),
  df: (x) => tanhDerivative(x),
});

export const tanhshrink: RegisteredActivation = defineActivation({
  id: "tanhshrink",
  label: "Tanhshrink",
  kind: "elementwise",
  aliases: ["Tanhshrink", "tanh_shrink"],
  params: [],
  formula: { text: "tanhshrink(x) = x − tanh(x)", latex: String.raw`\operatorname{tanhshrink}(x) = x - \tanh(x)` },
  derivativeFormula: {
    text: "tanhshrink′(x) = 1 − (1 − tanh²(x)) = tanh²(x)",
    latex: String.raw`\operatorname{tanhshrink}'(x) = \tanh^2(x)`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: true, saturating: false, sparse: false },
  kinks: () => [],
  summary: "x − tanh(x): nearly flat (≈ x³/3) around 0 and close to x ∓ 1 for large |x|.",
  f: (x) => tanhshrinkValue(x),
  df: (x) => tanhSquared(x),
});

export const softsign: RegisteredActivation = defineActivation({
  id: "softsign",
  label: "Softsign",
  kind: "elementwise",
  aliases: ["Softsign", "soft_sign"],
  params: [],
  formula: { text: "softsign(x) = x / (1 + |x|)", latex: String.raw`\operatorname{softsign}(x) = \frac{x}{1 + |x|}` },
  derivativeFormula: {
    text: "softsign′(x) = 1 / (1 + |x|)²",
    latex: String.raw`\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}`,
  },
  range: { min: -1, max: 1, text: "(−1, 1)" },
  properties: { monotonic: true, bounded: true, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: () => [0],
  summary:
    "x/(1 + |x|): a tanh-like squashing to (−1, 1) that approaches its limits polynomially (like 1/x), not " +
    "exponentially. Its second derivative jumps at 0.",
  f: (x) => x / (1 + Math.abs(x)),
  df: (x) => {
    if (!Number.isFinite(x)) {
      return NaN; // torch: ∞/∞ in its autograd formula (and NaN for NaN)
    }
    if (Math.abs(x) > 1e150) {
      // (1 + |x|)² would overflow the exact square below (its error term turned NaN from ≈ 1.2e150); here
      // 1/x² is the value to far below an ulp (the relative correction 2/|x| < 1e−150), rounded twice
      const r = 1 / Math.abs(x);
      return r * r;
    }
    const w = DD.twoSum(1, Math.abs(x)); // 1/(1 + |x|)² with 1 + |x| and its square kept exact
    const sq = w.hi * w.hi;
    return quotient(1, sq, productError(w.hi, w.hi, sq) + 2 * w.hi * w.lo);
  },
});
