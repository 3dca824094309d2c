/**
 * "Dying ReLU and sparsity".
 *
 * Definition used throughout (documented choice): a unit is **dead** on a batch when, for every input of the batch,
 * its output is exactly 0 AND its derivative is exactly 0 (torch's f′ at kinks, so relu at z = 0 counts). Such a
 * unit passes no gradient to its weights, so gradient descent cannot revive it. ReLU units die when their
 * pre-activations are ≤ 0 for the whole batch; leaky_relu and prelu (slope ≠ 0) and elu (f′ = α·eˣ > 0 and
 * f < 0 for x < 0) are never dead by this definition (a zero output needs z = 0, where their f′ is the slope or α).
 *
 * Simulation: unit u has pre-activations z_{u,r} = μ_u + σ·ε_{u,r}, r = 1 … batch, ε i.i.d. N(0, 1) from the seeded
 * generator; μ_u are given, or drawn as μ_u = meanShift + spread·N(0, 1) (a bias shifted negative by meanShift).
 * Theory for ReLU: P(unit u dead) = Φ(−μ_u/σ)^batch, so the expected dead fraction is the mean of that over units
 * (and, for the sweep, ∫ Φ(−μ/σ)^batch dN(μ; shift, spread²)).
 * Sparsity (the fraction of exact zeros after ReLU) of z ~ N(μ, σ²) is P(z ≤ 0) = Φ(−μ/σ).
 */
import type { Params } from "../types";
import { scalarActivation, type ScalarActivation } from "../stats/activation";
import { Phi, phi } from "../stats/normal";
import { integrateVector } from "../stats/quadrature";
import { checkShape, type NumericArray } from "../stats/summary";
import { createRng } from "./random";

export const DEFAULT_DYING_IDS: readonly string[] = Object.freeze(["relu", "leaky_relu", "prelu", "elu"]);

export type UnitMeans = Float64Array | { readonly meanShift: number; readonly spread: number };

export interface DyingUnitsInput {
  readonly units: number;
  readonly mus: UnitMeans;
  readonly sigma: number;
  readonly batch: number;
  readonly seed: number;
  /** Activations to compare (default relu, leaky_relu, prelu, elu). */
  readonly ids?: readonly string[];
  /** Parameters per activation id (defaults otherwise). */
  readonly params?: Readonly<Record<string, Params>>;
}

export interface DyingActivationResult {
  readonly id: string;
  /** Fraction of units dead (zero output and zero derivative for every input). */
  readonly deadFraction: number;
  /** Fraction of units whose output is exactly 0 for every input (gradient or not). */
  readonly zeroOutputFraction: number;
  /** Mean |f′(z)| over all units and inputs: how much gradient still flows. */
  readonly meanAbsDerivative: number;
}

export interface DyingUnitsResult {
  /** The unit means μ_u used. */
  readonly mus: Float64Array;
  /** Fraction of units whose pre-activations are ≤ 0 for the whole batch (the same for every activation). */
  readonly allNonPositiveFraction: number;
  /** Expected ReLU dead fraction, mean over units of Φ(−μ_u/σ)^batch. */
  readonly reluTheory: number;
  readonly activations: DyingActivationResult[];
}

function checkPositiveInt(name: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 1 || v > max) {
    throw new RangeError(`${name} must be an integer in [1, ${max}] (got ${v})`);
  }
}

function checkSigma(sigma: number): void {
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new RangeError(`sigma must be finite and > 0 (got ${sigma})`);
  }
}

/** Φ(−μ/σ)^B without underflow surprises (B·log Φ). */
function reluDeadProbability(mu: number, sigma: number, batch: number): number {
  const p = Phi(-mu / sigma);
  return p === 0 ? 0 : Math.exp(batch * Math.log(p));
}

function resolveAll(ids: readonly string[], params: DyingUnitsInput["params"]): ScalarActivation[] {
  return ids.map((id) => scalarActivation(id, params?.[id]));
}

/** Simulates dead units per activation for fixed noise ε (units × batch, row-major by unit). */
function simulateWith(
  acts: readonly ScalarActivation[],
  mus: Float64Array,
  sigma: number,
  eps: Float64Array,
  batch: number,
): { allNonPositiveFraction: number; activations: DyingActivationResult[] } {
  const units = mus.length;
  let allNonPositive = 0;
  for (let u = 0; u < units; u++) {
    let nonPositive = true;
    for (let r = 0; r < batch; r++) {
      if (mus[u] + sigma * eps[u * batch + r] > 0) {
        nonPositive = false;
        break;
      }
    }
    if (nonPositive) {
      allNonPositive++;
    }
  }
  const activations = acts.map((act) => {
    let dead = 0;
    let zeroOut = 0;
    let absD = 0;
    for (let u = 0; u < units; u++) {
      let allZero = true;
      let allFlat = true;
      for (let r = 0; r < batch; r++) {
        const z = mus[u] + sigma * eps[u * batch + r];
        const d = act.df(z);
        absD += Math.abs(d);
        if (act.f(z) !== 0) {
          allZero = false;
        }
        if (d !== 0) {
          allFlat = false;
        }
      }
      if (allZero) {
        zeroOut++;
        if (allFlat) {
          dead++;
        }
      }
    }
    return {
      id: act.id,
      deadFraction: dead / units,
      zeroOutputFraction: zeroOut / units,
      meanAbsDerivative: absD / (units * batch),
    };
  });
  return { allNonPositiveFraction: allNonPositive / units, activations };
}

function unitMeans(mus: UnitMeans, units: number, seed: number): Float64Array {
  if (mus instanceof Float64Array) {
    if (mus.length !== units) {
      throw new RangeError(`mus has ${mus.length} entries for ${units} units`);
    }
    return Float64Array.from(mus);
  }
  const { meanShift, spread } = mus;
  if (!Number.isFinite(meanShift) || !(spread >= 0) || !Number.isFinite(spread)) {
    throw new RangeError(`meanShift must be finite and spread finite ≥ 0 (got ${meanShift}, ${spread})`);
  }
  // A generator of its own (seed + 1), so the unit means do not change the noise ε.
  const rng = createRng(seed + 1);
  return Float64Array.from({ length: units }, () => meanShift + spread * rng.normal());
}

function noise(units: number, batch: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const eps = new Float64Array(units * batch);
  for (let i = 0; i < eps.length; i++) {
    eps[i] = rng.normal();
  }
  return eps;
}

/** Dead units per activation for one set of unit means (see the file comment). */
export function dyingUnits(input: DyingUnitsInput): DyingUnitsResult {
  const { units, sigma, batch, seed } = input;
  checkPositiveInt("units", units, 100000);
  checkPositiveInt("batch", batch, 100000);
  checkSigma(sigma);
  if (units * batch > 1e7) {
    throw new RangeError(`units × batch must be ≤ 1e7 (got ${units * batch})`);
  }
  const acts = resolveAll(input.ids ?? DEFAULT_DYING_IDS, input.params);
  const mus = unitMeans(input.mus, units, seed);
  const sim = simulateWith(acts, mus, sigma, noise(units, batch, seed), batch);
  let theory = 0;
  for (let u = 0; u < units; u++) {
    theory += reluDeadProbability(mus[u], sigma, batch);
  }
  return { mus, ...sim, reluTheory: theory / units };
}

export interface DyingSweepInput {
  /** Bias shifts (unit means are shift + spread·N(0, 1), the same N(0, 1) draws for every shift). */
  readonly shifts: readonly number[];
  readonly spread: number;
  readonly units: number;
  readonly sigma: number;
  readonly batch: number;
  readonly seed: number;
  readonly ids?: readonly string[];
  readonly params?: Readonly<Record<string, Params>>;
}

export interface DyingSweep {
  readonly shifts: Float64Array;
  /** dead[id][k] = dead fraction at shifts[k]. */
  readonly dead: Record<string, Float64Array>;
  /** ReLU's expected dead fraction ∫ Φ(−μ/σ)^batch dN(μ; shift, spread²) at each shift. */
  readonly reluTheory: Float64Array;
}

/** {@link dyingUnits} over a sweep of bias shifts, with common random numbers so the curves are smooth. */
export function dyingSweep(input: DyingSweepInput): DyingSweep {
  const { units, sigma, batch, seed, spread } = input;
  checkPositiveInt("units", units, 100000);
  checkPositiveInt("batch", batch, 100000);
  checkSigma(sigma);
  if (units * batch > 1e7) {
    throw new RangeError(`units × batch must be ≤ 1e7 (got ${units * batch})`);
  }
  if (!(spread >= 0) || !Number.isFinite(spread)) {
    throw new RangeError(`spread must be finite and ≥ 0 (got ${spread})`);
  }
  const acts = resolveAll(input.ids ?? DEFAULT_DYING_IDS, input.params);
  const eps = noise(units, batch, seed);
  const base = unitMeans({ meanShift: 0, spread: 1 }, units, seed);
  const shifts = Float64Array.from(input.shifts);
  const dead: Record<string, Float64Array> = {};
  for (const act of acts) {
    dead[act.id] = new Float64Array(shifts.length);
  }
  const reluTheory = new Float64Array(shifts.length);
  shifts.forEach((shift, k) => {
    if (!Number.isFinite(shift)) {
      throw new RangeError(`shifts must be finite (got ${shift})`);
    }
    const mus = Float64Array.from(base, (g) => shift + spread * g);
    const sim = simulateWith(acts, mus, sigma, eps, batch);
    sim.activations.forEach((a) => {
      dead[a.id][k] = a.deadFraction;
    });
    if (spread === 0) {
      reluTheory[k] = reluDeadProbability(shift, sigma, batch);
    } else {
      const r = integrateVector(
        (t, out) => {
          out[0] = phi(t) * reluDeadProbability(shift + spread * t, sigma, batch);
        },
        1,
        [-12, -6, -3, 0, 3, 6, 12],
        { absTol: 1e-13, relTol: 1e-10 },
      );
      reluTheory[k] = r.values[0];
    }
  });
  return { shifts, dead, reluTheory };
}

/** Fraction of exact zeros after ReLU for z ~ N(μ, σ²): Φ(−μ/σ) (σ > 0). */
export function reluSparsity(mu: number, sigma: number): number {
  checkSigma(sigma);
  if (!Number.isFinite(mu)) {
    throw new RangeError(`mu must be finite (got ${mu})`);
  }
  return Phi(-mu / sigma);
}

export interface SparsityCurve {
  readonly mus: Float64Array;
  /** Φ(−μ/σ). */
  readonly theory: Float64Array;
  /** Fraction of zeros of relu(μ + σε) over `samples` draws (the same draws for every μ). */
  readonly simulated: Float64Array;
}

/** ReLU sparsity against the mean μ of its input: closed form and a simulated value per point. */
export function reluSparsityCurve(
  mus: readonly number[],
  sigma: number,
  opts: { readonly samples?: number; readonly seed?: number } = {},
): SparsityCurve {
  checkSigma(sigma);
  const samples = opts.samples ?? 2000;
  checkPositiveInt("samples", samples, 1e7);
  const rng = createRng(opts.seed ?? 0);
  const eps = Float64Array.from({ length: samples }, () => rng.normal());
  const relu = scalarActivation("relu");
  const m = Float64Array.from(mus);
  const theory = Float64Array.from(m, (mu) => reluSparsity(mu, sigma));
  const simulated = Float64Array.from(m, (mu) => {
    let zeros = 0;
    for (let i = 0; i < samples; i++) {
      if (relu.f(mu + sigma * eps[i]) === 0) {
        zeros++;
      }
    }
    return zeros / samples;
  });
  return { mus: m, theory, simulated };
}

export interface LayerDying {
  /** Units dead on this batch: output 0 and f′ = 0 in every row (ascending). */
  readonly deadUnits: number[];
  readonly deadFraction: number;
  /** Units whose output is 0 in every row (includes the dead ones). */
  readonly zeroOutputUnits: number[];
  /** Fraction of exact zeros among the finite outputs. */
  readonly sparsity: number;
}

/**
 * Dead units of a real layer (row-major rows × units pre-activations) under an activation, by the definition in
 * the file comment. A unit with a NaN anywhere is not dead (its output is not 0). With 0 rows nothing is dead.
 */
export function layerDying(pre: NumericArray, rows: number, units: number, id: string, params?: Params): LayerDying {
  checkShape(pre.length, rows, units);
  const act = scalarActivation(id, params);
  const nonZeroOut = new Uint8Array(units);
  const hasGrad = new Uint8Array(units);
  let finite = 0;
  let zeros = 0;
  for (let r = 0, i = 0; r < rows; r++) {
    for (let u = 0; u < units; u++, i++) {
      const x = pre[i];
      const y = act.f(x);
      if (y !== 0) {
        nonZeroOut[u] = 1;
      }
      if (act.df(x) !== 0) {
        hasGrad[u] = 1;
      }
      if (x - x === 0) {
        finite++;
        if (y === 0) {
          zeros++;
        }
      }
    }
  }
  const deadUnits: number[] = [];
  const zeroOutputUnits: number[] = [];
  if (rows > 0) {
    for (let u = 0; u < units; u++) {
      if (nonZeroOut[u] === 0) {
        zeroOutputUnits.push(u);
        if (hasGrad[u] === 0) {
          deadUnits.push(u);
        }
      }
    }
  }
  return {
    deadUnits,
    deadFraction: units > 0 ? deadUnits.length / units : NaN,
    zeroOutputUnits,
    sparsity: finite > 0 ? zeros / finite : NaN,
  };
}
