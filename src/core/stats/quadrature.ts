/**
 * Adaptive Gauss–Kronrod (7-point Gauss / 15-point Kronrod, QUADPACK's qk15 nodes) quadrature for smooth
 * integrands on finite intervals, vector-valued so that several integrals of the same function values
 * (E f, E f², E f′, E f′²) share one set of evaluations.
 *
 * Contract: the integrand must be smooth inside [a, b]; callers split at kinks and discontinuities first (the
 * rule never evaluates an interval's end points, so the value exactly at a kink does not matter).
 */

/** Kronrod nodes on [−1, 1] (positive half; the last is 0). Odd indices are also the Gauss nodes. */
const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691,
  0.7415311855993945, 0.5860872354676911, 0.4058451513773972,
  0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019,
  0.14065325971552592, 0.1690047266392679, 0.19035057806478542,
  0.20443294007529889, 0.20948214108472782,
];
/** 7-point Gauss weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
const WG = [
  0.1294849661688697, 0.27970539148927664, 0.3818300505051189,
  0.4179591836734694,
];

/** Writes the m integrand values at t into out[0..m). */
export type VectorIntegrand = (t: number, out: Float64Array) => void;

export interface QuadratureOptions {
  /** Absolute error target for the whole integral (per component). Default 1e−14. */
  readonly absTol?: number;
  /** Relative error target (per component, against the running magnitude). Default 1e−12. */
  readonly relTol?: number;
  /** Maximum bisection depth of one starting interval. Default 40. */
  readonly maxDepth?: number;
  /** Maximum number of GK15 panels in all (each costs 15 evaluations); past it panels are accepted. Default 20000. */
  readonly maxPanels?: number;
}

export interface QuadratureResult {
  readonly values: Float64Array;
  /** Sum of the |Kronrod − Gauss| differences of the accepted intervals (an error bound in practice). */
  readonly errors: Float64Array;
  readonly evaluations: number;
}

/**
 * ∫ g(t) dt over the union of [breaks[i], breaks[i+1]] for a vector integrand g of m components, by adaptive
 * bisection of each interval until |K15 − G7| ≤ max(absTol·(width share), relTol·|K15|) in every component.
 * A NaN anywhere makes the result NaN (no bisection).
 */
export function integrateVector(
  g: VectorIntegrand,
  m: number,
  breaks: readonly number[],
  opts: QuadratureOptions = {},
): QuadratureResult {
  const absTol = opts.absTol ?? 1e-14;
  const relTol = opts.relTol ?? 1e-12;
  const maxDepth = opts.maxDepth ?? 40;
  const maxPanels = opts.maxPanels ?? 20000;
  let panels = 0;
  const values = new Float64Array(m);
  const errors = new Float64Array(m);
  const k = new Float64Array(m);
  const gs = new Float64Array(m);
  const f1 = new Float64Array(m);
  const f2 = new Float64Array(m);
  let evaluations = 0;
  const total = breaks[breaks.length - 1] - breaks[0];

  // One GK15 panel: fills k (Kronrod) and gs (Gauss) for [a, b].
  const panel = (a: number, b: number): void => {
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    k.fill(0);
    gs.fill(0);
    for (let i = 0; i < 7; i++) {
      const dx = h * XGK[i];
      g(c - dx, f1);
      g(c + dx, f2);
      evaluations += 2;
      const wk = WGK[i];
      const odd = (i & 1) === 1;
      const wg = odd ? WG[(i - 1) >> 1] : 0;
      for (let j = 0; j < m; j++) {
        const s = f1[j] + f2[j];
        k[j] += wk * s;
        if (odd) {
          gs[j] += wg * s;
        }
      }
    }
    g(c, f1);
    evaluations += 1;
    for (let j = 0; j < m; j++) {
      k[j] = (k[j] + WGK[7] * f1[j]) * h;
      gs[j] = (gs[j] + WG[3] * f1[j]) * h;
    }
  };

  const stackA: number[] = [];
  const stackB: number[] = [];
  const stackD: number[] = [];
  for (let s = 0; s + 1 < breaks.length; s++) {
    const a0 = breaks[s];
    const b0 = breaks[s + 1];
    if (!(b0 > a0)) {
      continue;
    }
    stackA.push(a0);
    stackB.push(b0);
    stackD.push(0);
    while (stackA.length > 0) {
      const a = stackA.pop() as number;
      const b = stackB.pop() as number;
      const depth = stackD.pop() as number;
      panel(a, b);
      panels++;
      const share = total > 0 ? (b - a) / total : 1;
      let ok = depth >= maxDepth || panels >= maxPanels;
      if (!ok) {
        ok = true;
        for (let j = 0; j < m; j++) {
          const err = Math.abs(k[j] - gs[j]);
          if (err !== err) {
            break; // NaN integrand: accept (the result is NaN); bisecting cannot help
          }
          const tol = Math.max(absTol * share, relTol * Math.abs(k[j]));
          if (!(err <= tol)) {
            ok = false;
            break;
          }
        }
      }
      if (ok) {
        for (let j = 0; j < m; j++) {
          values[j] += k[j];
          errors[j] += Math.abs(k[j] - gs[j]);
        }
      } else {
        const c = 0.5 * (a + b);
        stackA.push(c, a);
        stackB.push(b, c);
        stackD.push(depth + 1, depth + 1);
      }
    }
  }
  return { values, errors, evaluations };
}
