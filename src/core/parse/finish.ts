/** Turning a read into a `ParsedNumbers`: gaps, stated shapes, warnings. */
import type { ParseContext } from "./context";
import { F_BIG_INT } from "./number";
import type { NestedResult } from "./nested";
import { expandGaps, gapWarning } from "./summary";
import type { ParsedNumbers, ParseFormat, ParseGap } from "./types";

export interface FinishInput {
  format: ParseFormat;
  shape: number[];
  /** Compact gaps (one slot per `...`). */
  gaps: readonly { axis: number; start: number }[];
  dtype?: string;
  attributes?: Record<string, string>;
  columnLabels?: string[];
  /** The shape the print states (TF `shape=`, Julia header, numpy `shape=` of empty arrays). */
  stated?: number[];
  /** Where to point errors about the stated shape. */
  statedAt?: number;
  tokenFlags?: number;
  nulls?: number;
}

function product(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) {
    p *= d;
  }
  return p;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

/** Builds the result from the values gathered in `ctx`. */
export function finish(ctx: ParseContext, input: FinishInput): ParsedNumbers {
  let data = ctx.take();
  let shape = input.shape;
  const warnings = ctx.warnings;
  let gaps: ParseGap[] | undefined;
  let fullShape: number[] | undefined;
  const stated = input.stated;
  if (input.gaps.length > 0) {
    if (stated) {
      const ex = expandGaps(ctx, data, shape, input.gaps, stated, input.statedAt ?? 0);
      if (ex) {
        data = ex.data;
        shape = stated.slice();
        gaps = ex.gaps;
        warnings.push(gapWarning(gaps, true, stated));
      } else {
        if (product(stated) <= ctx.maxValues) {
          throw ctx.error(
            `the print states shape (${stated.join(", ")}) but its summarised values do not fit it (shape (${shape.join(", ")}) with '...')`,
            input.statedAt ?? 0,
          );
        }
        gaps = input.gaps.map((g) => ({ axis: g.axis, start: g.start, length: 1, missing: undefined }));
        warnings.push(gapWarning(gaps, false, stated));
      }
      fullShape = stated.slice();
    } else {
      gaps = input.gaps.map((g) => ({ axis: g.axis, start: g.start, length: 1, missing: undefined }));
      warnings.push(gapWarning(gaps, false, undefined));
    }
  } else if (stated && !same(stated, shape)) {
    if (product(stated) === 0 && data.length === 0) {
      shape = stated.slice(); // numpy `array([], shape=(0, 3))`, torch `tensor([], size=(0, 3))`
    } else {
      throw ctx.error(
        `the print states shape (${stated.join(", ")}) but the values have shape (${shape.join(", ")})`,
        input.statedAt ?? 0,
      );
    }
  }
  if (input.nulls) {
    warnings.push(`${input.nulls} null/None value${input.nulls === 1 ? "" : "s"} read as NaN`);
  }
  if (input.tokenFlags !== undefined && (input.tokenFlags & F_BIG_INT) !== 0) {
    warnings.push("integers beyond 2^53 are rounded to the nearest float64");
  }
  const out: ParsedNumbers = { shape, data, format: input.format, warnings };
  if (input.dtype !== undefined) {
    out.dtype = input.dtype;
  }
  if (input.columnLabels) {
    out.columnLabels = input.columnLabels;
  }
  if (input.attributes && Object.keys(input.attributes).length > 0) {
    out.attributes = input.attributes;
  }
  if (gaps) {
    out.gaps = gaps;
  }
  if (fullShape) {
    out.fullShape = fullShape;
  }
  return out;
}

/** `finish` for a nested read. */
export function finishNested(
  ctx: ParseContext,
  res: NestedResult,
  format: ParseFormat,
  extra: Omit<FinishInput, "format" | "shape" | "gaps" | "tokenFlags" | "nulls"> = {},
): ParsedNumbers {
  return finish(ctx, { ...extra, format, shape: res.shape, gaps: res.gaps, tokenFlags: res.tokenFlags, nulls: res.nulls });
}
