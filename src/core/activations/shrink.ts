/**
 * Shrinkage: softshrink and hardshrink (tanhshrink lives with tanh in hyperbolic.ts).
 *
 * Both return +0 on [−lambd, lambd] (also for x = −0) and have f′ = 0 at x = ±lambd, as torch.
 * softshrink(NaN) = NaN: torch 1.13 returns 0 there (its comparisons send NaN to the zero branch), which we
 * treat as a bug rather than a convention; every other activation propagates NaN.
 */
import { defineActivation, num, type RegisteredActivation, type ResolvedParams } from "./define";

const lambdParam = (what: string) =>
  ({
    name: "lambd",
    kind: "number",
    default: 0.5,
    min: 0,
    sliderMin: 0,
    sliderMax: 3,
    description: `Half-width of the dead zone [−lambd, lambd]; ${what}`,
  }) as const;

/** ±lambd; for lambd = 0 both are the identity except f′(0) = 0, so 0 is still listed. */
const shrinkKinks = (p: ResolvedParams): readonly number[] => {
  const l = num(p, "lambd");
  return l === 0 ? [0] : [-l, l];
};

export const softshrink: RegisteredActivation = defineActivation({
  id: "softshrink",
  label: "Softshrink",
  kind: "elementwise",
  aliases: ["Softshrink", "soft_shrink"],
  params: [lambdParam("must be ≥ 0 (torch checks this).")],
  formula: {
    text: "softshrink(x) = x − lambd if x > lambd, x + lambd if x < −lambd, else 0",
    latex: String.raw`\operatorname{softshrink}(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}`,
  },
  derivativeFormula: {
    text: "softshrink′(x) = 1 if |x| > lambd, else 0 (0 at ±lambd, as torch)",
    latex: String.raw`\operatorname{softshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: false, sparse: true },
  kinks: shrinkKinks,
  summary:
    "Soft thresholding: zero on [−lambd, lambd] and shifted towards 0 by lambd outside (the proximal operator of " +
    "the L1 norm), so small inputs become exact zeros.",
  f: (x, p) => {
    const l = num(p, "lambd");
    return x > l ? x - l : x < -l ? x + l : x !== x ? x : 0;
  },
  df: (x, p) => {
    const l = num(p, "lambd");
    return x !== x ? x : x > l || x < -l ? 1 : 0;
  },
});

export const hardshrink: RegisteredActivation = defineActivation({
  id: "hardshrink",
  label: "Hardshrink",
  kind: "elementwise",
  aliases: ["Hardshrink", "hard_shrink"],
  params: [lambdParam("must be ≥ 0 (torch does not check; a negative lambd would make it the identity).")],
  formula: {
    text: "hardshrink(x) = x if |x| > lambd, else 0",
    latex: String.raw`\operatorname{hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}`,
  },
  derivativeFormula: {
    text: "hardshrink′(x) = 1 if |x| > lambd, else 0 (0 at ±lambd, as torch)",
    latex: String.raw`\operatorname{hardshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, −lambd) ∪ {0} ∪ (lambd, ∞)" },
  properties: { monotonic: true, bounded: false, zeroCentred: true, smooth: false, saturating: false, sparse: true },
  kinks: shrinkKinks,
  summary:
    "Hard thresholding: x where |x| > lambd, exactly 0 on [−lambd, lambd] (including at ±lambd). Discontinuous at " +
    "±lambd for lambd > 0.",
  f: (x, p) => {
    const l = num(p, "lambd");
    return x >= -l && x <= l ? 0 : x;
  },
  df: (x, p) => {
    const l = num(p, "lambd");
    return x !== x ? x : x >= -l && x <= l ? 0 : 1;
  },
});
