/**
 * Exponential linear units: elu, selu, celu.
 *
 * The negative side uses expm1 (as torch 2.x does): torch 1.13 computes exp(x) − 1, which returns 0 for
 * |x| < 1e−17 and loses digits for small negative x. Consequences, documented choices:
 * - elu(−0) = selu(−0) = celu(−0) = −0 (torch 2.x; torch 1.13 returns +0 from exp(−0) − 1);
 * - f′ at 0 takes the left (exponential) side, as torch: elu′(0) = alpha, selu′(0) = λα, celu′(0) = 1.
 */
import { defineActivation, num, paramError, type RegisteredActivation } from "./define";

/** SELU constants from Klambauer et al. (2017), as torch spells them (rounded to float64). */
export const SELU_ALPHA = 1.6732632423543772; // 1.6732632423543772848170429916717
export const SELU_SCALE = 1.0507009873554805; // 1.0507009873554804934193349852946
/** λ·α rounded as torch rounds it (alpha * scale in double), so selu′(0) matches torch bit for bit. */
const SELU_NEG = SELU_ALPHA * SELU_SCALE;

const expKinks = (): readonly number[] => [0];

export const elu: RegisteredActivation = defineActivation({
  id: "elu",
  label: "ELU",
  kind: "elementwise",
  aliases: ["ELU"],
  params: [
    {
      name: "alpha",
      kind: "number",
      default: 1,
      sliderMin: 0,
      sliderMax: 3,
      description: "Saturation value for negative inputs: elu(x) → −alpha as x → −∞.",
    },
  ],
  formula: {
    text: "elu(x) = x if x > 0, else alpha·(exp(x) − 1)",
    latex: String.raw`\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "elu′(x) = 1 if x > 0, else alpha·exp(x) (alpha at x = 0, as torch)",
    latex: String.raw`\operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}`,
  },
  range: { min: -1, max: Infinity, text: "(−alpha, ∞) = (−1, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: expKinks,
  summary:
    "Exponential linear unit: x for x > 0, alpha·(eˣ − 1) below, so negative outputs saturate smoothly at −alpha. " +
    "With the default alpha = 1 its first derivative is continuous.",
  f: (x, p) => (x > 0 ? x : num(p, "alpha") * Math.expm1(x)),
  df: (x, p) => (x !== x ? x : x > 0 ? 1 : num(p, "alpha") * Math.exp(x)),
});

export const selu: RegisteredActivation = defineActivation({
  id: "selu",
  label: "SELU",
  kind: "elementwise",
  aliases: ["SELU"],
  params: [],
  formula: {
    text: "selu(x) = λ·x if x > 0, else λ·α·(exp(x) − 1); λ ≈ 1.0507, α ≈ 1.6733",
    latex: String.raw`\operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "selu′(x) = λ if x > 0, else λ·α·exp(x) (λ·α ≈ 1.7581 at x = 0, as torch)",
    latex: String.raw`\operatorname{selu}'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}`,
  },
  range: { min: -SELU_NEG, max: Infinity, text: "(−λα, ∞) ≈ (−1.7581, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: true, sparse: false },
  gain: () => 3 / 4,
  kinks: expKinks,
  summary:
    "Scaled ELU with fixed λ ≈ 1.0507 and α ≈ 1.6733, chosen so activations of N(0, 1) inputs keep mean 0 and " +
    "variance 1 (self-normalizing networks, with LeCun-normal init).",
  f: (x) => (x > 0 ? SELU_SCALE * x : SELU_NEG * Math.expm1(x)),
  df: (x) => (x !== x ? x : x > 0 ? SELU_SCALE : SELU_NEG * Math.exp(x)),
});

export const celu: RegisteredActivation = defineActivation({
  id: "celu",
  label: "CELU",
  kind: "elementwise",
  aliases: ["CELU"],
  params: [
    {
      name: "alpha",
      kind: "number",
      default: 1,
      sliderMin: 0.1,
      sliderMax: 3,
      description: "Scale of the negative side: celu(x) → −alpha as x → −∞. Must not be 0.",
    },
  ],
  validate: (p) => {
    if (num(p, "alpha") === 0) {
      paramError("celu", "alpha", "alpha must not be 0 (celu divides by alpha)");
    }
  },
  formula: {
    text: "celu(x) = x if x > 0, else alpha·(exp(x/alpha) − 1)",
    latex: String.raw`\operatorname{celu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x/\alpha} - 1) & x \le 0 \end{cases}`,
  },
  derivativeFormula: {
    text: "celu′(x) = 1 if x > 0, else exp(x/alpha) (1 at x = 0)",
    latex: String.raw`\operatorname{celu}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}`,
  },
  range: { min: -1, max: Infinity, text: "(−alpha, ∞) = (−1, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: expKinks,
  summary:
    "Continuously differentiable ELU: x for x > 0, alpha·(e^(x/alpha) − 1) below. Its slope is 1 on both sides " +
    "of 0 for every alpha.",
  f: (x, p) => {
    const a = num(p, "alpha");
    return x > 0 ? x : a * Math.expm1(x / a);
  },
  df: (x, p) => (x !== x ? x : x > 0 ? 1 : Math.exp(x / num(p, "alpha"))),
});
