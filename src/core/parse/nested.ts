/**
 * Nested lists in brackets: JSON, Python lists/tuples, and the bodies of numpy/torch/TF/JAX prints.
 * One pass over char codes, linear in the text: items are numbers (see `readNumber`), booleans,
 * `null`/`None`, `...` (summarised prints), or wrapped scalars (`np.float32(0.5)`, `tensor(0.5000)`);
 * items are separated by commas and/or whitespace; `[`/`]` and `(`/`)` nest.
 *
 * Shape: every list at the same depth must hold the same number of items (else "ragged rows"), and all
 * numbers sit at one depth (else "mixed nesting"). Values are written in row-major order as read.
 */
import { ParseContext, type SummaryFamily } from "./context";
import { quoteAt } from "./errors";
import * as num from "./number";

// Module-level copies of the imports used per value: a bundler-free module loader (tsx, CommonJS
// interop) turns every use of an imported binding into a getter call, which costs more than the
// number scan itself in the hot loop.
const readNumber = num.readNumber;
const tok = num.tok;
const F_NON_JSON = num.F_NON_JSON;
const F_PY = num.F_PY;
const KIND_BOOL = num.KIND_BOOL;
const KIND_NULL = num.KIND_NULL;

/** Structure flags of a nested read. */
export const S_COMMA = 1;
/** Two items separated by whitespace only. */
export const S_SPACE_SEP = 2;
/** A `(`…`)` tuple. */
export const S_PAREN = 4;
/** A comma right before a closing bracket. */
export const S_TRAILING_COMMA = 8;
/** An item like `np.float32(0.5)` or `tensor(0.5000)`. */
export const S_WRAPPED = 16;
/** A `...` item. */
export const S_ELLIPSIS = 32;

const MAX_DEPTH = 64;

export interface NestedResult {
  /** Index just after the value. */
  end: number;
  shape: number[];
  /** Compact gaps: for each axis with a `...`, the item index it takes (one slot). */
  gaps: { axis: number; start: number }[];
  /** OR of the token style flags (`F_*` of number.ts). */
  tokenFlags: number;
  /** OR of `1 << kind` over the tokens read. */
  kinds: number;
  /** OR of the `S_*` structure flags. */
  structure: number;
  /** Number of `null`/`None` items (read as NaN). */
  nulls: number;
  /** dtype named by wrapped scalars (`np.float32(...)` → `float32`), if any. */
  wrappedDtype: string | undefined;
}

export interface NestedOptions {
  /** Tool whose print options a summarised-print error suggests. */
  family: SummaryFamily;
  /**
   * Read everything up to the end of the text as items of one implicit outer list (a selection of
   * several rows `[1, 2]\n[3, 4]`). The value must start with a bracket.
   */
  implicitOuter?: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** True when `c` may follow an item: whitespace, `,`, `]`, `)`, or the end of the text (NaN). */
function endsItem(c: number): boolean {
  return c === 32 || c === 44 || c === 93 || c === 41 || c === 10 || c === 13 || c === 9 || c !== c;
}

/**
 * Reads one value (a scalar or a bracketed list) at `start` (leading whitespace skipped), appending
 * its numbers to `ctx`. Throws `ParseError` at the offending place.
 */
export function readNested(ctx: ParseContext, start: number, opts: NestedOptions): NestedResult {
  const text = ctx.text;
  let i = start;
  while (isSpace(text.charCodeAt(i))) {
    i++;
  }
  const res: NestedResult = {
    end: i,
    shape: [],
    gaps: [],
    tokenFlags: 0,
    kinds: 0,
    structure: 0,
    nulls: 0,
    wrappedDtype: undefined,
  };
  const c0 = text.charCodeAt(i);
  if (c0 !== 91 && c0 !== 40 && !opts.implicitOuter) {
    // A scalar.
    if (c0 === 46 && text.startsWith("...", i)) {
      throw ctx.error("no values: the print shows '...' instead of values (a meta tensor or a summary)", i);
    }
    let e = readNumber(text, i);
    if (e > 0 && (endsItem(text.charCodeAt(e)) || text.charCodeAt(e) === 62)) {
      res.tokenFlags |= tok.flags;
      res.kinds |= 1 << tok.kind;
      if (tok.kind === KIND_NULL) {
        res.nulls++;
      }
    } else {
      e = readItem(ctx, i, res);
    }
    ctx.push(tok.value, i);
    res.end = e;
    return res;
  }

  const closer: number[] = [0]; // expected closing char per depth (-1: end of text)
  const counts: number[] = [0];
  const openAt: number[] = [0];
  const closed: number[] = [0];
  const gapHere: number[] = [-1];
  const shape: number[] = [];
  const gapAxis: number[] = [];
  let depth = 0;
  let maxDepth = 0;
  let leafDepth = -1;
  let afterItem = false;
  let afterComma = false;
  let spaceSince = false;
  let structure = 0;
  let tokenFlags = 0;
  let kinds = 0;
  let buf = ctx.data;
  let n = ctx.n;

  const open = (at: number, close: number): void => {
    if (leafDepth !== -1 && depth >= leafDepth) {
      throw ctx.error("mixed nesting: a list where a number was expected (all numbers must sit at one depth)", at);
    }
    depth++;
    if (depth > MAX_DEPTH) {
      throw ctx.error(`nested too deep (more than ${MAX_DEPTH} levels)`, at);
    }
    if (depth > maxDepth) {
      maxDepth = depth;
      closer.push(0);
      counts.push(0);
      openAt.push(0);
      closed.push(0);
      gapHere.push(-1);
    }
    closer[depth] = close;
    counts[depth] = 0;
    openAt[depth] = at;
    gapHere[depth] = -1;
  };

  /** Closes the list at `depth`: checks its length and its `...` against its siblings. */
  const closeList = (at: number): void => {
    const cnt = counts[depth];
    const axis = depth - 1;
    const ord = closed[depth] + 1;
    if (ord === 1) {
      shape[axis] = cnt;
      gapAxis[axis] = gapHere[depth];
    } else if (shape[axis] !== cnt) {
      const leaf = leafDepth === depth || (leafDepth === -1 && depth === maxDepth);
      const what = leaf
        ? `ragged rows: row ${ord} has ${cnt} value${cnt === 1 ? "" : "s"}, row 1 has ${shape[axis]}`
        : `ragged nesting: list ${ord} at depth ${depth} has ${cnt} item${cnt === 1 ? "" : "s"}, list 1 has ${shape[axis]}`;
      throw ctx.error(what, openAt[depth]);
    } else if (gapAxis[axis] !== gapHere[depth]) {
      throw ctx.error(
        `summarised rows disagree: '...' is at item ${gapHere[depth] + 1} here but at item ${gapAxis[axis] + 1} in the first list`,
        openAt[depth],
      );
    }
    closed[depth] = ord;
    void at;
    depth--;
  };

  if (opts.implicitOuter) {
    open(i, -1);
  }
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      spaceSince = true;
      continue;
    }
    if (c === 44) {
      if (!afterItem || depth === 0) {
        throw ctx.error(afterComma ? "two commas with no value between them" : "a ',' with no value before it", i);
      }
      structure |= S_COMMA;
      afterItem = false;
      afterComma = true;
      spaceSince = false;
      i++;
      continue;
    }
    if (c === 93 || c === 41 || c !== c) {
      if (depth === 0) {
        break;
      }
      if (c !== closer[depth]) {
        if (c !== c) {
          let unclosed = 0;
          for (let d = 1; d <= depth; d++) {
            if (closer[d] === 93) {
              unclosed++;
            }
          }
          if (depth === 1 && closer[1] === -1) {
            // end of the implicit outer list
            ctx.n = n;
            closeList(i);
            break;
          }
          throw ctx.error(
            `the selection seems to cut a tensor: ${unclosed === 0 ? depth : unclosed} '${unclosed === 0 ? "(" : "["}' not closed`,
            i,
          );
        }
        if (closer[depth] === -1) {
          throw ctx.error(`the selection seems to cut a tensor: '${c === 93 ? "]" : ")"}' without its opening bracket`, i);
        }
        throw ctx.error(
          `'${String.fromCharCode(c)}' closes a '${closer[depth] === 93 ? "[" : "("}' (expected '${String.fromCharCode(closer[depth])}')`,
          i,
        );
      }
      if (afterComma) {
        structure |= S_TRAILING_COMMA;
      }
      ctx.n = n;
      closeList(i);
      i++;
      if (depth === 0) {
        break;
      }
      counts[depth]++;
      afterItem = true;
      afterComma = false;
      spaceSince = false;
      continue;
    }
    // An item starts here.
    if (afterItem) {
      if (!spaceSince) {
        throw ctx.error(`missing separator before ${quoteAt(text, i)}`, i);
      }
      structure |= S_SPACE_SEP;
    }
    if (c === 91 || c === 40) {
      if (c === 40) {
        structure |= S_PAREN;
      }
      open(i, c === 91 ? 93 : 41);
      i++;
      afterItem = false;
      afterComma = false;
      spaceSince = false;
      continue;
    }
    if (c === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
      // '...' of a summarised print.
      if (!ctx.allowSummarized) {
        throw ctx.summarizedError(i, opts.family);
      }
      if (leafDepth === -1) {
        throw ctx.error("cannot place '...' before any value", i);
      }
      if (gapHere[depth] !== -1) {
        throw ctx.error("two '...' in one list", i);
      }
      let block = 1;
      for (let a = depth; a < leafDepth; a++) {
        block *= shape[a];
      }
      gapHere[depth] = counts[depth];
      ctx.n = n;
      buf = ctx.reserve(block, i);
      buf.fill(NaN, n, n + block);
      n += block;
      structure |= S_ELLIPSIS;
      i += 3;
      if (!endsItem(text.charCodeAt(i))) {
        throw ctx.error(`missing separator after '...'`, i);
      }
      counts[depth]++;
      afterItem = true;
      afterComma = false;
      spaceSince = false;
      continue;
    }
    if (depth === 0) {
      throw ctx.error(`unexpected ${quoteAt(text, i)}`, i);
    }
    // A number; then, while numbers follow in the same list, read them in a tight loop.
    if (leafDepth !== depth) {
      if (leafDepth !== -1 || maxDepth > depth) {
        throw ctx.error("mixed nesting: a number where a list was expected (all numbers must sit at one depth)", i);
      }
      leafDepth = depth;
    }
    let run = 0;
    for (;;) {
      let e = readNumber(text, i);
      let v: number;
      let nc = text.charCodeAt(e);
      if (e > 0 && endsItem(nc)) {
        v = tok.value;
        tokenFlags |= tok.flags;
        kinds |= 1 << tok.kind;
        if (tok.kind === KIND_NULL) {
          res.nulls++;
        }
      } else {
        res.tokenFlags = tokenFlags;
        res.kinds = kinds;
        e = readItem(ctx, i, res);
        tokenFlags = res.tokenFlags;
        kinds = res.kinds;
        v = tok.value;
        structure |= res.structure;
        nc = text.charCodeAt(e);
      }
      if (n === buf.length) {
        ctx.n = n;
        buf = ctx.reserve(1, i);
      }
      buf[n++] = v;
      run++;
      // What follows: ", " + number, or spaces + number, stays in this loop.
      let j = e;
      let comma = false;
      if (nc === 44) {
        nc = text.charCodeAt(++j);
        comma = true;
      }
      const wsStart = j;
      while (nc === 32 || nc === 10 || nc === 13 || nc === 9) {
        nc = text.charCodeAt(++j);
      }
      if ((nc ^ 48) < 10 || nc === 45) {
        if (comma) {
          structure |= S_COMMA;
        } else if (j > wsStart) {
          structure |= S_SPACE_SEP;
        } else {
          // two numbers with no separator: let the main loop report it
          i = e;
          afterItem = true;
          afterComma = false;
          spaceSince = false;
          break;
        }
        i = j;
        continue;
      }
      // Anything else goes back to the main loop, at the comma if there was one.
      i = e;
      afterItem = true;
      afterComma = false;
      spaceSince = false;
      break;
    }
    counts[depth] += run;
  }
  ctx.n = n;
  res.end = i;
  const rank = leafDepth === -1 ? maxDepth : leafDepth;
  res.shape = shape.slice(0, rank);
  for (let a = 0; a < rank; a++) {
    if (gapAxis[a] !== undefined && gapAxis[a] >= 0) {
      res.gaps.push({ axis: a, start: gapAxis[a] });
    }
  }
  res.tokenFlags = tokenFlags;
  res.kinds = kinds;
  res.structure |= structure;
  return res;
}

/** Identifiers whose `name(number, ...)` calls read as a scalar item. */
function wrappedDtype(name: string): string | undefined | null {
  if (name === "tensor" || name === "torch.tensor" || name === "array" || name === "np.array") {
    return undefined;
  }
  const m = name.startsWith("np.") ? name.slice(3) : name.startsWith("numpy.") ? name.slice(6) : null;
  if (m === null) {
    return null;
  }
  if (/^(float|int|uint)(8|16|32|64|128)$/.test(m) || m === "longdouble" || m === "double") {
    return m === "double" ? "float64" : m;
  }
  return null;
}

/**
 * Reads one item that is not a plain number token: a wrapped scalar (`np.float32(0.5)`,
 * `tensor(0.5000, grad_fn=<...>)`, `np.True_`), or throws the most helpful error (complex numbers,
 * missing separator, not a number). Leaves the value in `tok`; returns the index after the item.
 */
function readItem(ctx: ParseContext, i: number, res: NestedResult): number {
  const text = ctx.text;
  let e = readNumber(text, i);
  if (e > 0) {
    const after = text.charCodeAt(e);
    if (endsItem(after)) {
      res.tokenFlags |= tok.flags;
      res.kinds |= 1 << tok.kind;
      if (tok.kind === KIND_NULL) {
        res.nulls++;
      }
      return e;
    }
    throw itemError(ctx, i, e);
  }
  // An identifier?
  e = i;
  for (;;) {
    const c = text.charCodeAt(e);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || (c >= 48 && c <= 57 && e > i)) {
      e++;
    } else {
      break;
    }
  }
  const name = text.slice(i, e);
  if ((name === "np.True_" || name === "np.False_" || name === "numpy.True_" || name === "numpy.False_") && endsItem(text.charCodeAt(e))) {
    tok.value = name.endsWith("True_") ? 1 : 0;
    tok.kind = KIND_BOOL;
    res.kinds |= 1 << KIND_BOOL;
    res.tokenFlags |= F_PY | F_NON_JSON;
    res.structure |= S_WRAPPED;
    res.wrappedDtype = "bool";
    return e;
  }
  const dtype = name.length > 0 && text.charCodeAt(e) === 40 ? wrappedDtype(name) : null;
  if (dtype === null) {
    throw itemError(ctx, i, -1);
  }
  let j = e + 1;
  while (isSpace(text.charCodeAt(j))) {
    j++;
  }
  const ne = readNumber(text, j);
  if (ne < 0) {
    throw itemError(ctx, j, -1);
  }
  const value = tok.value;
  const kind = tok.kind;
  res.tokenFlags |= tok.flags | F_PY | F_NON_JSON;
  res.kinds |= 1 << kind;
  // Skip keyword arguments up to the matching ')', minding quotes and <...>.
  j = skipToClose(ctx, ne, i);
  if (!endsItem(text.charCodeAt(j))) {
    throw ctx.error(`missing separator before ${quoteAt(text, j)}`, j);
  }
  res.structure |= S_WRAPPED;
  if (dtype !== undefined) {
    res.wrappedDtype = dtype;
  }
  tok.value = value;
  tok.kind = kind;
  return j;
}

/** From inside `name(` at `j`, returns the index after its matching `)`. */
export function skipToClose(ctx: ParseContext, j: number, openedAt: number): number {
  const text = ctx.text;
  let depth = 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 39 || c === 34) {
      const q = text.indexOf(String.fromCharCode(c), j + 1);
      if (q < 0) {
        throw ctx.error("a quote that is not closed", j);
      }
      j = q + 1;
      continue;
    }
    if (c === 40 || c === 91 || c === 123 || c === 60) {
      depth++;
    } else if (c === 41 || c === 93 || c === 125 || c === 62) {
      depth--;
      if (depth === 0) {
        if (c !== 41) {
          throw ctx.error(`'${String.fromCharCode(c)}' where ')' was expected`, j);
        }
        return j + 1;
      }
    }
    j++;
  }
  throw ctx.error("the selection seems to cut a tensor: '(' not closed", openedAt);
}

/** The error for an item at `i` that is not a number; `e` is the end of a number read there, or −1. */
export function itemError(ctx: ParseContext, i: number, e: number): Error {
  const text = ctx.text;
  if (e > 0) {
    const c = text.charCodeAt(e);
    if (isComplexSuffix(text, e)) {
      return ctx.error("complex numbers are not supported", i);
    }
    if (c === 43 || c === 45 || c === 0x2212) {
      const e2 = readNumber(text, e);
      if (e2 > 0 && isComplexSuffix(text, e2)) {
        return ctx.error("complex numbers are not supported", i);
      }
    }
    return ctx.error(`unexpected ${quoteAt(text, e)} after a number`, e);
  }
  const c = text.charCodeAt(i);
  if (c === 91 || c === 40) {
    return ctx.error(`unexpected ${quoteAt(text, i)}`, i);
  }
  return ctx.error(`expected a number, found ${quoteAt(text, i)}`, i);
}

/** `j`, `J` (Python/numpy), `i` or `im` (MATLAB/Julia) right after a number, ending the token. */
export function isComplexSuffix(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c === 106 || c === 74) {
    return !isWordChar(text.charCodeAt(e + 1));
  }
  if (c === 105) {
    const d = text.charCodeAt(e + 1);
    return d === 109 ? !isWordChar(text.charCodeAt(e + 2)) : !isWordChar(d);
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}
