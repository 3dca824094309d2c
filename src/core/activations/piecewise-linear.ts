/**
 * Piecewise-linear activations: relu, relu6, leaky_relu, prelu, rrelu (eval), threshold, hardtanh, identity.
 *
 * Conventions shared by this file (all measured on torch 1.13, unchanged in 2.x):
 * - comparisons are written so NaN falls through to `x`, and −0 stays −0 (relu(−0) = −0, as torch; note that
 *   `Math.max(0, −0)` would give +0);
 * - f′ at a kink takes torch autograd's side: relu′(0) = 0, leaky_relu′(0) = negative_slope, hardtanh′ = 0 at
 *   both edges, threshold′(threshold) = 0;
 * - f′(NaN) = NaN (torch's autograd returns 1, 0 or the slope there, depending on its code path).
 */
import { defineActivation, num, paramError, type RegisteredActivation, type ResolvedParams } from "./define";

const noKinks = (): readonly number[] => [];

/** Slope of the negative side shared by leaky_relu, prelu and rrelu: f = x for x > 0, slope·x otherwise. */
function leaky(x: number, slope: number): number {
  return x > 0 ? x : x * slope; // x·slope keeps −0 for −0 and NaN for NaN
}

function leakyDerivative(x: number, slope: number): number {
  if (x !== x) {
    return x;
  }
  return x > 0 ? 1 : slope; // slope at 0: torch takes the left side
}

export const relu: RegisteredActivation = defineActivation({
  id: "relu",
  label: "ReLU",
  kind: "elementwise",
  aliases: ["ReLU"],
  params: [],
  formula: { text: "relu(x) = max(0, x)", latex: String.raw`\operatorname{relu}(x) = \max(0, x)` },
  derivativeFormula: {
    text: "relu′(x) = 1 if x > 0, else 0 (0 at x = 0, as torch)",
    latex: String.raw`\operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}`,
  },
  range: { min: 0, max: Infinity, text: "[0, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: false, smooth: false, saturating: true, sparse: true },
  gain: () => Math.SQRT2,
  kinks: () => [0],
  summary:
    "Rectified linear unit: max(0, x). Passes positive inputs unchanged and outputs exactly 0 for negative ones, " +
    "so its gradient is 1 or 0.",
  // x < 0 ? 0 : x rather than max(0, x): keeps NaN and −0 (NNlib does the same).
  f: (x) => (x < 0 ? 0 : x),
  df: (x) => (x !== x ? x : x > 0 ? 1 : 0),
});

export const relu6: RegisteredActivation = defineActivation({
  id: "relu6",
  label: "ReLU6",
  kind: "elementwise",
  aliases: ["ReLU6"],
  params: [],
  formula: { text: "relu6(x) = min(max(0, x), 6)", latex: String.raw`\operatorname{relu6}(x) = \min(\max(0, x), 6)` },
  derivativeFormula: {
    text: "relu6′(x) = 1 if 0 < x < 6, else 0 (0 at both kinks, as torch)",
    latex: String.raw`\operatorname{relu6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}`,
  },
  range: { min: 0, max: 6, text: "[0, 6]" },
  properties: { monotonic: true, bounded: true, zeroCentred: false, smooth: false, saturating: true, sparse: true },
  kinks: () => [0, 6],
  summary: "ReLU capped at 6: min(max(0, x), 6), i.e. hardtanh with limits 0 and 6. Used in MobileNets.",
  f: (x) => (x < 0 ? 0 : x > 6 ? 6 : x),
  df: (x) => (x !== x ? x : x > 0 && x < 6 ? 1 : 0),
});

export const leakyRelu: RegisteredActivation = defineActivation({
  id: "leaky_relu",
  label: "Leaky ReLU",
  kind: "elementwise",
  aliases: ["LeakyReLU", "leakyRelu", "leakyrelu"],
  params: [
    {
      name: "negative_slope",
      kind: "number",
      default: 0.01,
      sliderMin: 0,
      sliderMax: 1,
      description:
        "Slope for x ≤ 0 (torch 0.01; Keras layers default 0.3, keras.activations.leaky_relu and tf.nn 0.2). " +
        "Any finite value is accepted, as in torch.",
    },
  ],
  formula: {
    text: "leaky_relu(x) = x if x > 0, else negative_slope·x",
    latex: String.raw`\operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ s\,x & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "leaky_relu′(x) = 1 if x > 0, else negative_slope (negative_slope at x = 0, as torch; JAX uses 1)",
    latex: String.raw`\operatorname{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ s & x \le 0 \end{cases}`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: false, sparse: false },
  gain: (p) => Math.sqrt(2 / (1 + num(p, "negative_slope") ** 2)),
  kinks: (p) => (num(p, "negative_slope") === 1 ? [] : [0]),
  summary:
    "ReLU with a small slope for negative inputs: x for x > 0, negative_slope·x otherwise (default 0.01), so " +
    "negative units still get a gradient.",
  f: (x, p) => leaky(x, num(p, "negative_slope")),
  df: (x, p) => leakyDerivative(x, num(p, "negative_slope")),
});

export const prelu: RegisteredActivation = defineActivation({
  id: "prelu",
  label: "PReLU",
  kind: "elementwise",
  aliases: ["PReLU"],
  params: [
    {
      name: "weight",
      kind: "number",
      default: 0.25,
      sliderMin: 0,
      sliderMax: 1,
      description:
        "The learned negative slope, as one scalar (nn.PReLU initialises it to 0.25; per-channel weights are " +
        "one scalar per channel).",
    },
  ],
  formula: {
    text: "prelu(x) = x if x > 0, else weight·x",
    latex: String.raw`\operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "prelu′(x) = 1 if x > 0, else weight (weight at x = 0, as torch)",
    latex: String.raw`\operatorname{prelu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: false, sparse: false },
  kinks: (p) => (num(p, "weight") === 1 ? [] : [0]),
  summary:
    "Parametric ReLU: like leaky ReLU, but the negative slope is a learned parameter (nn.PReLU starts it at 0.25).",
  f: (x, p) => leaky(x, num(p, "weight")),
  df: (x, p) => leakyDerivative(x, num(p, "weight")),
});

/** Eval-mode rrelu slope: the mean of U(lower, upper). */
function rreluSlope(p: ResolvedParams): number {
  return (num(p, "lower") + num(p, "upper")) / 2;
}

export const rrelu: RegisteredActivation = defineActivation({
  id: "rrelu",
  label: "RReLU (eval)",
  kind: "elementwise",
  aliases: ["RReLU"],
  params: [
    {
      name: "lower",
      kind: "number",
      default: 1 / 8,
      sliderMin: 0,
      sliderMax: 1,
      description: "Lower bound of the random negative slope U(lower, upper); must be ≤ upper.",
    },
    {
      name: "upper",
      kind: "number",
      default: 1 / 3,
      sliderMin: 0,
      sliderMax: 1,
      description: "Upper bound of the random negative slope U(lower, upper).",
    },
    {
      name: "training",
      kind: "boolean",
      default: false,
      description:
        "Only eval mode (false) is supported: training mode draws a random slope per element, so it has no curve.",
    },
  ],
  validate: (p) => {
    if (!(num(p, "lower") <= num(p, "upper"))) {
      paramError("rrelu", "lower", `lower (${num(p, "lower")}) must be less than or equal to upper (${num(p, "upper")})`);
    }
    if (p["training"] !== false) {
      paramError("rrelu", "training", "training must be false (training mode draws a random slope per element)");
    }
  },
  formula: {
    text: "rrelu(x) = x if x > 0, else ((lower + upper)/2)·x  (eval mode)",
    latex: String.raw`\operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ \tfrac{l + u}{2}\,x & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "rrelu′(x) = 1 if x > 0, else (lower + upper)/2 (the slope at x = 0, as torch)",
    latex: String.raw`\operatorname{rrelu}'(x) = \begin{cases} 1 & x > 0 \\ \tfrac{l + u}{2} & x \le 0 \end{cases}`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: false, sparse: false },
  kinks: (p) => (rreluSlope(p) === 1 ? [] : [0]),
  summary:
    "Randomized leaky ReLU. In training the negative slope is drawn from U(lower, upper) per element; in eval mode " +
    "(shown here) it is the mean (lower + upper)/2 = 11/48 by default.",
  f: (x, p) => leaky(x, rreluSlope(p)),
  df: (x, p) => leakyDerivative(x, rreluSlope(p)),
});

export const threshold: RegisteredActivation = defineActivation({
  id: "threshold",
  label: "Threshold",
  kind: "elementwise",
  aliases: ["Threshold"],
  params: [
    {
      name: "threshold",
      kind: "number",
      default: undefined,
      sliderMin: -3,
      sliderMax: 3,
      description: "Inputs ≤ threshold are replaced. PyTorch requires it (no default); Activation Lens uses 0 when omitted.",
    },
    {
      name: "value",
      kind: "number",
      default: undefined,
      sliderMin: -3,
      sliderMax: 3,
      description: "The replacement value. PyTorch requires it (no default); Activation Lens uses 0 when omitted.",
    },
  ],
  fallbacks: { threshold: 0, value: 0 },
  formula: {
    text: "threshold(x) = x if x > threshold, else value",
    latex: String.raw`\operatorname{threshold}(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}`,
  },
  derivativeFormula: {
    text: "threshold′(x) = 1 if x > threshold, else 0 (0 at x = threshold, as torch)",
    latex: String.raw`\operatorname{threshold}'(x) = \begin{cases} 1 & x > \theta \\ 0 & x \le \theta \end{cases}`,
  },
  range: { min: 0, max: Infinity, text: "{value} ∪ (threshold, ∞); [0, ∞) with the fallback 0, 0" },
  properties: { monotonic: true, bounded: false, zeroCentred: false, smooth: false, saturating: true, sparse: true },
  kinks: (p) => [num(p, "threshold")],
  summary:
    "Keeps x where x > threshold (strictly) and replaces everything else by value. PyTorch has no defaults for " +
    "its two arguments; without them Activation Lens uses threshold = 0, value = 0, which is ReLU except at −0.",
  f: (x, p) => (x <= num(p, "threshold") ? num(p, "value") : x),
  df: (x, p) => (x !== x ? x : x <= num(p, "threshold") ? 0 : 1),
});

export const hardtanh: RegisteredActivation = defineActivation({
  id: "hardtanh",
  label: "Hardtanh",
  kind: "elementwise",
  aliases: ["Hardtanh", "hard_tanh"],
  params: [
    { name: "min_val", kind: "number", default: -1, sliderMin: -3, sliderMax: 0, description: "Lower limit." },
    { name: "max_val", kind: "number", default: 1, sliderMin: 0, sliderMax: 6, description: "Upper limit; must exceed min_val." },
  ],
  validate: (p) => {
    const lo = num(p, "min_val");
    const hi = num(p, "max_val");
    if (!(lo < hi)) {
      paramError("hardtanh", "min_val", `min_val (${lo}) must be less than max_val (${hi})`);
    }
  },
  formula: {
    text: "hardtanh(x) = min(max(x, min_val), max_val)",
    latex: String.raw`\operatorname{hardtanh}(x) = \min(\max(x, a), b)`,
  },
  derivativeFormula: {
    text: "hardtanh′(x) = 1 if min_val < x < max_val, else 0 (0 at both edges, as torch; JAX uses 1)",
    latex: String.raw`\operatorname{hardtanh}'(x) = \begin{cases} 1 & a < x < b \\ 0 & \text{otherwise} \end{cases}`,
  },
  range: { min: -1, max: 1, text: "[min_val, max_val] = [−1, 1]" },
  properties: { monotonic: true, bounded: true, zeroCentred: true, smooth: false, saturating: true, sparse: false },
  kinks: (p) => [num(p, "min_val"), num(p, "max_val")],
  summary:
    "Clips x to [min_val, max_val] (default [−1, 1]): a piecewise-linear stand-in for tanh, identity in between.",
  f: (x, p) => {
    const lo = num(p, "min_val");
    const hi = num(p, "max_val");
    return x < lo ? lo : x > hi ? hi : x;
  },
  df: (x, p) => (x !== x ? x : x > num(p, "min_val") && x < num(p, "max_val") ? 1 : 0),
});

export const identity: RegisteredActivation = defineActivation({
  id: "identity",
  label: "Identity",
  kind: "elementwise",
  aliases: ["Identity", "linear"],
  params: [],
  formula: { text: "identity(x) = x", latex: String.raw`\operatorname{identity}(x) = x` },
  derivativeFormula: { text: "identity′(x) = 1", latex: String.raw`\operatorname{identity}'(x) = 1` },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: true, saturating: false, sparse: false },
  gain: () => 1,
  kinks: noKinks,
  summary: "No activation: f(x) = x (nn.Identity; Keras calls it 'linear'). A stack of such layers stays linear.",
  f: (x) => x,
  df: (x) => (x !== x ? x : 1),
});
