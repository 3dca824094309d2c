/**
 * GELU, exact (erf) and tanh-approximated, with the standard normal Φ and φ it is built from.
 *
 * torch computes x·(1 + erf(x/√2))/2, which cancels for negative x (gelu(−20) comes out as −0 instead of
 * ≈ −5.5e−88). Here Φ(x) = erfc(−x/√2)/2, which keeps full relative precision in the left tail, and the tanh
 * form uses 1 + tanh(u) = 2σ(2u) for the same reason. Where torch loses digits the tests compare with the
 * true value (mpmath) instead of torch.
 *
 * Non-finite inputs give what torch gives: gelu(−∞) = NaN (−∞·0), gelu′(±∞) = NaN (±∞·0).
 */
import { defineActivation, type RegisteredActivation, type ResolvedParams } from "./define";
import * as DD from "./double-double";
import { erfc } from "./erf";
import { productError, sigmoid, sigmoidDerivative } from "./numeric";

/** 1/√2 = SQRT1_2 + SQRT1_2_LO (double-double). */
const SQRT1_2_LO = -4.833646656726457e-17;
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_2PI = 0.3989422804014327;
/** √(2/π), the tanh approximation's β (torch's M_SQRT2·M_2_SQRTPI·0.5 rounds to the same double). */
const TANH_BETA = 0.7978845608028654;
const TANH_BETA_DD = DD.dd(TANH_BETA, -4.98465440455546e-17);
/** 1/√(2π) as a double-double. */
const INV_SQRT_2PI_DD = DD.dd(INV_SQRT_2PI, -2.49232720227773e-17);
const TANH_KAPPA = 0.044715;
/**
 * On [−3, 0) gelu′ = Φ(x) + x·φ(x) subtracts nearly equal terms (it crosses zero at x ≈ −0.7518), and on [−10, 0)
 * so does the tanh form's derivative: there both are evaluated in double-double and rounded once.
 */
const GELU_BAND = -3;
const GELU_TANH_BAND = -10;

/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2. The argument −x/√2 is carried as a double-double and its low part
 * applied as a first-order correction (d erfc(y)/dy = −(2/√π)e^(−y²)): without it, the rounding of x/√2 alone
 * costs up to x²/2 ulp in the far left tail.
 */
export function normalCdf(x: number): number {
  const t = -x;
  const yh = t * Math.SQRT1_2;
  const ay = Math.abs(yh);
  if (!(ay > 0.5 && ay < 27)) {
    return 0.5 * erfc(yh); // small |y|: the rounding is harmless; beyond 27 erfc is 0 or 2
  }
  const yl = productError(t, Math.SQRT1_2, yh) + t * SQRT1_2_LO;
  return 0.5 * (erfc(yh) - TWO_OVER_SQRT_PI * Math.exp(-yh * yh) * yl);
}

/**
 * Standard normal density φ(x) = e^(−x²/2)/√(2π), with x² split exactly into h + l so the exponent is exact
 * to first order: e^(−h/2)·(1 − l/2). (e^(−x·x/2) alone is off by up to x²/2 ulp.)
 */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 40)) {
    return ax === ax ? 0 : ax; // e^(−800) underflows; NaN stays NaN
  }
  const h = x * x;
  const l = productError(x, x, h);
  return INV_SQRT_2PI * Math.exp(-0.5 * h) * (1 - 0.5 * l);
}

function isTanh(p: ResolvedParams): boolean {
  return p["approximate"] === "tanh";
}

/** φ(x) as a double-double (e^(−x²/2) from the exact x²). */
function normalPdfDD(x: number): DD.DD {
  const x2 = DD.twoProd(x, x);
  return DD.mul(DD.exp(DD.dd(-0.5 * x2.hi, -0.5 * x2.lo)), INV_SQRT_2PI_DD);
}

/**
 * gelu′(x) = Φ(x) + x·φ(x). Left of −3 the two terms no longer cancel much, but x·φ dominates, so φ is taken in
 * double-double there (Φ from erfc is accurate and small); on [−3, 0) see {@link geluDerivativeDD}.
 */
function geluDerivative(x: number): number {
  if (x < 0 && x >= GELU_BAND) {
    return geluDerivativeDD(x);
  }
  if (x < GELU_BAND && x > -40) {
    return DD.toNumber(DD.addNum(DD.mulNum(normalPdfDD(x), x), normalCdf(x)));
  }
  return geluDerivativeQuick(x);
}

/** gelu′ = Φ(x) + x·φ(x) in plain float64 (the formula right of 0, where nothing cancels). */
function geluDerivativeQuick(x: number): number {
  return normalCdf(x) + x * normalPdf(x);
}

/**
 * gelu′ on [−3, 0) in double-double: gelu′(x) = 1/2 + φ(x)·(S(x) + x), where Φ(x) = 1/2 + φ(x)·S(x) and
 * S(x) = Σ x^(2n+1)/(2n+1)!! = x + x³/3 + x⁵/15 + … (all terms of one sign, converging for every x).
 * The series runs on local hi/lo pairs (no allocation): 15 terms at the zero x ≈ −0.75, about 50 at x = −3.
 */
function geluDerivativeDD(x: number): number {
  const x2h = x * x;
  const x2l = productError(x, x, x2h);
  let th = x; // term
  let tl = 0;
  let sh = x; // sum
  let sl = 0;
  for (let n = 1; n < 200 && Math.abs(th) > 1e-32 * Math.abs(sh); n++) {
    // term ·= x²
    const p = th * x2h;
    const pe = productError(th, x2h, p) + (th * x2l + tl * x2h);
    th = p + pe;
    tl = pe - (th - p);
    // term /= 2n + 1 (an exact small integer): q1 + remainder/k
    const k = 2 * n + 1;
    const q1 = th / k;
    const qk = q1 * k;
    const q2 = (th - qk - productError(q1, k, qk) + tl) / k;
    th = q1 + q2;
    tl = q2 - (th - q1);
    // sum += term
    const t = sh + th;
    const v = t - sh;
    const e = sh - (t - v) + (th - v) + (sl + tl);
    sh = t + e;
    sl = e - (sh - t);
  }
  const phi = normalPdfDD(x);
  return DD.toNumber(DD.addNum(DD.mul(phi, DD.addNum(DD.dd(sh, sl), x)), 0.5));
}

/** u = √(2/π)·x·(1 + 0.044715·x²) as a double-double (x² and the products exact to ~1e−32). */
function tanhInnerDD(x: number): DD.DD {
  const x2 = DD.twoProd(x, x);
  const inner = DD.addNum(DD.mulNum(x2, TANH_KAPPA), 1);
  return DD.mul(DD.mulNum(inner, x), TANH_BETA_DD);
}

/**
 * gelu_tanh(x) = x·σ(2u) (= x·(1 + tanh u)/2 without its cancellation for u ≪ 0), with the rounding of 2u
 * corrected to first order: σ(v + dv) ≈ σ(v) + σ′(v)·dv. (The plain float64 u is off by a few ulp, which
 * e^(2u) magnifies by |2u|: hundreds of ulp at x ≈ −19.)
 */
function geluTanh(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > 1e100) {
    return x * sigmoid(2 * x); // ±∞·σ: +∞ and NaN as torch; huge |x|: x or −0
  }
  const u = tanhInnerDD(x);
  const v = 2 * u.hi;
  return x * (sigmoid(v) + sigmoidDerivative(v) * 2 * u.lo);
}

function geluTanhDerivative(x: number): number {
  if (!Number.isFinite(x)) {
    return NaN; // torch: ±∞·0 in its backward formula
  }
  if (Math.abs(x) > 1e100) {
    return x > 0 ? 1 : -0; // the second term underflows long before x³ would overflow
  }
  const u = tanhInnerDD(x);
  // d/dx [x·σ(2u)] = σ(2u) + x·2σ(2u)σ(−2u)·u′, u′ = β(1 + 3κx²)
  const x2 = DD.twoProd(x, x);
  const du = DD.mul(DD.addNum(DD.mulNum(DD.mulNum(x2, TANH_KAPPA), 3), 1), TANH_BETA_DD); // 3κ unrounded
  if (x < 0 && x > GELU_TANH_BAND) {
    const { s, c } = DD.logisticPair(DD.dd(2 * u.hi, 2 * u.lo));
    return DD.toNumber(DD.add(s, DD.mulNum(DD.mul(DD.mul(s, c), du), 2 * x)));
  }
  // σ(v + dv) ≈ σ(v) + σ′(v)·dv and σ′(v + dv) ≈ σ′(v)·(1 + (1 − 2σ(v))·dv), v + dv = 2u
  const v = 2 * u.hi;
  const dv = 2 * u.lo;
  const s0 = sigmoid(v);
  const sc0 = sigmoidDerivative(v);
  if (sc0 === 0) {
    return s0; // the second term underflows
  }
  const s = s0 + sc0 * dv;
  const sc = sc0 + sc0 * (1 - 2 * s0) * dv;
  return s + 2 * x * sc * DD.toNumber(du);
}

/** The tanh form's derivative in plain float64: σ(2u) + 2x·σ′(2u)·u′, u and u′ rounded (within 1e−14 of the exact). */
function geluTanhDerivativeQuick(x: number): number {
  if (!Number.isFinite(x)) {
    return NaN;
  }
  if (Math.abs(x) > 1e100) {
    return x > 0 ? 1 : -0;
  }
  const x2 = x * x;
  const v = 2 * TANH_BETA * x * (1 + TANH_KAPPA * x2);
  return sigmoid(v) + 2 * x * sigmoidDerivative(v) * (TANH_BETA * (1 + 3 * TANH_KAPPA * x2));
}

export const gelu: RegisteredActivation = defineActivation({
  id: "gelu",
  label: "GELU",
  kind: "elementwise",
  aliases: ["GELU", "gelu_erf"],
  params: [
    {
      name: "approximate",
      kind: "enum",
      default: "none",
      options: ["none", "tanh"],
      description:
        "'none': exact x·Φ(x) with erf (torch and Keras default); 'tanh': the tanh approximation " +
        "(jax.nn.gelu and Flux default to it).",
    },
  ],
  formula: {
    text: "gelu(x) = x·Φ(x) = x·(1 + erf(x/√2))/2;  tanh: x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2",
    latex: String.raw`\operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt 2}\right)`,
  },
  derivativeFormula: {
    text:
      "gelu′(x) = Φ(x) + x·φ(x), φ(x) = exp(−x²/2)/√(2π);  tanh: s + 2x·s·(1 − s)·√(2/π)·(1 + 3·0.044715·x²), " +
      "s = (1 + tanh u)/2",
    latex: String.raw`\operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x),\quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}`,
  },
  range: { min: -0.16997120747990366, max: Infinity, text: "[≈ −0.16997, ∞)" },
  properties: { monotonic: false, bounded: false, zeroCentred: true, smooth: true, saturating: true, sparse: false },
  kinks: () => [],
  summary:
    "Gaussian error linear unit: x·Φ(x), the input weighted by the standard normal CDF. Smooth, with a small " +
    "negative dip (minimum ≈ −0.17 at x ≈ −0.75); used in BERT and GPT.",
  f: (x, p) => (isTanh(p) ? geluTanh(x) : x * normalCdf(x)),
  df: (x, p) => (isTanh(p) ? geluTanhDerivative(x) : geluDerivative(x)),
  dfQuick: (x, p) => (isTanh(p) ? geluTanhDerivativeQuick(x) : geluDerivativeQuick(x)),
});
