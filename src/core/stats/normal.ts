/**
 * The standard normal distribution: density φ and CDF Φ (the registry's tail-accurate `normalPdf`/`normalCdf`,
 * re-exported under their usual names), and the Gaussian-weighted exponential the ELU-family moments need.
 *
 * Φ keeps full relative precision in the left tail (Φ(−30) ≈ 4.9e−198 is not rounded to 0).
 */
import { normalCdf, normalPdf } from "../activations";

/** φ(x) = e^(−x²/2)/√(2π). φ(±∞) = 0. */
export const phi: (x: number) => number = normalPdf;

/** Φ(x) = P(Z ≤ x) for Z ~ N(0, 1) = erfc(−x/√2)/2. Φ(−∞) = 0, Φ(+∞) = 1. */
export const Phi: (x: number) => number = normalCdf;

/**
 * The Gaussian-weighted exponential over a half-line: E[e^(k·X); X ≤ 0] for X ~ N(μ, σ²), σ > 0,
 *   = e^(kμ + k²σ²/2) · Φ(t),  t = −(μ + kσ²)/σ.
 * When t is far in the left tail the two factors would overflow/underflow separately; there the identity
 *   e^(kμ + k²σ²/2)·φ(t) = φ(μ/σ)
 * gives φ(μ/σ)·M(t) with the Mills ratio M(t) = Φ(t)/φ(t) ≈ (1/|t|)·Σ_{j=0..6} (−1)^j (2j − 1)!!/t^(2j) (asymptotic
 * series; the first omitted term bounds the relative error: 135135/t¹⁴ < 1e−16 for t ≤ −30).
 */
export function expBelowZero(k: number, mu: number, sigma: number): number {
  const t = -(mu + k * sigma * sigma) / sigma;
  if (t > -30) {
    const e = k * mu + 0.5 * k * k * sigma * sigma;
    if (e < 700) {
      return Math.exp(e) * Phi(t);
    }
  }
  const u = 1 / (t * t);
  const mills = (1 / -t) * (1 - u * (1 - u * (3 - u * (15 - u * (105 - u * (945 - u * 10395))))));
  return phi(mu / sigma) * mills;
}
