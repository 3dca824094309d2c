/**
 * Reading one number token from a print, over char codes, with exact conversion.
 *
 * Token grammar (after an optional sign `-`, `+` or `−` U+2212):
 *   digits [`.` digits] [exponent]  |  `.` digits [exponent]   with exponent = (`e`|`E`|`f`) [sign] digits
 *   (`f` is Julia's Float32 exponent: `1.5f-3`), or a word: `nan`, `inf`, `infinity` (any case),
 *   Julia's `NaN32`, `Inf32`, `NaN16`, `Inf16`; and unsigned `True`/`False`/`true`/`false` (1/0),
 *   `None`/`null` (NaN).
 *
 * Conversion is correctly rounded, i.e. equal to JS `Number(token)` (with `−` read as `-`, `f` as `e`):
 * - up to 17 significant digits are gathered exactly as `hi + lo` (two doubles);
 * - if the mantissa is exact (`lo = 0`) and 10^|e| ≤ 10^22 (exact in binary64), one IEEE operation
 *   `m · 10^e` or `m / 10^e` is correctly rounded (Clinger's fast path, extended to `m·10^k < 2^53`);
 * - with 16–17 digits (`lo ≠ 0`) the residual of `q = m / 10^e` is computed exactly with Dekker's
 *   two-product, `q` is corrected by it, and the result is kept only when its distance to a rounding
 *   boundary exceeds the error bound of that residual; otherwise, and for more digits or larger
 *   exponents, `Number(slice)` decides.
 */

/** Kinds of token (`tok.kind`). */
export const KIND_INT = 1;
export const KIND_FLOAT = 2;
export const KIND_BOOL = 3;
/** `null` / `None`: read as NaN. */
export const KIND_NULL = 4;

/** Style flags of a token (`tok.flags`), used to tell formats apart. */
/** Not valid JSON (`1.`, `.5`, `+1`, `01`, `−1`, `inf`, `Inf32`, ...). */
export const F_NON_JSON = 1;
/** Python spelling: `nan`, `inf`, `True`, `False`, `None`. */
export const F_PY = 2;
/** JSON/JS spelling: `NaN`, `Infinity`, `true`, `false`, `null`. */
export const F_JSON_WORD = 4;
/** Julia spelling: `1.0f0`, `NaN32`, `Inf32`, `NaN16`, `Inf16`. */
export const F_JULIA = 8;
/** An integer token of magnitude above 2^53 (so not every such integer is exact in binary64). */
export const F_BIG_INT = 16;

/** The last token read by `readNumber` (a shared record: no allocation per token). */
export const tok = { value: 0, kind: 0, flags: 0 };

const POW10: readonly number[] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
  1e19, 1e20, 1e21, 1e22,
];
const TWO53 = 9007199254740992;
const SPLITTER = 134217729; // 2^27 + 1, Dekker/Veltkamp split of binary64
const TWO_M50 = 2 ** -50;
/** 1/10^k rounded (used only where an approximation suffices). */
const INV_POW10: readonly number[] = POW10.map((p) => 1 / p);
/** Dekker split of each exact 10^k (k ≤ 22): POW10[k] = P_HI[k] + P_LO[k], each ≤ 26 bits. */
const P_HI: number[] = [];
const P_LO: number[] = [];
for (const p of POW10) {
  const c = SPLITTER * p;
  const h = c - (c - p);
  P_HI.push(h);
  P_LO.push(p - h);
}
const TWO_M53 = 2 ** -53;

/**
 * Exact value of the decimal `m · 10^e10` where the mantissa's first ≤ 9 significant digits are `a`
 * and the next `nsig − 9` (≤ 8) are `b`; NaN when the fast paths cannot decide (caller falls back).
 */
function decimalToDouble(a: number, b: number, nsig: number, e10: number): number {
  let m: number;
  let lo = 0;
  if (nsig <= 9) {
    m = a;
  } else {
    const big = a * POW10[nsig - 9]; // exact: a < 10^9 so a·5^k < 2^53, times 2^k
    m = big + b;
    if (m >= TWO53) {
      lo = b - (m - big); // Fast2Sum: exact rounding error of big + b
    }
  }
  if (lo === 0) {
    // m is exact: one correctly rounded operation with an exact power of ten.
    if (e10 === 0) {
      return m;
    }
    if (e10 > 0) {
      if (e10 <= 22) {
        return m * POW10[e10];
      }
      const k = e10 - 22;
      if (k <= 22 && m < TWO53 / POW10[k]) {
        return m * POW10[k] * 1e22; // m·10^k < 2^53 is exact
      }
      return NaN;
    }
    return e10 >= -22 ? m / POW10[-e10] : NaN;
  }
  if (e10 > 22 || e10 < -22) {
    return NaN;
  }
  let q: number;
  let t: number;
  let bound: number;
  if (e10 >= 0) {
    const p = POW10[e10];
    q = m * p;
    const c = SPLITTER * m;
    const mh = c - (c - m);
    const ml = m - mh;
    const err = mh * P_HI[e10] - q + mh * P_LO[e10] + ml * P_HI[e10] + ml * P_LO[e10]; // m·p − q, exact
    const lp = lo * p;
    t = err + lp;
    bound = (Math.abs(err) + Math.abs(lp)) * TWO_M50;
  } else {
    // q need not be correctly rounded, only close (≤ 2 ulp) to m/p: multiply by the inverse.
    const k = -e10;
    const p = POW10[k];
    const inv = INV_POW10[k];
    q = m * inv;
    const c = SPLITTER * q;
    const qh = c - (c - q);
    const ql = q - qh;
    const prod = q * p;
    const prodErr = qh * P_HI[k] - prod + qh * P_LO[k] + ql * P_HI[k] + ql * P_LO[k]; // q·p − prod, exact
    const r0 = m - prod; // exact (Sterbenz)
    const r = r0 - prodErr + lo; // m + lo − q·p, up to two roundings
    t = r * inv; // relative error < 2^-51
    bound = (Math.abs(r0) + Math.abs(prodErr) + Math.abs(lo)) * inv * TWO_M50;
  }
  const s = q + t;
  const err = t - (s - q); // exact: |q| ≥ |t|
  // ulp(s) exactly, without looking at bits: |s|·2^-53 lies in [ulp/2, ulp), so adding it rounds up
  // by one ulp — except for a power of two, where it is exactly ulp/2, the tie goes to even, and u = 0
  // (the spacing below a power of two is half as wide: let Number() decide).
  const as = Math.abs(s);
  const u = as + as * TWO_M53 - as;
  if (Math.abs(err) + bound < u * 0.5) {
    return s;
  }
  return NaN;
}

/** `Number()` of the token text (sign included), after mapping `−` to `-` and Julia's `f` exponent to `e`. */
function slowValue(text: string, start: number, end: number, unicodeMinus: boolean, juliaExp: boolean): number {
  let s = text.slice(start, end);
  if (unicodeMinus || s.indexOf("\u2212") >= 0) {
    s = s.split("\u2212").join("-");
  }
  if (juliaExp) {
    s = s.replace("f", "e");
  }
  return Number(s);
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** True when text[i..] starts with `word` (ASCII, `word` lower case), ignoring case. */
function matchesWordCI(text: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (lower(text.charCodeAt(i + k)) !== word.charCodeAt(k)) {
      return false;
    }
  }
  return true;
}

function matchesExact(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i);
}

/** Julia's `32`/`16` suffix of `NaN32`, `Inf16`; returns its length (0 if none). */
function juliaSuffix(text: string, i: number): number {
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  if ((c0 === 51 && c1 === 50) || (c0 === 49 && c1 === 54)) {
    return 2;
  }
  return 0;
}

/**
 * Reads a number token at `start`. Returns the index just after it, with the value in `tok`, or −1
 * if no number starts there (nothing is consumed). It does not look at what follows the token:
 * callers check for a separator (and for `j`/`im` of complex numbers).
 */
export function readNumber(text: string, start: number): number {
  // Fast path: [-] digits [. digits] [(e|E) [+-] digits] with at most 17 significant digits.
  let i = start;
  let c = text.charCodeAt(i);
  let neg = false;
  if (c === 45) {
    neg = true;
    c = text.charCodeAt(++i);
  }
  // (c ^ 48) < 10 tests for a digit in one step; NaN (past the end) gives 48: not a digit.
  if ((c ^ 48) >= 10) {
    return readNumberGeneral(text, start);
  }
  const intStart = i;
  let flags = 0;
  let a = 0;
  let b = 0;
  let nsig = 0; // significant digits gathered: the first 9 in a, the next ≤ 8 in b
  while (c === 48) {
    c = text.charCodeAt(++i);
  }
  while ((c ^ 48) < 10 && nsig < 9) {
    a = a * 10 + (c ^ 48);
    nsig++;
    c = text.charCodeAt(++i);
  }
  while ((c ^ 48) < 10) {
    b = b * 10 + (c ^ 48);
    nsig++;
    c = text.charCodeAt(++i);
  }
  if (nsig > 17) {
    return readNumberGeneral(text, start);
  }
  if (i - intStart > 1 && text.charCodeAt(intStart) === 48) {
    flags = F_NON_JSON; // leading zero
  }
  let frac = 0;
  let kind = KIND_INT;
  if (c === 46) {
    kind = KIND_FLOAT;
    c = text.charCodeAt(++i);
    const fracStart = i;
    if (nsig === 0) {
      while (c === 48) {
        c = text.charCodeAt(++i);
      }
    }
    while ((c ^ 48) < 10 && nsig < 9) {
      a = a * 10 + (c ^ 48);
      nsig++;
      c = text.charCodeAt(++i);
    }
    while ((c ^ 48) < 10) {
      b = b * 10 + (c ^ 48);
      nsig++;
      c = text.charCodeAt(++i);
    }
    if (nsig > 17) {
      return readNumberGeneral(text, start);
    }
    frac = i - fracStart;
    if (frac === 0) {
      flags = F_NON_JSON; // "1."
    }
  }
  if (c === 101 || c === 69) {
    let j = i + 1;
    let ec = text.charCodeAt(j);
    let eneg = false;
    if (ec === 45) {
      eneg = true;
      ec = text.charCodeAt(++j);
    } else if (ec === 43) {
      ec = text.charCodeAt(++j);
    } else if (ec === 0x2212) {
      return readNumberGeneral(text, start);
    }
    if (ec >= 48 && ec <= 57) {
      let ex = 0;
      while (ec >= 48 && ec <= 57) {
        if (ex < 100000) {
          ex = ex * 10 + (ec - 48);
        }
        ec = text.charCodeAt(++j);
      }
      i = j;
      kind = KIND_FLOAT;
      frac -= eneg ? -ex : ex;
    }
  } else if (c === 102 || c === 0x2212) {
    return readNumberGeneral(text, start);
  }
  // Clinger's fast path inline (≤ 15 digits: the mantissa is exact; 10^|e| ≤ 10^22 is exact).
  let v: number;
  if (nsig <= 15 && frac <= 22 && frac >= -22) {
    const m = nsig <= 9 ? a : a * POW10[nsig - 9] + b;
    v = frac >= 0 ? m / POW10[frac] : m * POW10[-frac];
  } else {
    v = nsig === 0 ? 0 : decimalToDouble(a, b, nsig, -frac);
  }
  if (v !== v) {
    return readNumberGeneral(text, start);
  }
  tok.value = neg ? -v : v;
  tok.kind = kind;
  tok.flags = kind === KIND_INT && nsig >= 16 && v > TWO53 ? flags | F_BIG_INT : flags;
  return i;
}

function readNumberGeneral(text: string, start: number): number {
  let i = start;
  let c = text.charCodeAt(i);
  let neg = false;
  let unicodeMinus = false;
  let flags = 0;
  if (c === 45) {
    neg = true;
    c = text.charCodeAt(++i);
  } else if (c === 0x2212) {
    neg = true;
    unicodeMinus = true;
    flags |= F_NON_JSON;
    c = text.charCodeAt(++i);
  } else if (c === 43) {
    flags |= F_NON_JSON;
    c = text.charCodeAt(++i);
  } else if (c > 57 && i === start) {
    // Unsigned words: booleans and null.
    if (c === 84 && matchesExact(text, i, "True")) {
      return word(i + 4, 1, KIND_BOOL, F_PY | F_NON_JSON);
    }
    if (c === 70 && matchesExact(text, i, "False")) {
      return word(i + 5, 0, KIND_BOOL, F_PY | F_NON_JSON);
    }
    if (c === 116 && matchesExact(text, i, "true")) {
      return word(i + 4, 1, KIND_BOOL, F_JSON_WORD);
    }
    if (c === 102 && matchesExact(text, i, "false")) {
      return word(i + 5, 0, KIND_BOOL, F_JSON_WORD);
    }
    if (c === 78 && matchesExact(text, i, "None")) {
      return word(i + 4, NaN, KIND_NULL, F_PY | F_NON_JSON);
    }
    if (c === 110 && matchesExact(text, i, "null")) {
      return word(i + 4, NaN, KIND_NULL, F_JSON_WORD);
    }
  }
  if (c === 110 || c === 78) {
    // nan / NaN / NaN32
    if (!matchesWordCI(text, i, "nan")) {
      return -1;
    }
    let e = i + 3;
    if (matchesExact(text, i, "nan")) {
      flags |= F_PY | F_NON_JSON;
    } else if (matchesExact(text, i, "NaN")) {
      const n = juliaSuffix(text, e);
      flags |= n > 0 ? F_JULIA | F_NON_JSON : F_JSON_WORD;
      e += n;
    } else {
      flags |= F_NON_JSON;
    }
    return word(e, NaN, KIND_FLOAT, flags);
  }
  if (c === 105 || c === 73) {
    // inf / Inf / Infinity / Inf32
    let e: number;
    if (matchesWordCI(text, i, "infinity")) {
      e = i + 8;
      flags |= matchesExact(text, i, "Infinity") ? F_JSON_WORD : F_NON_JSON;
    } else if (matchesWordCI(text, i, "inf")) {
      e = i + 3;
      if (matchesExact(text, i, "inf")) {
        flags |= F_PY | F_NON_JSON;
      } else {
        const n = juliaSuffix(text, e);
        flags |= n > 0 ? F_JULIA | F_NON_JSON : F_NON_JSON;
        e += n;
      }
    } else {
      return -1;
    }
    return word(e, neg ? -Infinity : Infinity, KIND_FLOAT, flags);
  }

  let a = 0;
  let b = 0;
  let nsig = 0;
  let frac = 0;
  let extra = 0;
  let slow = false;
  let digits = 0;
  let kind = KIND_INT;
  const intStart = i;
  while (c >= 48 && c <= 57) {
    const d = c - 48;
    if (nsig === 0 && d === 0) {
      // leading zero
    } else if (nsig < 9) {
      a = a * 10 + d;
      nsig++;
    } else if (nsig < 17) {
      b = b * 10 + d;
      nsig++;
    } else {
      extra++;
      if (d !== 0) {
        slow = true;
      }
    }
    digits++;
    c = text.charCodeAt(++i);
  }
  if (digits > 1 && text.charCodeAt(intStart) === 48) {
    flags |= F_NON_JSON; // leading zero
  }
  if (c === 46) {
    // '.': a fraction, unless it starts "..." (an ellipsis) with no digits before.
    if (digits === 0 && text.charCodeAt(i + 1) === 46) {
      return -1;
    }
    kind = KIND_FLOAT;
    c = text.charCodeAt(++i);
    let fd = 0;
    while (c >= 48 && c <= 57) {
      const d = c - 48;
      if (nsig === 0 && d === 0) {
        frac++;
      } else if (nsig < 9) {
        a = a * 10 + d;
        nsig++;
        frac++;
      } else if (nsig < 17) {
        b = b * 10 + d;
        nsig++;
        frac++;
      } else if (d !== 0) {
        slow = true;
      }
      fd++;
      c = text.charCodeAt(++i);
    }
    if (fd === 0 || digits === 0) {
      flags |= F_NON_JSON; // "1." or ".5"
    }
    digits += fd;
  }
  if (digits === 0) {
    return -1;
  }
  let juliaExp = false;
  if (c === 101 || c === 69 || c === 102) {
    // exponent, only if digits follow (else the token ends before the letter)
    let j = i + 1;
    let ec = text.charCodeAt(j);
    let eneg = false;
    if (ec === 45 || ec === 0x2212) {
      eneg = true;
      if (ec === 0x2212) {
        slow = true;
        flags |= F_NON_JSON;
      }
      ec = text.charCodeAt(++j);
    } else if (ec === 43) {
      ec = text.charCodeAt(++j);
    }
    if (ec >= 48 && ec <= 57) {
      if (c === 102) {
        juliaExp = true;
        flags |= F_JULIA | F_NON_JSON;
      }
      kind = KIND_FLOAT;
      let ex = 0;
      while (ec >= 48 && ec <= 57) {
        if (ex < 100000) {
          ex = ex * 10 + (ec - 48);
        }
        ec = text.charCodeAt(++j);
      }
      i = j;
      frac -= eneg ? -ex : ex;
    }
  }
  let v: number;
  if (slow) {
    v = NaN;
  } else if (nsig === 0) {
    v = 0;
  } else {
    v = decimalToDouble(a, b, nsig, extra - frac);
  }
  if (v === v) {
    tok.value = neg ? -v : v;
  } else {
    tok.value = slowValue(text, start, i, unicodeMinus, juliaExp);
  }
  if (kind === KIND_INT && nsig >= 16 && Math.abs(tok.value) > TWO53) {
    flags |= F_BIG_INT;
  }
  tok.kind = kind;
  tok.flags = flags;
  return i;
}

function word(end: number, value: number, kind: number, flags: number): number {
  tok.value = value;
  tok.kind = kind;
  tok.flags = flags;
  return end;
}
