/**
 * Piecewise "hard" versions of sigmoid and swish: hardsigmoid, hardswish (torch's x/6 + 1/2 form, as in Keras 3
 * and JAX; Keras 2 / tf.keras ≤ 2.15 use 0.2x + 0.5 instead).
 *
 * Documented choices at the kinks ±3 (the outer piece wins at both, as torch 2.x does):
 * - hardsigmoid′(±3) = 0 (torch 1.13 and 2.x agree);
 * - hardswish′(−3) = 0 and hardswish′(3) = 1, as torch 2.x. torch 1.13 gives −0.5 at −3, and at 3 gives 1.5 on
 *   its one-element path but 1.0 on its vectorised path.
 * - hardsigmoid′ inside (−3, 3) is exactly 1/6; torch returns 0.1666666716337204 (1/6 rounded to float32).
 * - hardswish(x) = x for x ≥ 3 (torch computes x·6/6, which overflows to ∞ above ~3e307).
 */
import { defineActivation, type RegisteredActivation } from "./define";

export const hardsigmoid: RegisteredActivation = defineActivation({
  id: "hardsigmoid",
  label: "Hardsigmoid",
  kind: "elementwise",
  aliases: ["Hardsigmoid", "hard_sigmoid", "hardσ"],
  params: [],
  formula: {
    text: "hardsigmoid(x) = 0 if x ≤ −3, 1 if x ≥ 3, else x/6 + 1/2",
    latex: String.raw`\operatorname{hardsigmoid}(x) = \min\!\left(\max\!\left(\tfrac{x + 3}{6}, 0\right), 1\right)`,
  },
  derivativeFormula: {
    text: "hardsigmoid′(x) = 1/6 if −3 < x < 3, else 0 (0 at ±3, as torch)",
    latex: String.raw`\operatorname{hardsigmoid}'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}`,
  },
  range: { min: 0, max: 1, text: "[0, 1]" },
  properties: { monotonic: true, bounded: true, zeroCentred: false, smooth: false, saturating: true, sparse: true },
  kinks: () => [-3, 3],
  summary:
    "Piecewise-linear sigmoid: clip(x/6 + 1/2, 0, 1), exactly 0 below −3 and 1 above 3 (torch, Keras 3 and JAX; " +
    "Keras 2 used 0.2x + 0.5).",
  // (x + 3)/6 as torch: x + 3 is exact near −3, where x/6 + 0.5 would round twice.
  f: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6),
  df: (x) => (x !== x ? x : x > -3 && x < 3 ? 1 / 6 : 0),
});

export const hardswish: RegisteredActivation = defineActivation({
  id: "hardswish",
  label: "Hardswish",
  kind: "elementwise",
  aliases: ["Hardswish", "hard_swish", "hard_silu"],
  params: [],
  formula: {
    text: "hardswish(x) = x·hardsigmoid(x) = 0 if x ≤ −3, x if x ≥ 3, else x·(x + 3)/6",
    latex: String.raw`\operatorname{hardswish}(x) = x \cdot \frac{\min(\max(x + 3, 0), 6)}{6}`,
  },
  derivativeFormula: {
    text: "hardswish′(x) = 0 if x ≤ −3, 1 if x ≥ 3, else x/3 + 1/2 (0 at −3 and 1 at 3, as torch 2.x)",
    latex: String.raw`\operatorname{hardswish}'(x) = \begin{cases} 0 & x \le -3 \\ \tfrac{x}{3} + \tfrac{1}{2} & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}`,
  },
  range: { min: -0.375, max: Infinity, text: "[−0.375, ∞)" },
  properties: { monotonic: false, bounded: false, zeroCentred: true, smooth: false, saturating: true, sparse: true },
  kinks: () => [-3, 3],
  summary:
    "Piecewise-quadratic swish from MobileNetV3: x·clip(x + 3, 0, 6)/6. Exactly 0 below −3, x above 3, minimum " +
    "−0.375 at x = −1.5.",
  // x·0 below −3 keeps torch's −0 (and NaN at −∞); x·(x + 3)/6 in torch's order inside.
  f: (x) => (x <= -3 ? x * 0 : x >= 3 ? x : (x * (x + 3)) / 6),
  // (2x + 3)/6 rather than torch's x/3 + 0.5: exact near the zero at −1.5, where torch's form cancels.
  df: (x) => (x !== x ? x : x <= -3 ? 0 : x < 3 ? (2 * x + 3) / 6 : 1),
});
