/**
 * The logistic family: sigmoid, logsigmoid, softplus, silu, mish.
 *
 * Stable forms (torch's own float64 formulas lose digits where noted; the tests then compare with the true
 * value instead of torch):
 * - σ(x) via z = e^(−|x|) with 1 + z kept exact (numeric.ts): never overflows, keeps subnormal results;
 * - σ′ = z/(1 + z)² rather than torch's y(1 − y), which is 0 or garbage once y rounds to 1 (x ≳ 37);
 * - softplus with log1p and torch's threshold switch; logsigmoid = min(x, 0) − log1p(e^(−|x|)) (torch's form);
 * - silu(x) = x/(1 + e^(−x)) as torch (and x·eˣ below −700, where e^(−x) overflows);
 * - mish through n = eˣ(eˣ + 2): tanh(softplus(x)) = n / (n + 2), with 1 − tanh² = (2(1 + eˣ)/(n + 2))².
 *
 * Non-finite inputs give what torch gives: silu(−∞) = mish(−∞) = NaN, silu′(±∞) = mish′(±∞) = NaN (∞·0).
 */
import { defineActivation, num, type RegisteredActivation } from "./define";
import * as DD from "./double-double";
import { sigmoid as logistic, sigmoidDerivative, softplusStable } from "./numeric";

/**
 * Below 0, silu′ = σ(x)(1 + x·σ(−x)) and mish′ = t + x·σ(x)·sech²(sp x) subtract nearly equal terms (both cross
 * zero near x ≈ −1.2, and lose a few bits on the whole negative side), so there they are evaluated in
 * double-double arithmetic and rounded once. Far left (x < −40) the terms no longer cancel.
 */
const CANCELLING_BAND = -40;

export const sigmoid: RegisteredActivation = defineActivation({
  id: "sigmoid",
  label: "Sigmoid",
  kind: "elementwise",
  aliases: ["Sigmoid", "logistic", "σ", "expit", "sigmoid_fast"],
  params: [],
  formula: { text: "sigmoid(x) = 1 / (1 + exp(−x))", latex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}` },
  derivativeFormula: {
    text: "sigmoid′(x) = σ(x)·(1 − σ(x)), at most 1/4 (at x = 0)",
    latex: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)`,
  },
  range: { min: 0, max: 1, text: "(0, 1)" },
  properties: { monotonic: true, bounded: true, zeroCentred: false, smooth: true, saturating: true, sparse: false },
  gain: () => 1,
  kinks: () => [],
  summary:
    "Logistic function 1/(1 + e^(−x)): squashes inputs to (0, 1), σ(0) = 0.5. Its slope is at most 0.25, so deep " +
    "stacks of sigmoids shrink gradients.",
  f: (x) => logistic(x),
  df: (x) => sigmoidDerivative(x),
});

export const logsigmoid: RegisteredActivation = defineActivation({
  id: "logsigmoid",
  label: "LogSigmoid",
  kind: "elementwise",
  aliases: ["LogSigmoid", "log_sigmoid", "logσ"],
  params: [],
  formula: {
    text: "logsigmoid(x) = log(1 / (1 + exp(−x))) = −softplus(−x)",
    latex: String.raw`\log\sigma(x) = -\log\bigl(1 + e^{-x}\bigr)`,
  },
  derivativeFormula: {
    text: "logsigmoid′(x) = 1 − σ(x) = σ(−x)",
    latex: String.raw`(\log\sigma)'(x) = 1 - \sigma(x) = \sigma(-x)`,
  },
  range: { min: -Infinity, max: 0, text: "(−∞, 0)" },
  properties: { monotonic: true, bounded: false, zeroCentred: false, smooth: true, saturating: true, sparse: false },
  kinks: () => [],
  summary:
    "Logarithm of the sigmoid, −log(1 + e^(−x)), computed without overflow: ≈ x for very negative x and → 0 from " +
    "below for large x. Used for log-probabilities.",
  // min(x, 0) − log1p(e^(−|x|)): both parts are exact or one rounding, and nothing overflows.
  f: (x) => Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))),
  df: (x) => logistic(-x),
});

export const softplus: RegisteredActivation = defineActivation({
  id: "softplus",
  label: "Softplus",
  kind: "elementwise",
  aliases: ["Softplus"],
  params: [
    {
      name: "beta",
      kind: "number",
      default: 1,
      min: 0,
      minExclusive: true,
      sliderMin: 0.1,
      sliderMax: 10,
      description: "Sharpness: softplus(x) = log(1 + exp(beta·x))/beta approaches relu(x) as beta grows. Must be > 0.",
    },
    {
      name: "threshold",
      kind: "number",
      default: 20,
      sliderMin: 1,
      sliderMax: 40,
      description:
        "Where beta·x > threshold torch returns x itself (a numerical shortcut: the jump there is at most " +
        "e^(−threshold)/beta).",
    },
  ],
  formula: {
    text: "softplus(x) = log(1 + exp(beta·x)) / beta, and x where beta·x > threshold",
    latex: String.raw`\operatorname{softplus}(x) = \begin{cases} \frac{1}{\beta}\log\bigl(1 + e^{\beta x}\bigr) & \beta x \le t \\ x & \beta x > t \end{cases}`,
  },
  derivativeFormula: {
    text: "softplus′(x) = σ(beta·x), and 1 where beta·x > threshold",
    latex: String.raw`\operatorname{softplus}'(x) = \begin{cases} \sigma(\beta x) & \beta x \le t \\ 1 & \beta x > t \end{cases}`,
  },
  range: { min: 0, max: Infinity, text: "(0, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: false, smooth: true, saturating: true, sparse: false },
  kinks: (p) => [num(p, "threshold") / num(p, "beta")],
  summary:
    "Smooth approximation of ReLU: log(1 + e^(beta·x))/beta, always positive, with derivative σ(beta·x). torch " +
    "switches to x itself where beta·x > threshold (20).",
  f: (x, p) => {
    const beta = num(p, "beta");
    const z = x * beta;
    return z > num(p, "threshold") ? x : softplusStable(z) / beta;
  },
  df: (x, p) => {
    const z = x * num(p, "beta");
    return z > num(p, "threshold") ? 1 : logistic(z);
  },
});

export const silu: RegisteredActivation = defineActivation({
  id: "silu",
  label: "SiLU (Swish)",
  kind: "elementwise",
  aliases: ["SiLU", "swish"],
  params: [],
  formula: { text: "silu(x) = x·σ(x) = x / (1 + exp(−x))", latex: String.raw`\operatorname{silu}(x) = x\,\sigma(x)` },
  derivativeFormula: {
    text: "silu′(x) = σ(x)·(1 + x·(1 − σ(x)))",
    latex: String.raw`\operatorname{silu}'(x) = \sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)`,
  },
  range: { min: -0.2784645427610738, max: Infinity, text: "[≈ −0.27846, ∞)" },
  properties: { monotonic: false, bounded: false, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: () => [],
  summary:
    "Sigmoid-weighted linear unit (Swish with β = 1): x·σ(x). Smooth and non-monotonic, with a minimum of ≈ −0.278 " +
    "at x ≈ −1.28.",
  // x/(1 + e^(−x)) as torch, except far left where e^(−x) overflows although x·eˣ is still representable.
  f: (x) => (x < -700 ? x * Math.exp(x) : x / (1 + Math.exp(-x))),
  df: (x) => {
    if (x < 0 && x > CANCELLING_BAND) {
      const { s, c } = DD.logisticPair(DD.dd(x));
      return DD.toNumber(DD.mul(s, DD.addNum(DD.mulNum(c, x), 1)));
    }
    return siluDerivativeQuick(x);
  },
  dfQuick: (x) => siluDerivativeQuick(x),
});

/** silu′ in plain float64: σ(x)(1 + x·σ(−x)). Exact enough outside the cancelling band, and within 1e−15 inside. */
function siluDerivativeQuick(x: number): number {
  return logistic(x) * (1 + x * logistic(-x));
}

export const mish: RegisteredActivation = defineActivation({
  id: "mish",
  label: "Mish",
  kind: "elementwise",
  aliases: ["Mish"],
  params: [],
  formula: {
    text: "mish(x) = x·tanh(softplus(x)) = x·tanh(log(1 + exp(x)))",
    latex: String.raw`\operatorname{mish}(x) = x \tanh\bigl(\log(1 + e^{x})\bigr)`,
  },
  derivativeFormula: {
    text: "mish′(x) = tanh(sp(x)) + x·σ(x)·(1 − tanh²(sp(x))), sp = softplus",
    latex: String.raw`\operatorname{mish}'(x) = \tanh(\operatorname{sp} x) + x\,\sigma(x)\,\operatorname{sech}^2(\operatorname{sp} x)`,
  },
  range: { min: -0.30884341301725043, max: Infinity, text: "[≈ −0.30884, ∞)" },
  properties: { monotonic: false, bounded: false, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: () => [],
  summary:
    "Self-regularized non-monotonic activation x·tanh(softplus(x)) (Misra 2019): smooth, like SiLU but with a " +
    "slightly deeper minimum (≈ −0.309 at x ≈ −1.19).",
  f: (x) => x * mishTanh(x),
  df: (x) => {
    // double-double also right of 0: there nothing cancels, but the plain formula's five roundings reached 3 ulp
    if (x > CANCELLING_BAND && x < -CANCELLING_BAND) {
      return mishDerivativeDD(x);
    }
    const t = mishTanh(x);
    const r = mishSech(x);
    return t + x * logistic(x) * (r * r);
  },
  dfQuick: (x) => {
    // the same formula with tanh(softplus x) in plain float64 (mishTanh takes double-double for x ≤ 0)
    let t: number;
    if (x > 0) {
      const m = Math.exp(-x);
      t = (1 + 2 * m) / (1 + 2 * m * (1 + m));
    } else {
      const e = Math.exp(x);
      const n = e * (e + 2);
      t = n / (n + 2);
    }
    const r = mishSech(x);
    return t + x * logistic(x) * (r * r);
  },
});

/**
 * tanh(softplus(x)) = n/(n + 2) with n = eˣ(eˣ + 2) (double-double for x ≤ 0, where n is small and every rounding
 * counts); for x > 0 in terms of m = e^(−x): (1 + 2m)/(1 + 2m + 2m²).
 */
function mishTanh(x: number): number {
  if (x > 0) {
    const m = Math.exp(-x);
    return (1 + 2 * m) / (1 + 2 * m * (1 + m));
  }
  const e = Math.exp(x);
  if (e === 0 || e !== e) {
    return e;
  }
  const n = DD.mul(DD.dd(e), DD.addNum(DD.dd(e), 2));
  return DD.toNumber(DD.div(n, DD.addNum(n, 2)));
}

/** mish′ for x < 0 in double-double: t + x·σ(x)·sech², with e = eˣ, n = e(e + 2), sech = 2(1 + e)/(n + 2). */
function mishDerivativeDD(x: number): number {
  const e = DD.exp(DD.dd(x));
  const onePlusE = DD.addNum(e, 1);
  const n = DD.mul(e, DD.addNum(e, 2));
  const nPlus2 = DD.addNum(n, 2);
  const t = DD.div(n, nPlus2);
  const sech = DD.div(DD.mulNum(onePlusE, 2), nPlus2);
  const sigma = DD.div(e, onePlusE);
  return DD.toNumber(DD.add(t, DD.mulNum(DD.mul(sigma, DD.mul(sech, sech)), x)));
}

/** sech(softplus(x)) = 2(1 + eˣ)/(n + 2); for x > 0: 2m(1 + m)/(1 + 2m + 2m²). */
function mishSech(x: number): number {
  if (x > 0) {
    const m = Math.exp(-x);
    return (2 * m * (1 + m)) / (1 + 2 * m * (1 + m));
  }
  const e = Math.exp(x);
  return (2 * (1 + e)) / (e * (e + 2) + 2);
}
