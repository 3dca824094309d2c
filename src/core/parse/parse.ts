/**
 * `parseNumbers`: detects the print format of a selection and reads its numbers.
 *
 * Detection, on the text without leading/trailing whitespace:
 *   `Parameter containing:` / `tensor(` → torch-repr;  `array(` → numpy-repr;  `Array(` /
 *   `DeviceArray(` → jax-array;  `tf.Tensor(` → tf-tensor;  `<tf.Tensor` / `<tf.Variable` →
 *   tf-eager-repr;  `Float32[` (a capitalised type before `[`) → julia;  `2×2 Matrix{…}:` /
 *   `3-element Vector{…}:` → julia-display;  `[` or `(` → a `;` inside makes it a matlab/julia matrix,
 *   otherwise nested lists: numpy-str when items are separated by whitespace only, json when every
 *   token is valid JSON, python-list otherwise (several top-level lists in a row, like a selection
 *   of rows, are read as the rows of one tensor);  anything else → a csv/tsv/whitespace table, or
 *   a scalar when it is one number.
 */
import { ParseContext } from "./context";
import { ParseError, quoteAt } from "./errors";
import { finishNested } from "./finish";
import { readJuliaDisplay, readJuliaHeader } from "./julia-display";
import { readMatrix } from "./matrix";
import { F_JULIA, F_NON_JSON, F_PY } from "./number";
import { readNested, S_COMMA, S_PAREN, S_SPACE_SEP, S_TRAILING_COMMA, S_WRAPPED, type NestedResult } from "./nested";
import { detectTable, readTable } from "./table";
import { DEFAULT_MAX_VALUES, PARSE_FORMATS, type ParsedNumbers, type ParseFormat, type ParseOptions } from "./types";
import { readJax, readNumpyRepr, readTfEager, readTfTensor, readTorch } from "./wrappers";
import { normalizeDtype } from "./dtype";

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0xfeff;
}

/**
 * Reads the numbers a tool printed (see `PARSE_FORMATS` for the formats) into a row-major
 * Float64Array with its shape. Values are exact: each token converts to the double nearest to its
 * decimal value, like JS `Number()`. Time and memory are linear in the text.
 *
 * Throws `ParseError` (and nothing else) with the offset, line and column of the problem: empty
 * selection, text that is not numbers, ragged rows, a selection that cuts a tensor (unbalanced
 * brackets), complex numbers, more than `options.maxValues` values, a summarised print (`...`)
 * unless `options.allowSummarized`.
 */
export function parseNumbers(text: string, options: ParseOptions = {}): ParsedNumbers {
  let maxValues = options.maxValues ?? DEFAULT_MAX_VALUES;
  if (maxValues === Infinity) {
    maxValues = Number.MAX_SAFE_INTEGER;
  }
  if (!(maxValues >= 0) || !Number.isFinite(maxValues)) {
    throw new ParseError(`options.maxValues must be a non-negative number, got ${maxValues}`, text, 0);
  }
  if (options.format !== undefined && !(PARSE_FORMATS as readonly string[]).includes(options.format)) {
    throw new ParseError(`unknown format '${String(options.format)}' (known: ${PARSE_FORMATS.join(", ")})`, text, 0);
  }
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) {
    s++;
  }
  while (e > s && isSpace(text.charCodeAt(e - 1))) {
    e--;
  }
  if (s === e) {
    throw new ParseError("empty selection: there are no numbers to read", text, 0);
  }
  // Trailing whitespace is cut off so that scanners may run to the end of the string.
  const body = e === text.length ? text : text.slice(0, e);
  const ctx = new ParseContext(body, Math.floor(maxValues), options.allowSummarized === true);
  try {
    return options.format === undefined ? detectAndRead(ctx, s, e) : readForced(ctx, s, e, options.format);
  } catch (err) {
    if (err instanceof ParseError) {
      throw diagnose(text, s, e, err);
    }
    throw err;
  }
}

function detectAndRead(ctx: ParseContext, s: number, e: number): ParsedNumbers {
  const text = ctx.text;
  if (text.startsWith("Parameter containing:", s)) {
    let j = s + 21;
    while (isSpace(text.charCodeAt(j))) {
      j++;
    }
    if (!text.startsWith("tensor(", j)) {
      throw ctx.error("expected 'tensor(' after 'Parameter containing:'", j);
    }
    return readTorch(ctx, j, e, true);
  }
  if (text.startsWith("tensor(", s)) {
    return readTorch(ctx, s, e, false);
  }
  if (text.startsWith("array(", s)) {
    return readNumpyRepr(ctx, s, e);
  }
  if (text.startsWith("Array(", s)) {
    return readJax(ctx, s, s + 6, e);
  }
  if (text.startsWith("DeviceArray(", s)) {
    return readJax(ctx, s, s + 12, e);
  }
  if (text.startsWith("tf.Tensor(", s)) {
    return readTfTensor(ctx, s, e);
  }
  if (text.startsWith("<tf.Tensor", s) || text.startsWith("<tf.Variable", s)) {
    return readTfEager(ctx, s, e);
  }
  const c = text.charCodeAt(s);
  if (c >= 65 && c <= 90) {
    const r = juliaTyped(ctx, s, e);
    if (r) {
      return r;
    }
  }
  if (c >= 48 && c <= 57) {
    const h = readJuliaHeader(text, s, e);
    if (h) {
      return readJuliaDisplay(ctx, s, e, h);
    }
  }
  if (c === 91 || c === 40) {
    return readBrackets(ctx, s, e, undefined);
  }
  return readTable(ctx, s, e, detectTable(text, s, e), false);
}

/** `Float32[...]`, `Vector{Float64}[...]`, `Bool[...]` at `s`; null if it is not a typed literal. */
function juliaTyped(ctx: ParseContext, s: number, e: number): ParsedNumbers | null {
  const text = ctx.text;
  let j = s;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) {
      j++;
    } else {
      break;
    }
  }
  let typeEnd = j;
  if (text.charCodeAt(j) === 123) {
    const close = text.indexOf("}", j);
    if (close < 0 || close - j > 200) {
      return null;
    }
    j = close + 1;
  }
  if (text.charCodeAt(j) !== 91) {
    return null;
  }
  let type = text.slice(s, typeEnd);
  if (type === "Vector" || type === "Matrix" || type === "Array") {
    const inner = text.slice(typeEnd + 1, j - 1);
    type = inner.split(",")[0].trim();
    typeEnd = j;
  }
  const dtype = normalizeDtype(type);
  if (dtype === "complex") {
    throw ctx.error("complex numbers are not supported", s);
  }
  return readJuliaBrackets(ctx, j, e, dtype);
}

function readJuliaBrackets(ctx: ParseContext, open: number, e: number, dtype: string | undefined): ParsedNumbers {
  const text = ctx.text;
  const semicolon = hasChar(text, open, e, 59);
  const comma = hasChar(text, open, e, 44);
  if (!semicolon && comma) {
    const res = readNested(ctx, open, { family: "julia" });
    expectNothingAfter(ctx, res.end, e);
    return finishNested(ctx, res, "julia", { dtype });
  }
  const { result, end } = readMatrix(ctx, open, true, dtype);
  expectNothingAfter(ctx, end, e);
  if (!semicolon && result.shape[0] === 1 && result.shape[1] === 1 && !hasChar(text, open + 1, end - 1, 32)) {
    result.shape = [1]; // `Float32[1.0]` is a 1-element Vector
  }
  return result;
}

function hasChar(text: string, s: number, e: number, ch: number): boolean {
  const k = text.indexOf(String.fromCharCode(ch), s);
  return k >= 0 && k < e;
}

function expectNothingAfter(ctx: ParseContext, i: number, e: number): void {
  const text = ctx.text;
  while (i < e && isSpace(text.charCodeAt(i))) {
    i++;
  }
  if (i < e) {
    const c = text.charCodeAt(i);
    if (c === 93 || c === 41) {
      throw ctx.error(`the selection seems to cut a tensor: '${String.fromCharCode(c)}' without its opening bracket`, i);
    }
    throw ctx.error(`unexpected text after the tensor: ${quoteAt(text, i)}`, i);
  }
}

/** Bracketed text without a wrapper: matrix literal, or nested lists. */
function readBrackets(ctx: ParseContext, s: number, e: number, forced: ParseFormat | undefined): ParsedNumbers {
  const text = ctx.text;
  if (forced === "matlab" || forced === "julia" || (forced === undefined && text.charCodeAt(s) === 91 && hasChar(text, s, e, 59))) {
    if (text.charCodeAt(s) !== 91) {
      throw ctx.error("a matrix literal starts with '['", s);
    }
    const { result, end } = readMatrix(ctx, s, forced === "julia", undefined);
    expectNothingAfter(ctx, end, e);
    return result;
  }
  let res = readNested(ctx, s, { family: "unknown" });
  let j = res.end;
  while (j < e && isSpace(text.charCodeAt(j))) {
    j++;
  }
  let rows = false;
  if (j < e) {
    const c = text.charCodeAt(j);
    if ((c === 91 || c === 40 || c === 44) && (text.charCodeAt(s) === 91 || text.charCodeAt(s) === 40)) {
      // Several lists in a row: the rows of one tensor.
      ctx.n = 0;
      res = readNested(ctx, s, { family: "unknown", implicitOuter: true });
      rows = true;
    } else {
      expectNothingAfter(ctx, j, e);
    }
  }
  const format = forced ?? nestedFormat(res);
  if (rows) {
    ctx.warnings.push(`read ${res.shape[0]} lists one after another as the rows of one tensor`);
  }
  return finishNested(ctx, res, format, { dtype: res.wrappedDtype });
}

/** The format a bare nested read looks like (see the module comment). */
function nestedFormat(res: NestedResult): ParseFormat {
  if (res.shape.length === 0) {
    return "scalar";
  }
  if ((res.tokenFlags & F_JULIA) !== 0) {
    return "julia";
  }
  if ((res.structure & S_SPACE_SEP) !== 0 && (res.structure & S_COMMA) === 0) {
    return "numpy-str";
  }
  if ((res.structure & (S_PAREN | S_TRAILING_COMMA | S_WRAPPED | S_SPACE_SEP)) !== 0 || (res.tokenFlags & (F_PY | F_NON_JSON)) !== 0) {
    return "python-list";
  }
  return "json";
}

const NESTED_FAMILY: readonly ParseFormat[] = [
  "json",
  "python-list",
  "numpy-str",
  "numpy-repr",
  "torch-repr",
  "tf-tensor",
  "tf-eager-repr",
  "jax-array",
];

function readForced(ctx: ParseContext, s: number, e: number, format: ParseFormat): ParsedNumbers {
  const text = ctx.text;
  switch (format) {
    case "csv":
    case "tsv":
    case "whitespace":
      return readTable(ctx, s, e, format, true);
    case "matlab":
      return readBrackets(ctx, s, e, "matlab");
    case "julia": {
      const c = text.charCodeAt(s);
      if (c >= 65 && c <= 90) {
        const r = juliaTyped(ctx, s, e);
        if (r) {
          return r;
        }
      }
      if (c === 91) {
        return readJuliaBrackets(ctx, s, e, undefined);
      }
      throw ctx.error("not a Julia array literal (expected '[' or a type like Float32[)", s);
    }
    case "julia-display": {
      const h = readJuliaHeader(text, s, e);
      if (!h) {
        throw ctx.error("not a Julia display (expected a header like '2×2 Matrix{Float64}:')", s);
      }
      return readJuliaDisplay(ctx, s, e, h);
    }
    case "scalar": {
      const res = readNested(ctx, s, { family: "unknown" });
      if (res.shape.length !== 0) {
        throw ctx.error("not a single number", s);
      }
      expectNothingAfter(ctx, res.end, e);
      return finishNested(ctx, res, "scalar");
    }
    default: {
      const c = text.charCodeAt(s);
      if (c === 91 || c === 40) {
        return readBrackets(ctx, s, e, format);
      }
      const r = detectAndRead(ctx, s, e);
      if (r.format !== format && !(NESTED_FAMILY.includes(r.format) || r.format === "scalar")) {
        throw ctx.error(`the text is not in format '${format}' (it reads as '${r.format}')`, s);
      }
      r.format = format;
      return r;
    }
  }
}

/**
 * A more helpful error for a failed read: complex numbers anywhere, or brackets that do not
 * balance (the selection cuts a tensor), explain most syntax errors better than the first
 * unexpected character does.
 */
function diagnose(text: string, s: number, e: number, err: ParseError): ParseError {
  const r = err.reason;
  if (r.startsWith("too many values") || r.startsWith("the print is summarised") || r.startsWith("complex") || r.includes("' closes a '")) {
    return err;
  }
  const complexAt = findComplex(text, s, e);
  if (complexAt >= 0) {
    return new ParseError("complex numbers are not supported", text, complexAt);
  }
  let depth = 0;
  let firstOpen = -1;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) {
      if (depth === 0) {
        firstOpen = i;
      }
      depth++;
    } else if (c === 93) {
      if (depth === 0) {
        let extra = 0;
        let d = 0;
        for (let k = i; k < e; k++) {
          const ck = text.charCodeAt(k);
          if (ck === 91) {
            d++;
          } else if (ck === 93) {
            if (d === 0) {
              extra++;
            } else {
              d--;
            }
          }
        }
        return new ParseError(
          `the selection seems to cut a tensor: ${extra} ']' without ${extra === 1 ? "its" : "their"} '['`,
          text,
          i,
        );
      }
      depth--;
    }
  }
  if (depth > 0) {
    void firstOpen;
    return new ParseError(`the selection seems to cut a tensor: ${depth} '[' not closed`, text, e);
  }
  return err;
}

/** Index of the first complex-number marker: a number followed by j/J/im/i, or a complex dtype. */
function findComplex(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 106 || c === 74 || c === 105) {
      const p = text.charCodeAt(i - 1);
      if (i > s && ((p >= 48 && p <= 57) || p === 46)) {
        const n1 = text.charCodeAt(i + 1);
        const n = c === 105 && n1 === 109 ? text.charCodeAt(i + 2) : n1;
        const word = (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || (n >= 48 && n <= 57) || n === 95;
        if (!word && !(c === 105 && n1 === 110)) {
          return i;
        }
      }
    } else if (c === 99 || c === 67) {
      if (text.startsWith("complex", i) || text.startsWith("Complex", i)) {
        const p = text.charCodeAt(i - 1);
        if (p === 61 || p === 46 || p === 123 || p === 32) {
          return i;
        }
      }
    }
  }
  return -1;
}
