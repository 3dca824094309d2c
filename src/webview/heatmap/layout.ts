/**
 * Geometry of the heatmap figures, in CSS pixels. Pure (no DOM), so it is unit-tested.
 *
 * A figure canvas holds, left to right: the row axis (tick labels), the plot (the cells), a gap, the colour
 * bar and its tick labels; below the plot the unit axis (indices, or the column labels when they fit), then
 * an optional legend line (NaN/±∞ swatches, dead-unit outline).
 */

/** Largest cell side drawn for a small matrix (a 2 × 3 matrix does not fill the screen). */
export const MAX_CELL = 44;
/** Smallest side given to a thin matrix (1 × 1000 is drawn 16 px tall per row up to this, not 0.5 px). */
export const MIN_THIN_SIDE = 120;
/** Thin matrices get at least this many CSS pixels per row (or unit) on their short side, up to MIN_THIN_SIDE. */
export const THIN_CELL = 16;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The plot rectangle for a rows × units matrix inside at most maxWidth × maxHeight: square cells of side
 * s = min(MAX_CELL, maxWidth / units, maxHeight / rows) where that leaves both sides at least THIN_CELL per
 * row/unit or MIN_THIN_SIDE in all; a side that would be thinner (a 1 × 1000 vector, a 1000 × 4 matrix) is
 * widened to min(n · THIN_CELL, MIN_THIN_SIDE, its maximum), so cells are then not square. Sides are whole
 * pixels, at least 1.
 */
export function plotSize(rows: number, units: number, maxWidth: number, maxHeight: number): Size {
  const mw = Math.max(1, Math.floor(maxWidth));
  const mh = Math.max(1, Math.floor(maxHeight));
  const s = Math.min(MAX_CELL, mw / Math.max(1, units), mh / Math.max(1, rows));
  const thin = (n: number, max: number, side: number) => Math.min(max, Math.max(side, Math.min(n * THIN_CELL, MIN_THIN_SIDE)));
  const width = thin(units, mw, s * units);
  const height = thin(rows, mh, s * rows);
  return { width: Math.max(1, Math.floor(width)), height: Math.max(1, Math.floor(height)) };
}

/**
 * How many pooled cells fit the plot: one per device pixel, so (height·dpr) × (width·dpr), at least 1 × 1.
 * The pool grid then keeps min(rows, that) × min(units, that) cells (no upsampling).
 */
export function cellBudget(plot: Size, devicePixelRatio: number): { maxRows: number; maxCols: number } {
  const dpr = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  return { maxRows: Math.max(1, Math.floor(plot.height * dpr)), maxCols: Math.max(1, Math.floor(plot.width * dpr)) };
}

/** Margins around the plot inside a figure canvas, CSS pixels. */
export interface Margins {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface FigureLayout {
  /** The whole canvas. */
  readonly canvas: Size;
  /** Top-left corner and size of the plot rectangle. */
  readonly plot: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** The colour bar rectangle (vertical, high values at the top). */
  readonly bar: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** Middle of the first legend line, or undefined when there is no legend. */
  readonly legendY: number | undefined;
  /** Whether the column labels are drawn under the plot (else unit indices). */
  readonly unitLabels: boolean;
}

export interface FigureInput {
  /** Available width for the whole figure. */
  readonly width: number;
  /** Largest plot height. */
  readonly maxPlotHeight: number;
  readonly rows: number;
  readonly units: number;
  /** Width in CSS px of the widest row tick label and colour-bar tick label (measured by the caller). */
  readonly rowLabelWidth: number;
  readonly barLabelWidth: number;
  /** Width of the longest column label, or 0 for none (labels are then unit indices). */
  readonly unitLabelWidth: number;
  /** Lines of legend below the plot (0 for none). */
  readonly legendLines: number;
  /** A fixed plot size (so two figures share one cell grid); default {@link plotSize} of what is left. */
  readonly plot?: Size;
}

const BAR_GAP = 12;
const BAR_WIDTH = 12;
const TICK = 4;
const FONT_LINE = 14;
/** Distance between legend lines. */
export const LEGEND_LINE = 18;
/** Column labels are drawn (rotated) only when each unit gets at least this many CSS px. */
export const MIN_LABEL_PITCH = 13;
/** Colour bars are at least this tall (a 1-row vector still gets a readable bar). */
const MIN_BAR = 72;

/**
 * Lays out one figure: margins from the measured label widths, the plot from {@link plotSize} in what is left,
 * the colour bar beside it. Column labels are drawn at 60° when each unit has ≥ MIN_LABEL_PITCH px, taking
 * unitLabelWidth · sin 60° of height.
 */
export function figureLayout(f: FigureInput): FigureLayout {
  const left = Math.ceil(f.rowLabelWidth) + TICK + 6;
  const right = BAR_GAP + BAR_WIDTH + TICK + Math.ceil(f.barLabelWidth) + 4;
  const top = 8;
  const plot = f.plot ?? plotSize(f.rows, f.units, f.width - left - right, f.maxPlotHeight);
  const unitLabels = f.unitLabelWidth > 0 && plot.width / f.units >= MIN_LABEL_PITCH;
  const axis = unitLabels ? Math.ceil(Math.min(f.unitLabelWidth, 120) * Math.sin(Math.PI / 3)) + TICK + 8 : FONT_LINE + TICK + 4;
  const barHeight = Math.max(plot.height, MIN_BAR);
  const plotY = top + Math.floor((barHeight - plot.height) / 2);
  const below = top + Math.max(plotY - top + plot.height + axis, barHeight + FONT_LINE);
  const legendY = f.legendLines > 0 ? below + FONT_LINE : undefined;
  const height = (legendY === undefined ? below : legendY + (f.legendLines - 1) * LEGEND_LINE + FONT_LINE / 2) + 6;
  const barX = left + plot.width + BAR_GAP;
  return {
    canvas: { width: Math.ceil(barX + BAR_WIDTH + TICK + f.barLabelWidth + 4), height: Math.ceil(height) },
    plot: { x: left, y: plotY, width: plot.width, height: plot.height },
    bar: { x: barX, y: top, width: BAR_WIDTH, height: barHeight },
    legendY,
    unitLabels,
  };
}

/**
 * Integer tick positions (source indices) for an axis of n items: about `count` of them on a 1-2-5 step,
 * always starting at 0; every index when n ≤ count + 1.
 */
export function indexTicks(n: number, count: number): number[] {
  if (n <= 0) {
    return [];
  }
  if (n <= count + 1) {
    return Array.from({ length: n }, (_, i) => i);
  }
  const raw = (n - 1) / Math.max(1, count);
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let i = 0; i < n; i += Math.max(1, Math.round(step))) {
    out.push(i);
  }
  return out;
}

/** Runs of consecutive dead units, as [first, last] source indices. */
export function deadRuns(dead: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const u of dead) {
    const last = runs[runs.length - 1];
    if (last && u === last[1] + 1) {
      last[1] = u;
    } else {
      runs.push([u, u]);
    }
  }
  return runs;
}

/** The cell of the pooled grid under CSS point (x, y) of the canvas, or undefined outside the plot. */
export function cellAt(layout: FigureLayout, outRows: number, outCols: number, x: number, y: number): { r: number; c: number } | undefined {
  const { plot } = layout;
  if (x < plot.x || y < plot.y || x >= plot.x + plot.width || y >= plot.y + plot.height) {
    return undefined;
  }
  const c = Math.min(outCols - 1, Math.floor(((x - plot.x) / plot.width) * outCols));
  const r = Math.min(outRows - 1, Math.floor(((y - plot.y) / plot.height) * outRows));
  return { r, c };
}

/**
 * Greedy wrapping of legend entries of the given widths (each including its icon and trailing gap) into lines
 * at most maxWidth wide: returns the entry indices of each line (an entry wider than maxWidth gets a line).
 */
export function wrapLegend(widths: readonly number[], maxWidth: number): number[][] {
  const lines: number[][] = [];
  let used = Infinity;
  widths.forEach((w, i) => {
    if (used + w > maxWidth) {
      lines.push([i]);
      used = w;
    } else {
      lines[lines.length - 1].push(i);
      used += w;
    }
  });
  return lines;
}
