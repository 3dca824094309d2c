/**
 * "Sums of ReLUs": how a one-hidden-layer ReLU network builds a curve out of bends.
 *
 * Model (documented choice): on samples x₁ … x_m of a range [lo, hi],
 *   g(x) = c + a·x + Σᵢ vᵢ·relu(wᵢ·x + bᵢ),   wᵢ = +1,  bᵢ = −wᵢ·kinkᵢ,
 * so unit i adds a bend of slope change vᵢ at x = kinkᵢ. The constant c and the linear term a·x are part of the
 * model (a ReLU whose kink sits at the range's left edge would supply the same linear term). Kinks are evenly
 * spaced inside the range by default, kinkᵢ = lo + (i + 1)·(hi − lo)/(units + 1), or placed by the user (dragged).
 * The output weights c, a, v₁ … v_N are fitted by least squares (Householder QR with a 1e−12 ridge on the
 * column-scaled basis, see {@link leastSquares}), so g is the best continuous piecewise-linear fit with those
 * kinks; a piecewise-linear target whose bends are at kinks (|x| with a kink at 0) is fitted exactly (up to the
 * ridge's bias, ~1e−11 for |x| and ≤ ~1e−8 for targets with several bends of size ~5), and a smooth target's error
 * falls like 1/units² (piecewise-linear interpolation error ∝ h²·max|f″|).
 *
 * Built-in targets: 'sin' = sin x (default range [−π, π]); 'square' = x²; 'abs' = |x|; 'step' = 1 for x ≥ 0,
 * 0 below (Heaviside; default range [−1, 1] for these three). Or a custom {x, y} sample set.
 */
import { leastSquares } from "./lstsq";

export type BuiltinTarget = "sin" | "square" | "abs" | "step";
export type ReluSumTarget = BuiltinTarget | { readonly x: Float64Array; readonly y: Float64Array };

export interface FitReluSumInput {
  readonly target: ReluSumTarget;
  /** Number of ReLU units with evenly spaced kinks (ignored when `kinks` is given). Default 8. */
  readonly units?: number;
  /** [lo, hi]; default [−π, π] for 'sin', [−1, 1] for the other built-ins, the x extent for custom data. */
  readonly range?: readonly [number, number];
  /** User-placed kink positions (one unit each), instead of evenly spaced ones. */
  readonly kinks?: readonly number[];
  /** Evenly spaced samples over the range, end points included (built-in targets). Default 401. */
  readonly samples?: number;
  /** Ridge λ of the least-squares fit (default 1e−12). */
  readonly ridge?: number;
}

export interface ReluSumFit {
  /** Sample positions, and the target, the fitted sum g and the linear part c + a·x there. */
  readonly x: Float64Array;
  readonly target: Float64Array;
  readonly sum: Float64Array;
  readonly linear: Float64Array;
  /** Per unit: kink, input weight w, bias b = −w·kink, output weight v. */
  readonly kinks: Float64Array;
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly v: Float64Array;
  /** Constant and linear coefficient of the model. */
  readonly c: number;
  readonly a: number;
  /** contributions[i][k] = vᵢ·relu(wᵢ·x_k + bᵢ). */
  readonly contributions: Float64Array[];
  /** √(mean (g − target)²) and max |g − target| over the samples. */
  readonly rmsError: number;
  readonly maxError: number;
}

const DEFAULT_UNITS = 8;
const DEFAULT_SAMPLES = 401;

/** The built-in targets: sin → sin x, square → x², abs → |x|, step → 1 for x ≥ 0 else 0. */
export function builtinTarget(name: BuiltinTarget, x: number): number {
  switch (name) {
    case "sin":
      return Math.sin(x);
    case "square":
      return x * x;
    case "abs":
      return Math.abs(x);
    case "step":
      return x >= 0 ? 1 : 0;
  }
}

function defaultRange(target: ReluSumTarget): [number, number] {
  if (typeof target === "string") {
    return target === "sin" ? [-Math.PI, Math.PI] : [-1, 1];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of target.x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

function samplesOf(target: ReluSumTarget, range: readonly [number, number], samples: number): { x: Float64Array; y: Float64Array } {
  if (typeof target !== "string") {
    if (target.x.length !== target.y.length || target.x.length < 2) {
      throw new RangeError("custom target needs x and y of the same length ≥ 2");
    }
    for (let i = 0; i < target.x.length; i++) {
      if (!Number.isFinite(target.x[i]) || !Number.isFinite(target.y[i])) {
        throw new RangeError(`custom target has a non-finite point at index ${i}`);
      }
    }
    return { x: Float64Array.from(target.x), y: Float64Array.from(target.y) };
  }
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RangeError(`samples must be an integer ≥ 2 (got ${samples})`);
  }
  const [lo, hi] = range;
  const x = new Float64Array(samples);
  const y = new Float64Array(samples);
  for (let k = 0; k < samples; k++) {
    x[k] = k === samples - 1 ? hi : lo + ((hi - lo) * k) / (samples - 1);
    y[k] = builtinTarget(target, x[k]);
  }
  return { x, y };
}

/** Evenly spaced interior kinks: lo + (i + 1)·(hi − lo)/(units + 1), i = 0 … units − 1. */
export function evenKinks(units: number, range: readonly [number, number]): Float64Array {
  const [lo, hi] = range;
  return Float64Array.from({ length: units }, (_, i) => lo + ((i + 1) * (hi - lo)) / (units + 1));
}

/** Fits g(x) = c + a·x + Σ vᵢ·relu(x − kinkᵢ) to the target by least squares (see the file comment). */
export function fitReluSum(input: FitReluSumInput): ReluSumFit {
  const range = input.range ?? defaultRange(input.target);
  if (!Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[1] > range[0])) {
    throw new RangeError(`range must be finite with lo < hi (got [${range[0]}, ${range[1]}])`);
  }
  const units = input.kinks?.length ?? input.units ?? DEFAULT_UNITS;
  if (!Number.isInteger(units) || units < 0 || units > 10000) {
    throw new RangeError(`units must be an integer in [0, 10000] (got ${units})`);
  }
  const kinks = input.kinks !== undefined ? Float64Array.from(input.kinks) : evenKinks(units, range);
  for (const k of kinks) {
    if (!Number.isFinite(k)) {
      throw new RangeError("kinks must be finite");
    }
  }
  const { x, y } = samplesOf(input.target, range, input.samples ?? DEFAULT_SAMPLES);
  const m = x.length;
  const n = units + 2;
  const w = new Float64Array(units).fill(1);
  const b = Float64Array.from(kinks, (k, i) => -w[i] * k);
  // The fit runs on t = (x − mid)/s ∈ [−1, 1] (mid, s: the range's centre and half-width), kinks moved alike:
  // relu(x − k) = s·relu(t − (k − mid)/s). On raw x far from 0 (years, timestamps) the columns 1, x, relu(x − k)
  // are nearly collinear and the small ridge biased the fit (|x − c| at x ≈ 1.7e9 was off by 14); in t the problem
  // is as well conditioned as on [−1, 1] (where t = x: the same fit as before).
  const mid = (range[0] + range[1]) / 2;
  const s = (range[1] - range[0]) / 2;
  const t = Float64Array.from(x, (xk) => (xk - mid) / s);
  const kt = Float64Array.from(kinks, (k) => (k - mid) / s);
  // Basis columns: 1, t, relu(t − k̃ᵢ).
  const basis = new Float64Array(m * n);
  for (let k = 0; k < m; k++) {
    basis[k] = 1;
    basis[m + k] = t[k];
  }
  for (let i = 0; i < units; i++) {
    const col = (i + 2) * m;
    for (let k = 0; k < m; k++) {
      const z = t[k] - kt[i];
      basis[col + k] = z > 0 ? z : 0;
    }
  }
  const { solution } = leastSquares(basis, m, n, y, input.ridge ?? 1e-12);
  // back to x: c̃ + ã·t = (c̃ − ã·mid/s) + (ã/s)·x, ṽ·relu(t − k̃) = (ṽ/s)·relu(x − k)
  const a = solution[1] / s;
  const c = solution[0] - a * mid;
  const v = Float64Array.from(solution.slice(2), (vi) => vi / s);
  // the curves from the fitted t-coefficients (exact where c and a·x would cancel for x far from 0)
  const linear = Float64Array.from(t, (tk) => solution[0] + solution[1] * tk);
  const sum = Float64Array.from(linear);
  const contributions: Float64Array[] = [];
  for (let i = 0; i < units; i++) {
    const col = (i + 2) * m;
    const curve = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      curve[k] = solution[i + 2] * basis[col + k];
      sum[k] += curve[k];
    }
    contributions.push(curve);
  }
  let ss = 0;
  let maxError = 0;
  for (let k = 0; k < m; k++) {
    const e = Math.abs(sum[k] - y[k]);
    ss += e * e;
    maxError = Math.max(maxError, e);
  }
  return {
    x,
    target: y,
    sum,
    linear,
    kinks,
    w,
    b,
    v,
    c,
    a,
    contributions,
    rmsError: Math.sqrt(ss / m),
    maxError,
  };
}

export interface ErrorVsUnits {
  readonly units: Int32Array;
  readonly rmsError: Float64Array;
  readonly maxError: Float64Array;
}

/** RMS and max error of {@link fitReluSum} with evenly spaced kinks for each unit count in `unitsList`. */
export function errorVsUnits(
  target: ReluSumTarget,
  unitsList: readonly number[],
  opts: { readonly range?: readonly [number, number]; readonly samples?: number } = {},
): ErrorVsUnits {
  const units = Int32Array.from(unitsList);
  const rmsError = new Float64Array(units.length);
  const maxError = new Float64Array(units.length);
  unitsList.forEach((u, i) => {
    const fit = fitReluSum({ target, units: u, ...opts });
    rmsError[i] = fit.rmsError;
    maxError[i] = fit.maxError;
  });
  return { units, rmsError, maxError };
}
