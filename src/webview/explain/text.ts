/**
 * Words of the explainers: the short text beside each picture, readouts and screen-reader summaries. Pure (no
 * DOM): every number in these strings is passed in (computed by the core or set by the user), formatted with the
 * core's number formatting (4 significant digits, U+2212 minus). Facts stated in prose follow PyTorch: ReLU is
 * max(0, x) with slope 0 or 1 (0 at x = 0); Leaky ReLU is max(s·x, x) for 0 ≤ s ≤ 1; a sigmoid's slope is at
 * most 1/4.
 */
import { formatNumber } from "../../core/format";

/** A number for the explainers' text: 4 significant digits, U+2212 minus, ∞, NaN. */
export function num(x: number, digits = 4): string {
  return formatNumber(x, digits);
}

/** A fraction as a percentage: 0.1234 → "12.3%" (NaN → "—"). */
export function pct(x: number): string {
  if (!Number.isFinite(x)) {
    return "—";
  }
  const p = 100 * x;
  return `${p === 0 || p === 100 ? String(p) : formatNumber(p, p < 1 ? 2 : 3)}%`;
}

/** "2·A + 3·B + 0" written for the given weights (signs folded: "2·A − 3·B − 1"). */
export function linearText(wA: number, wB: number, b: number): string {
  const term = (w: number, v: string, first: boolean) => {
    const sign = w < 0 ? (first ? "−" : " − ") : first ? "" : " + ";
    return `${sign}${num(Math.abs(w))}·${v}`;
  };
  const bs = b < 0 ? ` − ${num(-b)}` : ` + ${num(b)}`;
  return `${term(wA, "A", true)}${term(wB, "B", false)}${bs}`;
}

/** Below this |slope| the wording says the change is vanishingly small (a saturated unit), not just its sign. */
export const NEGLIGIBLE_SLOPE = 1e-6;

/** What a slope means for the output: "raising A raises the output", …, "A has no effect here". */
export function slopeMeaning(slope: number, variable = "A"): string {
  if (slope !== 0 && Math.abs(slope) < NEGLIGIBLE_SLOPE) {
    return `raising ${variable} changes the output only by a vanishing amount`;
  }
  if (slope > 0) {
    return `raising ${variable} raises the output`;
  }
  if (slope < 0) {
    return `raising ${variable} lowers the output`;
  }
  return `${variable} has no effect here`;
}

// ---- interaction ----------------------------------------------------------------------------------

export interface InteractionWords {
  readonly activationId: string;
  readonly label: string;
  readonly formula: string;
  readonly kinks: readonly number[];
}

/** The 2–3 sentences beside the (A, B) picture. */
export function interactionIntro(w: InteractionWords): string[] {
  if (w.activationId === "relu") {
    return [
      "One unit computes f(wA·A + wB·B + b), here with ReLU, f(z) = max(0, z).",
      "On one side of the dashed kink line wA·A + wB·B + b = 0 the unit passes the sum through and ∂f/∂A = wA; on the other side it outputs 0 and ∂f/∂A = 0 (torch takes slope 0 at exactly z = 0 too).",
      "So whether A matters depends on B: adding inputs and passing the sum through a kink makes them interact.",
    ];
  }
  const kinkLine = w.kinks.length
    ? ` Dashed: where z reaches a kink of ${w.label} (z = ${w.kinks.map((k) => num(k)).join(", ")}).`
    : "";
  return [
    `One unit computes f(wA·A + wB·B + b), here with ${w.label}: ${w.formula}.`,
    `Its slope in A is ∂f/∂A = wA·f′(z) with z = wA·A + wB·B + b, so it changes with B: the inputs interact through the nonlinearity.${kinkLine}`,
  ];
}

/** One case readout: "(A, B) = (1, 1): z = 5, f = 5, ∂f/∂A = 2: raising A raises the output." */
export function pointReadout(A: number, B: number, z: number, value: number, dA: number, dB?: number): string {
  const db = dB === undefined ? "" : `, ∂f/∂B = ${num(dB)}`;
  return `(A, B) = (${num(A)}, ${num(B)}): z = ${num(z)}, f = ${num(value)}, ∂f/∂A = ${num(dA)}${db}: ${slopeMeaning(dA)}.`;
}

/** The B = −100 case: the output over the whole A range, and the slope at A = 1. */
export function farCaseReadout(
  B: number,
  aRange: readonly [number, number],
  outMin: number,
  outMax: number,
  dA: number,
): string {
  const over = `every A in [${num(aRange[0])}, ${num(aRange[1])}]`;
  if (outMin === outMax) {
    return `B = ${num(B)}: f = ${num(outMin)} for ${over} and ∂f/∂A = ${num(dA)} at A = 1: ${dA === 0 ? "A has no effect at all" : slopeMeaning(dA)}.`;
  }
  return `B = ${num(B)}: f runs from ${num(outMin)} to ${num(outMax)} over ${over}; ∂f/∂A = ${num(dA)} at A = 1.`;
}

// ---- bias -----------------------------------------------------------------------------------------

/** The text beside the family of shifted curves. */
export function biasIntro(activationId: string, label: string, formula: string, hasKinks: boolean): string[] {
  const first =
    activationId === "relu"
      ? "A bias shifts the input: relu(x + b) = max(0, x + b) is ReLU moved left by b, so its kink moves from x = 0 to x = −b."
      : `A bias shifts the input: f(x + b) is ${label} (${formula}) moved left by b, so every feature of f at x = k appears at x = k − b${hasKinks ? " (dots: the kinks)" : ""}.`;
  return [
    first,
    "The bias thus decides where along the input a unit switches on; the weights in front decide the direction.",
  ];
}

/** The highlighted example f(b + A): output and slope on both sides of its kink. */
export function biasHighlight(
  activationId: string,
  b: number,
  kink: number | undefined,
  below: { value: number; slope: number },
  above: { value: number; slope: number },
): string {
  const name = activationId === "relu" ? "relu" : "f";
  if (kink === undefined) {
    return `Highlighted: ${name}(${num(b)} + A), with A along the x axis.`;
  }
  return (
    `Highlighted: ${name}(${num(b)} + A), with A along the x axis. Below the kink at A = ${num(kink)} (e.g. at A = ${num(kink - 1)}) ` +
    `the output is ${num(below.value)} with slope ${num(below.slope)}; ` +
    `above it the slope is ${num(above.slope)}${activationId === "relu" ? ` and the output is ${num(b)} + A` : ""}.`
  );
}

// ---- sum of ReLUs ---------------------------------------------------------------------------------

export const RELUSUM_TARGET_LABELS: Readonly<Record<string, string>> = {
  sin: "sin x",
  square: "x²",
  abs: "|x|",
  step: "step (1 for x ≥ 0, else 0)",
  selection: "your selection",
};

export function reluSumIntro(): string[] {
  return [
    "A layer of ReLUs followed by a weighted sum is piecewise linear: unit i, vᵢ·relu(x − kᵢ), adds a bend that changes the slope by vᵢ at its kink kᵢ.",
    "The output weights are fitted by least squares (with a constant and a linear term); with more kinks a smooth target is followed ever more closely, while a jump can only be approached by a steep ramp.",
    "Drag a kink handle on the chart, or focus the chart and use ←/→ (↑/↓ pick the kink), to move a unit's bend.",
  ];
}

/** The fit's errors in words. */
export function reluSumReadout(units: number, rms: number, max: number, custom: boolean): string {
  return `${units} unit${units === 1 ? "" : "s"} (${custom ? "kinks placed by you" : "evenly spaced kinks"}): RMS error ${num(rms)}, max error ${num(max)}.`;
}

// ---- depth ----------------------------------------------------------------------------------------

/** The text beside the depth charts; `sigmoidMax` is sup σ′ as the core computes it. */
export function depthIntro(sigmoidMax: number, sigmoidMaxAt: number): string[] {
  return [
    "Backpropagation multiplies the gradient, layer by layer, by the weights and by f′(z).",
    `A sigmoid's slope is at most ${num(sigmoidMax)} (at x = ${num(sigmoidMaxAt)}), so along any path through L layers the activations scale the gradient by at most ${num(sigmoidMax)}ᴸ (times the weights along the path): it vanishes with depth.`,
    "ReLU passes slope 1 where it is active, and an init with the right gain keeps the signal's scale from layer to layer.",
  ];
}

/** Gradient shrink per activation: "sigmoid ×1.3e−10, relu ×0.98, …" (gradient at the input / at the output). */
export function depthReadout(depth: number, ratios: readonly { label: string; ratio: number }[]): string {
  return `Gradient norm at the input ÷ at the output after ${depth} layer${depth === 1 ? "" : "s"}: ${ratios.map((r) => `${r.label} ×${num(r.ratio, 3)}`).join(", ")}.`;
}

// ---- dying ----------------------------------------------------------------------------------------

/** The text beside the dying-ReLU charts; `leakySlope` is torch's default negative_slope (from the registry). */
export function dyingIntro(leakySlope: number): string[] {
  return [
    "A ReLU unit whose pre-activation is ≤ 0 for every input of a batch outputs 0 and has slope 0 there (torch: relu′(0) = 0), so no gradient reaches its weights: it is dead, and gradient descent cannot revive it.",
    `Shifting the biases negative kills more units. Leaky ReLU, max(s·x, x) for 0 ≤ s ≤ 1, has slope s for x < 0 (torch's default s = ${num(leakySlope)}); with s > 0, like PReLU (s learned) and ELU (slope α·eˣ), it never dies.`,
    "Sparsity, the fraction of exact zeros after ReLU, is Φ(−μ/σ) for inputs N(μ, σ²).",
  ];
}

// ---- saturation -----------------------------------------------------------------------------------

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly toLo: boolean;
  readonly toHi: boolean;
}

/**
 * Saturated intervals in words: "x < −6.906 and x > 6.906" (open ends where an interval reaches the plot's edge).
 * `saturatedAt` tells whether an end point itself is saturated (ReLU at its kink x = 0, where torch's f′ is 0):
 * then the bound reads ≤ / ≥.
 */
export function intervalsText(intervals: readonly Interval[], saturatedAt: (x: number) => boolean = () => false): string {
  if (intervals.length === 0) {
    return "nowhere in this range";
  }
  const lt = (x: number): string => (saturatedAt(x) ? "≤" : "<");
  return intervals
    .map((r) => {
      if (r.toLo && r.toHi) {
        return "the whole range";
      }
      if (r.toLo) {
        return `x ${lt(r.hi)} ${num(r.hi)}`;
      }
      if (r.toHi) {
        return `x ${saturatedAt(r.lo) ? "≥" : ">"} ${num(r.lo)}`;
      }
      return r.lo === r.hi ? `x = ${num(r.lo)}` : `${num(r.lo)} ${lt(r.lo)} x ${lt(r.hi)} ${num(r.hi)}`;
    })
    .join(" and ");
}

export function saturationIntro(
  activationId: string,
  label: string,
  eps: number,
  intervals: readonly Interval[],
  saturatedAt?: (x: number) => boolean,
): string[] {
  const where = `For ${label} and ε = ${num(eps)}, |f′(x)| < ε for ${intervalsText(intervals, saturatedAt)} (shaded).`;
  const first =
    "Where |f′(x)| < ε an activation is saturated: gradients through it nearly vanish, so a unit stuck there learns slowly.";
  if (activationId === "sigmoid") {
    return [
      first,
      `Sigmoid saturates on both sides: σ′ = σ(1 − σ) is at most 1/4 and falls towards 0 as |x| grows. ${where}`,
    ];
  }
  if (activationId === "tanh") {
    return [
      first,
      `Tanh saturates on both sides: tanh′ = 1 − tanh² is at most 1 and falls towards 0 as |x| grows. ${where}`,
    ];
  }
  if (activationId === "relu") {
    return [
      first,
      `ReLU does not saturate for x > 0 (slope 1) but is flat for x ≤ 0 (slope 0; torch uses 0 at x = 0). ${where}`,
    ];
  }
  return [first, where];
}
