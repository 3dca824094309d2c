/**
 * Geometry of the (A, B) plane figure of the interaction explainer, in CSS pixels. Pure (no DOM), unit-tested.
 *
 * The canvas holds, left to right: the B axis (title, tick labels), the square plot (A to the right, B upwards),
 * a gap and the colour bar with its tick labels; below the plot the A tick labels and title.
 */

export interface PlaneLayout {
  readonly canvas: { readonly width: number; readonly height: number };
  readonly plot: { readonly x: number; readonly y: number; readonly size: number };
  readonly bar: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface PlaneInput {
  /** Width available for the whole canvas. */
  readonly width: number;
  /** Largest plot side. */
  readonly maxSide: number;
  /** Widest B tick label and colour-bar tick label (measured by the caller). */
  readonly bLabelWidth: number;
  readonly barLabelWidth: number;
}

export const MIN_SIDE = 140;
const TITLE = 16;
const TICK = 4;
const BAR_GAP = 14;
const BAR_WIDTH = 12;
const FONT_LINE = 14;

/** Lays out the plane figure: the plot is square, as large as fits (between MIN_SIDE and maxSide). */
export function planeLayout(f: PlaneInput): PlaneLayout {
  const left = TITLE + Math.ceil(f.bLabelWidth) + TICK + 4;
  const right = BAR_GAP + BAR_WIDTH + TICK + Math.ceil(f.barLabelWidth) + 6;
  const top = 8;
  const size = Math.max(MIN_SIDE, Math.min(Math.floor(f.maxSide), Math.floor(f.width - left - right)));
  const bottom = TICK + FONT_LINE + 4 + FONT_LINE + 4;
  return {
    canvas: { width: left + size + right, height: top + size + bottom },
    plot: { x: left, y: top, size },
    bar: { x: left + size + BAR_GAP, y: top, width: BAR_WIDTH, height: size },
  };
}

/** The pixel of value (a, b) in the plot over the box aRange × bRange (b upwards). */
export function toPixel(
  layout: PlaneLayout,
  aRange: readonly [number, number],
  bRange: readonly [number, number],
  a: number,
  b: number,
): { x: number; y: number } {
  const { plot } = layout;
  return {
    x: plot.x + ((a - aRange[0]) / (aRange[1] - aRange[0])) * plot.size,
    y: plot.y + plot.size - ((b - bRange[0]) / (bRange[1] - bRange[0])) * plot.size,
  };
}

/** The value (a, b) under pixel (x, y), or undefined outside the plot. */
export function fromPixel(
  layout: PlaneLayout,
  aRange: readonly [number, number],
  bRange: readonly [number, number],
  x: number,
  y: number,
): { a: number; b: number } | undefined {
  const { plot } = layout;
  if (x < plot.x || y < plot.y || x > plot.x + plot.size || y > plot.y + plot.size) {
    return undefined;
  }
  return {
    a: aRange[0] + ((x - plot.x) / plot.size) * (aRange[1] - aRange[0]),
    b: bRange[0] + ((plot.y + plot.size - y) / plot.size) * (bRange[1] - bRange[0]),
  };
}

/**
 * The grid point nearest to (a, b) on an n-point grid over `range` (end points included): index and value
 * (the value exactly as the core's grid computes it: lo + (hi − lo)·i/(n − 1), hi at the end).
 */
export function snap(range: readonly [number, number], n: number, v: number): { index: number; value: number } {
  const t = (v - range[0]) / (range[1] - range[0]);
  const i = Math.max(0, Math.min(n - 1, Math.round(t * (n - 1))));
  return { index: i, value: i === n - 1 ? range[1] : range[0] + ((range[1] - range[0]) * i) / (n - 1) };
}
