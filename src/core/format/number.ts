/**
 * Number formatting for hovers, readouts and the stats strip. Pure TypeScript.
 *
 * Conventions: `digits` are significant digits; NaN prints as `NaN`, infinities as `∞` / `−∞`, negative zero as
 * `−0` (torch keeps the sign of zero, so the readout does too); the minus sign is U+2212 unless
 * `unicodeMinus: false` asks for the ASCII hyphen-minus (for text meant to be pasted back into code).
 */

export interface NumberFormatOptions {
  /** Use U+2212 MINUS SIGN instead of `-` (default true). */
  readonly unicodeMinus?: boolean;
  /** Plain notation is used for smallAbs ≤ |x| < largeAbs; exponent notation outside (defaults 1e-4 and 1e6). */
  readonly smallAbs?: number;
  readonly largeAbs?: number;
}

export const MINUS = "\u2212";

/** Clamp a digit count to what `toPrecision`/`toExponential` accept (1–21), default `fallback`. */
function clampDigits(digits: number | undefined, fallback: number): number {
  if (digits === undefined || !Number.isFinite(digits)) {
    return fallback;
  }
  return Math.min(21, Math.max(1, Math.round(digits)));
}

/** `1.2300` → `1.23`, `2.000` → `2`; leaves strings without a decimal point alone. */
function trimZeros(s: string): string {
  if (s.indexOf(".") < 0) {
    return s;
  }
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * Format `x` with `digits` significant digits (default 4, clamped to 1–21), trailing zeros trimmed.
 *
 * - plain notation when smallAbs ≤ |x| < largeAbs (1e-4 and 1e6 by default): `0.5`, `123.5`, `123457`
 *   (integers up to largeAbs keep all their integer digits rather than switching to an exponent);
 * - exponent notation otherwise: `1.235e−7`, `3e+12` written `3e12`;
 * - `0`, `−0`, `NaN`, `∞`, `−∞` as such.
 */
export function formatNumber(x: number, digits?: number, options: NumberFormatOptions = {}): string {
  const minus = options.unicodeMinus === false ? "-" : MINUS;
  const d = clampDigits(digits, 4);
  if (Number.isNaN(x)) {
    return "NaN";
  }
  if (x === Infinity) {
    return "∞";
  }
  if (x === -Infinity) {
    return minus + "∞";
  }
  if (x === 0) {
    return Object.is(x, -0) ? minus + "0" : "0";
  }
  const small = options.smallAbs ?? 1e-4;
  const large = options.largeAbs ?? 1e6;
  const a = Math.abs(x);
  let body: string;
  if (a >= small && a < large) {
    // Decimals so that `d` significant digits show; integers keep all their digits.
    const exponent = Number.parseInt(a.toExponential(d - 1).split("e")[1], 10);
    const decimals = Math.min(100, Math.max(0, d - 1 - exponent));
    body = trimZeros(a.toFixed(decimals));
    if (Number(body) >= large) {
      body = exponentForm(a, d);
    }
  } else {
    body = exponentForm(a, d);
  }
  return (x < 0 ? minus : "") + body.replace(/-/g, minus);
}

/** `a.toExponential(d − 1)` with trailing mantissa zeros trimmed and `e+` written `e`: `1.5e12`, `2e-7`. */
function exponentForm(a: number, d: number): string {
  const [mantissa, exponent] = a.toExponential(d - 1).split("e");
  return trimZeros(mantissa) + "e" + exponent.replace("+", "");
}

/**
 * A fraction in [0, 1] as a percentage with `digits` decimals (default 1): `0.125` → `12.5%`.
 * A fraction that is not exactly 0 (or 1) never rounds to `0%` (or `100%`): it prints `<0.1%` (or `>99.9%`),
 * so one NaN in a million values is not shown as 0%. Non-finite input prints via {@link formatNumber}.
 */
export function formatPercent(fraction: number, digits = 1, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(fraction)) {
    return formatNumber(fraction, 4, options) + "%";
  }
  const dec = Math.min(20, Math.max(0, Math.round(digits)));
  const pct = fraction * 100;
  const step = Math.pow(10, -dec);
  if (pct > 0 && pct < step / 2) {
    return "<" + step.toFixed(dec) + "%";
  }
  if (pct < 100 && pct > 100 - step / 2) {
    return ">" + (100 - step).toFixed(dec) + "%";
  }
  const minus = options.unicodeMinus === false ? "-" : MINUS;
  const s = Math.abs(pct).toFixed(dec);
  return (pct < 0 && Number(s) !== 0 ? minus : "") + s + "%";
}

/**
 * A closed interval of values: `[−1.5, 2.25]`, each end by {@link formatNumber} with `digits` (default 4).
 * A degenerate interval (lo = hi, or both NaN) prints as one bracketed value: `[3]`.
 */
export function formatRange(lo: number, hi: number, digits?: number, options: NumberFormatOptions = {}): string {
  const a = formatNumber(lo, digits, options);
  const b = formatNumber(hi, digits, options);
  return a === b ? `[${a}]` : `[${a}, ${b}]`;
}

/**
 * An inclusive range of integer indices with an en dash: `100–119`, or `7` when start = end.
 * Used for hover readouts such as "rows 100–119, units 40–47".
 */
export function formatIndexRange(start: number, endInclusive: number): string {
  return start === endInclusive ? String(start) : `${start}\u2013${endInclusive}`;
}
