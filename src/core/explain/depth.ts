/**
 * "Depth and vanishing gradients": a random square MLP, run forward and backward on Gaussian inputs.
 *
 * Network: h₀ = x (batch × width, i.i.d. N(0, 1)); for l = 1 … L: z_l = h_{l−1}·W_lᵀ, h_l = f(z_l), with
 * W_l ∈ R^{width×width} i.i.d. N(0, s²) and no biases (torch's init sets biases to 0 here). The loss is a fixed
 * random read-out, loss = Σ c ⊙ h_L with c i.i.d. N(0, 1) over batch × units (default, `loss: 'random'`), or the
 * plain sum of outputs Σ h_L (`loss: 'sum'`, so ∂loss/∂h_L = 1). By the chain rule
 *   ∂loss/∂z_l = ∂loss/∂h_l ⊙ f′(z_l),   ∂loss/∂h_{l−1} = (∂loss/∂z_l)·W_l.
 * Why random by default: with the sum, ∂loss/∂h_L = 1 points the same way for every unit and sample, and its
 * product with the same W_l that decided which units are active (f′(z_l) depends on W_l) adds a coherent term the
 * per-layer theory below ignores (for relu + kaiming the sum-loss gradient grows about 2.5× over 10 layers at
 * width 256 instead of staying flat). A random read-out is the standard probe of signal propagation.
 *
 * Weight scale s (fan_in = fan_out = width):
 * - 'xavier' (torch.nn.init.xavier_normal_): s = gain·√(2/(fan_in + fan_out));
 * - 'kaiming' (kaiming_normal_, mode 'fan_in'): s = gain/√fan_in;
 * - 'lecun' (the self-normalising init torch recommends for SELU: kaiming_normal_ with nonlinearity 'linear'):
 *   s = 1/√fan_in, gain ignored.
 * For square layers xavier and kaiming give the same s for the same gain. The gain is torch's
 * `calculate_gain` for the activation by default (relu √2, tanh 5/3, sigmoid 1, leaky_relu √(2/(1 + slope²)),
 * selu 3/4); where torch defines none (gelu, elu, silu, ...) the variance-preserving gain g is used instead: the
 * g with E f(g·Z)² = 1, Z ~ N(0, 1), so that E h² = 1 is the fixed point of the layer map below (for relu it is
 * √2; for gelu 1.46801, where 1/√(E f(Z)²) = 1.5335 would let E h² grow to 16 over 20 layers). Where no g does it
 * (f bounded by 1, e.g. softsign: E f(gZ)² < 1 for every g), 1/√(E f(Z)²) is used and labelled as such.
 * `gain` may also be given as a number.
 *
 * Mean-field theory (the `theory` arrays, for checking the simulation): with q_l = E z_l² (one unit),
 *   q_l = s²·width·E h_{l−1}²,   E h_l² = E_{Z~N(0, q_l)} f(Z)²,
 *   ‖∂loss/∂h_{l−1}‖² ≈ s²·width·E_{Z~N(0, q_l)} f′(Z)²·‖∂loss/∂h_l‖²,
 * the last because E‖u·W‖² = width·s²·‖u‖² for independent W. Each sigmoid layer thus shrinks the gradient norm
 * by at most 0.25·‖W_l‖₂ (f′ ≤ 1/4), and by √(width·s²·E f′²) ≈ 0.23 for xavier on average.
 *
 * Finite width: the batch shares the weights (and relu-like layers make the samples' activations nearly parallel),
 * so per-layer fluctuations do not average out over the batch; log E h_l² wanders like a random walk with a step
 * of about √(5/width) for relu (Hanin 2018), i.e. ±√(5L/width) after L layers.
 *
 * Random numbers: the seeded generator of `random.ts` (inputs first, then W₁ … W_L row by row, then c).
 */
import type { Params } from "../types";
import { scalarActivation, type ScalarActivation } from "../stats/activation";
import { gaussianMomentsOf } from "../stats/gaussian";
import { createRng } from "./random";

export type DepthInit = "xavier" | "kaiming" | "lecun";

export interface SimulateDepthInput {
  readonly id: string;
  readonly params?: Params;
  /** Units per layer (1 … 1024). */
  readonly width: number;
  /** Layers (1 … 50). */
  readonly depth: number;
  /** Input rows (1 … 4096). */
  readonly batch: number;
  readonly init: DepthInit;
  readonly seed: number;
  /** A number, or torch's calculate_gain (default; variance-preserving where torch has none). */
  readonly gain?: number;
  /** 'random' (default): loss = Σ c ⊙ h_L, c ~ N(0, 1) fixed by the seed; 'sum': loss = Σ h_L. */
  readonly loss?: "random" | "sum";
  /** Return the weight matrices (row-major width × width, W[o·width + i]). Default false. */
  readonly keepWeights?: boolean;
}

export interface DepthSimulation {
  readonly id: string;
  readonly init: DepthInit;
  readonly loss: "random" | "sum";
  readonly gain: number;
  /** Where the gain came from. */
  readonly gainSource: "torch" | "variance-preserving" | "unit-second-moment" | "given" | "none";
  /** Standard deviation s of the weights. */
  readonly weightStd: number;
  /** Per layer l = 0 … L (0 = the input): mean, population std and second moment of h_l over batch × width. */
  readonly activationMean: Float64Array;
  readonly activationStd: Float64Array;
  readonly activationSecondMoment: Float64Array;
  /** Per layer l = 0 … L: fraction of exact zeros in h_l. */
  readonly zeroFraction: Float64Array;
  /** Per layer: std of z_l and mean of f′(z_l), mean of f′(z_l)² (index 0 = NaN: the input has no z). */
  readonly preActivationStd: Float64Array;
  readonly meanDerivative: Float64Array;
  readonly meanSquaredDerivative: Float64Array;
  /** Per layer l = 0 … L: Frobenius norm ‖∂loss/∂h_l‖ over batch × width. */
  readonly gradientNorm: Float64Array;
  /** Mean-field predictions of activationSecondMoment and gradientNorm (see the file comment). */
  readonly theory: { readonly activationSecondMoment: Float64Array; readonly gradientNorm: Float64Array };
  /** W₁ … W_L when `keepWeights` was set. */
  readonly weights?: Float64Array[];
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) {
    throw new RangeError(`${name} must be an integer in [${lo}, ${hi}] (got ${v})`);
  }
}

/** Runs the simulation described in the file comment. Deterministic for a given input. */
export function simulateDepth(input: SimulateDepthInput): DepthSimulation {
  const { width, depth, batch, init, seed } = input;
  checkInt("width", width, 1, 1024);
  checkInt("depth", depth, 1, 50);
  checkInt("batch", batch, 1, 4096);
  if (init !== "xavier" && init !== "kaiming" && init !== "lecun") {
    throw new RangeError(`init must be 'xavier', 'kaiming' or 'lecun' (got ${String(init)})`);
  }
  const loss = input.loss ?? "random";
  if (loss !== "random" && loss !== "sum") {
    throw new RangeError(`loss must be 'random' or 'sum' (got ${String(loss)})`);
  }
  const act = scalarActivation(input.id, input.params);
  const { f, df } = act;

  let gain = 1;
  let gainSource: DepthSimulation["gainSource"] = "none";
  if (init !== "lecun") {
    if (input.gain !== undefined) {
      if (!(input.gain > 0) || !Number.isFinite(input.gain)) {
        throw new RangeError(`gain must be finite and > 0 (got ${input.gain})`);
      }
      gain = input.gain;
      gainSource = "given";
    } else if (act.spec.gain !== undefined) {
      gain = act.spec.gain(act.params);
      gainSource = "torch";
    } else {
      const preserving = variancePreservingGain(act);
      gain = preserving ?? 1 / Math.sqrt(gaussianMomentsOf(act, 0, 1).secondMoment);
      gainSource = preserving !== undefined ? "variance-preserving" : "unit-second-moment";
    }
  }
  const weightStd =
    init === "xavier" ? gain * Math.sqrt(2 / (width + width)) : init === "kaiming" ? gain / Math.sqrt(width) : 1 / Math.sqrt(width);

  const rng = createRng(seed);
  const n = batch * width;
  const L = depth;
  const hs: Float64Array[] = [];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.normal();
  }
  hs.push(x);
  const weights: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const w = new Float64Array(width * width);
    for (let i = 0; i < w.length; i++) {
      w[i] = weightStd * rng.normal();
    }
    weights.push(w);
  }

  const activationMean = new Float64Array(L + 1);
  const activationStd = new Float64Array(L + 1);
  const activationSecondMoment = new Float64Array(L + 1);
  const zeroFraction = new Float64Array(L + 1);
  const preActivationStd = new Float64Array(L + 1).fill(NaN);
  const meanDerivative = new Float64Array(L + 1).fill(NaN);
  const meanSquaredDerivative = new Float64Array(L + 1).fill(NaN);
  const derivs: Float64Array[] = [];

  const describe = (h: Float64Array, l: number): void => {
    let s1 = 0;
    let s2 = 0;
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      const v = h[i];
      s1 += v;
      s2 += v * v;
      if (v === 0) {
        zeros++;
      }
    }
    const mean = s1 / n;
    activationMean[l] = mean;
    activationSecondMoment[l] = s2 / n;
    activationStd[l] = Math.sqrt(Math.max(0, s2 / n - mean * mean));
    zeroFraction[l] = zeros / n;
  };
  describe(x, 0);

  // Forward: z[s, o] = Σ_i h[s, i]·W[o, i].
  for (let l = 1; l <= L; l++) {
    const h = hs[l - 1];
    const w = weights[l - 1];
    const out = new Float64Array(n);
    const d = new Float64Array(n);
    let zs2 = 0;
    let d1 = 0;
    let d2 = 0;
    for (let s = 0; s < batch; s++) {
      const hb = s * width;
      for (let o = 0; o < width; o++) {
        const wb = o * width;
        // Four partial sums: breaks the add chain (about 2× faster in V8).
        let z0 = 0;
        let z1 = 0;
        let z2 = 0;
        let z3 = 0;
        let i = 0;
        for (; i + 3 < width; i += 4) {
          z0 += h[hb + i] * w[wb + i];
          z1 += h[hb + i + 1] * w[wb + i + 1];
          z2 += h[hb + i + 2] * w[wb + i + 2];
          z3 += h[hb + i + 3] * w[wb + i + 3];
        }
        for (; i < width; i++) {
          z0 += h[hb + i] * w[wb + i];
        }
        const z = z0 + z1 + (z2 + z3);
        zs2 += z * z;
        const dz = df(z);
        d1 += dz;
        d2 += dz * dz;
        out[hb + o] = f(z);
        d[hb + o] = dz;
      }
    }
    preActivationStd[l] = Math.sqrt(zs2 / n); // z has mean 0 in expectation; this is its RMS
    meanDerivative[l] = d1 / n;
    meanSquaredDerivative[l] = d2 / n;
    hs.push(out);
    derivs.push(d);
    describe(out, l);
  }

  // Backward: g_L = c (or 1); gz = g ⊙ f′(z); g_{l−1}[s, i] = Σ_o gz[s, o]·W[o, i].
  const gradientNorm = new Float64Array(L + 1);
  let g = new Float64Array(n);
  if (loss === "sum") {
    g.fill(1);
  } else {
    for (let i = 0; i < n; i++) {
      g[i] = rng.normal();
    }
  }
  {
    let ss = 0;
    for (let i = 0; i < n; i++) {
      ss += g[i] * g[i];
    }
    gradientNorm[L] = Math.sqrt(ss);
  }
  for (let l = L; l >= 1; l--) {
    const d = derivs[l - 1];
    const w = weights[l - 1];
    const prev = new Float64Array(n);
    for (let s = 0; s < batch; s++) {
      const hb = s * width;
      for (let o = 0; o < width; o++) {
        const gz = g[hb + o] * d[hb + o];
        if (gz === 0) {
          continue;
        }
        const wb = o * width;
        for (let i = 0; i < width; i++) {
          prev[hb + i] += gz * w[wb + i];
        }
      }
    }
    let ss = 0;
    for (let i = 0; i < n; i++) {
      ss += prev[i] * prev[i];
    }
    gradientNorm[l - 1] = Math.sqrt(ss);
    g = prev;
  }

  // Mean-field theory.
  const thM2 = new Float64Array(L + 1);
  const thG = new Float64Array(L + 1);
  const chi = new Float64Array(L + 1);
  thM2[0] = 1;
  for (let l = 1; l <= L; l++) {
    const q = weightStd * weightStd * width * thM2[l - 1];
    const m = gaussianMomentsOf(act, 0, Math.sqrt(q), { relTol: 1e-9 });
    thM2[l] = m.secondMoment;
    chi[l] = weightStd * weightStd * width * m.meanSquaredDerivative;
  }
  thG[L] = gradientNorm[L];
  for (let l = L; l >= 1; l--) {
    thG[l - 1] = thG[l] * Math.sqrt(chi[l]);
  }

  const result: DepthSimulation = {
    id: act.id,
    init,
    loss,
    gain,
    gainSource,
    weightStd,
    activationMean,
    activationStd,
    activationSecondMoment,
    zeroFraction,
    preActivationStd,
    meanDerivative,
    meanSquaredDerivative,
    gradientNorm,
    theory: { activationSecondMoment: thM2, gradientNorm: thG },
  };
  return input.keepWeights === true ? { ...result, weights } : result;
}

/**
 * The g > 0 with E f(g·Z)² = 1, Z ~ N(0, 1), or undefined when there is none in [1e−3, 1e3]: found by bisection on
 * log g (E f(g·Z)² is increasing in g for the activations that need it: |f| grows with |x| on each side).
 */
export function variancePreservingGain(act: ScalarActivation): number | undefined {
  const key = JSON.stringify([act.id, act.params]);
  if (!gainMemo.has(key)) {
    if (gainMemo.size > 64) {
      gainMemo.clear();
    }
    gainMemo.set(key, solveGain(act));
  }
  return gainMemo.get(key);
}

/** Solved gains by activation and params (each solve runs ~40 quadratures; sliders re-run the simulation). */
const gainMemo = new Map<string, number | undefined>();

function solveGain(act: ScalarActivation): number | undefined {
  const excess = (g: number): number => gaussianMomentsOf(act, 0, g).secondMoment - 1;
  let lo = 1e-3;
  let hi = 1e3;
  if (!(excess(lo) < 0 && excess(hi) > 0)) {
    return undefined;
  }
  for (let i = 0; i < 64 && hi / lo > 1 + 1e-12; i++) {
    const mid = Math.sqrt(lo * hi);
    if (excess(mid) < 0) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return Math.sqrt(lo * hi);
}
