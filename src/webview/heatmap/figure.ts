/**
 * Drawing one heatmap figure on a canvas: the cells (pooled values painted through a baked LUT into an
 * ImageData at one pixel per cell, then scaled without smoothing), row and unit axes, dead-unit outlines,
 * rings around values beyond the colour range, the colour bar with ticks (and "extend" triangles when values
 * lie beyond it) and the legend (NaN/±∞ colours, rings, dead units). Never one DOM node or colour string per
 * cell. Also the hover overlay (a second canvas over the first, so hovering never repaints the cells).
 */
import { NAN_COLOR, NEG_INF_COLOR, POS_INF_COLOR, colorbarPosition, colorbarTicks, paintDiverging, paintSequential, rgbaToCss, type Colormap } from "../../core/colormap";
import { cellIndexOf, type PooledMatrix } from "../../core/pool";
import type { ThemeColors } from "../theme";
import { LEGEND_LINE, deadRuns, indexTicks, wrapLegend, type FigureInput, type FigureLayout } from "./layout";
import { MAX_RINGS, legendItems, num, type LegendInfo, type LegendItem } from "./text";

export const FONT_SIZE = 11;
const ICON = 14;
const ITEM_GAP = 14;

/** What a figure shows, for measuring its labels before the layout. */
export interface FigureLabels {
  readonly rows: number;
  readonly units: number;
  /** Colour range: [−L, L] for a diverging map (centred at 0). */
  readonly lo: number;
  readonly hi: number;
  readonly labels?: readonly string[];
  readonly legend: LegendInfo;
  /** Width available for the canvas and the largest plot height, CSS px. */
  readonly width: number;
  readonly maxPlotHeight: number;
}

/** What {@link paintFigure} paints. */
export interface FigureSpec {
  readonly pooled: PooledMatrix;
  /** The value painted per cell (see ./pooling). */
  readonly values: Float64Array;
  readonly cmap: Colormap;
  readonly lo: number;
  readonly hi: number;
  readonly diverging: boolean;
  readonly labels?: readonly string[];
  /** Dead units (source indices, ascending). */
  readonly dead: readonly number[];
  readonly legend: LegendInfo;
}

export function fontOf(family: string, size = FONT_SIZE): string {
  return `${size}px ${family || "sans-serif"}`;
}

/** The 2D context of a canvas, or a clear error when the webview cannot draw. */
export function canvasContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d");
  if (!ctx) {
    throw new Error("this webview cannot draw on a canvas (no 2D context)");
  }
  return ctx;
}

/** Sizes `canvas` to css width × height at the device pixel ratio and returns a context in CSS px. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvasContext(canvas);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

function truncate(s: string, max = 16): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Column labels as drawn (truncated to 16 characters), or undefined. */
function shownLabels(labels: readonly string[] | undefined, units: number): string[] | undefined {
  return labels && labels.length > 0 ? labels.slice(0, units).map((l) => truncate(l)) : undefined;
}

/** About one tick per 34 px, at least 3 where the range allows (a 1-2-5 step can leave only 0). */
function barTicks(lo: number, hi: number, height: number): number[] {
  if (lo === hi) {
    return [lo];
  }
  let count = Math.max(2, Math.min(8, Math.round(height / 34)));
  let ticks = colorbarTicks(lo, hi, count);
  while (ticks.length < 3 && count < 10) {
    count++;
    ticks = colorbarTicks(lo, hi, count);
  }
  return ticks;
}

/** Every tick label a bar over [lo, hi] may show, so they can be measured before the bar's height is known. */
function barTickLabels(lo: number, hi: number): string[] {
  return [lo, hi, ...[2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) => colorbarTicks(lo, hi, n))].map(num);
}

function legendWidths(ctx: CanvasRenderingContext2D, items: readonly LegendItem[]): number[] {
  return items.map((it) => ICON + ctx.measureText(it.text).width + ITEM_GAP);
}

/** Measures a figure's labels with the canvas font: the input of {@link figureLayout} (plot size not fixed). */
export function measureFigure(canvas: HTMLCanvasElement, f: FigureLabels, family: string): FigureInput {
  const ctx = canvasContext(canvas);
  ctx.font = fontOf(family);
  const textWidth = (s: string) => ctx.measureText(s).width;
  const labels = shownLabels(f.labels, f.units);
  const rowLabelWidth = textWidth(String(Math.max(0, f.rows - 1)));
  const legend = legendWidths(ctx, legendItems(f.legend));
  return {
    width: f.width,
    maxPlotHeight: f.maxPlotHeight,
    rows: f.rows,
    units: f.units,
    rowLabelWidth,
    barLabelWidth: Math.max(...barTickLabels(f.lo, f.hi).map(textWidth)),
    unitLabelWidth: labels ? Math.max(0, ...labels.map(textWidth)) : 0,
    legendLines: wrapLegend(legend, f.width - rowLabelWidth - 10).length,
  };
}

/** Paints the figure into `canvas` (sized to the layout). */
export function paintFigure(canvas: HTMLCanvasElement, layout: FigureLayout, spec: FigureSpec, theme: ThemeColors, family: string): void {
  const { pooled } = spec;
  const ctx = sizeCanvas(canvas, layout.canvas.width, layout.canvas.height);
  ctx.font = fontOf(family);
  const { plot } = layout;

  // Cells: one ImageData pixel per pooled cell, scaled up without smoothing.
  if (pooled.outCols > 0 && pooled.outRows > 0) {
    const cells = document.createElement("canvas");
    cells.width = pooled.outCols;
    cells.height = pooled.outRows;
    const cctx = canvasContext(cells);
    const img = cctx.createImageData(pooled.outCols, pooled.outRows);
    if (spec.diverging) {
      paintDiverging(spec.values, img.data, spec.cmap, spec.hi);
    } else {
      paintSequential(spec.values, img.data, spec.cmap, spec.lo, spec.hi);
    }
    cctx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, plot.x, plot.y, plot.width, plot.height);
  }
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1);

  drawAxes(ctx, layout, pooled.rows, pooled.cols, shownLabels(spec.labels, pooled.cols), theme);
  drawDeadOutlines(ctx, layout, pooled, spec.dead, theme);
  if (spec.legend.below + spec.legend.above <= MAX_RINGS) {
    drawRings(ctx, layout, spec, theme);
  }
  drawColorbar(ctx, layout, spec, theme);
  if (layout.legendY !== undefined) {
    drawLegend(ctx, layout, legendItems(spec.legend), theme);
  }
}

function drawAxes(
  ctx: CanvasRenderingContext2D,
  layout: FigureLayout,
  rows: number,
  units: number,
  labels: readonly string[] | undefined,
  theme: ThemeColors,
): void {
  const { plot } = layout;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  ctx.beginPath();
  for (const r of indexTicks(rows, Math.max(1, Math.floor(plot.height / 22)))) {
    const y = Math.round(plot.y + ((r + 0.5) * plot.height) / rows) + 0.5;
    ctx.moveTo(plot.x - 4, y);
    ctx.lineTo(plot.x - 1, y);
    ctx.fillText(String(r), plot.x - 6, y);
  }
  const yAxis = plot.y + plot.height;
  if (layout.unitLabels && labels) {
    for (let u = 0; u < units; u++) {
      const x = Math.round(plot.x + ((u + 0.5) * plot.width) / units) + 0.5;
      ctx.moveTo(x, yAxis + 1);
      ctx.lineTo(x, yAxis + 4);
      ctx.save();
      ctx.translate(x, yAxis + 7);
      ctx.rotate(-Math.PI / 3);
      ctx.textAlign = "right";
      ctx.fillText(labels[u] ?? String(u), 0, 0);
      ctx.restore();
    }
  } else {
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const u of indexTicks(units, Math.max(1, Math.floor(plot.width / 44)))) {
      const x = Math.round(plot.x + ((u + 0.5) * plot.width) / units) + 0.5;
      ctx.moveTo(x, yAxis + 1);
      ctx.lineTo(x, yAxis + 4);
      ctx.fillText(String(u), x, yAxis + 6);
    }
  }
  ctx.stroke();
}

/** A dashed accent outline over a solid background-coloured one, so it shows on any palette colour. */
function outline(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, theme: ThemeColors): void {
  ctx.save();
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.background;
  ctx.strokeRect(x, y, w, h);
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = theme.accent;
  ctx.strokeRect(x, y, w, h);
  ctx.restore();
}

/** An accent ring over a background-coloured halo. */
function ring(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, theme: ThemeColors): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = theme.background;
  ctx.stroke();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.accent;
  ctx.stroke();
  ctx.restore();
}

function drawDeadOutlines(
  ctx: CanvasRenderingContext2D,
  layout: FigureLayout,
  pooled: PooledMatrix,
  dead: readonly number[],
  theme: ThemeColors,
): void {
  const { plot } = layout;
  const cw = plot.width / Math.max(1, pooled.outCols);
  for (const [a, b] of deadRuns(dead)) {
    const x0 = plot.x + cellIndexOf(a, pooled.cols, pooled.outCols) * cw;
    const x1 = plot.x + (cellIndexOf(b, pooled.cols, pooled.outCols) + 1) * cw;
    outline(ctx, x0 + 1, plot.y + 1, Math.max(1, x1 - x0 - 2), Math.max(1, plot.height - 2), theme);
  }
}

/** Rings every cell that holds a finite value beyond the colour range. */
function drawRings(ctx: CanvasRenderingContext2D, layout: FigureLayout, spec: FigureSpec, theme: ThemeColors): void {
  const { pooled } = spec;
  const { plot } = layout;
  const cw = plot.width / pooled.outCols;
  const ch = plot.height / pooled.outRows;
  const radius = Math.max(6, Math.min(cw, ch) * 0.75);
  for (let k = 0; k < pooled.rep.length; k++) {
    if (pooled.count[k] > 0 && (pooled.min[k] < spec.lo || pooled.max[k] > spec.hi)) {
      ring(ctx, plot.x + ((k % pooled.outCols) + 0.5) * cw, plot.y + (Math.floor(k / pooled.outCols) + 0.5) * ch, radius, theme);
    }
  }
}

function drawColorbar(ctx: CanvasRenderingContext2D, layout: FigureLayout, spec: FigureSpec, theme: ThemeColors): void {
  paintColorbar(ctx, layout.bar, spec.cmap.rgba, spec.lo, spec.hi, barTicks(spec.lo, spec.hi, layout.bar.height), theme, {
    above: spec.legend.above > 0,
    below: spec.legend.below > 0,
  });
}

/**
 * Paints a vertical colour bar for the lookup table `lut` over [lo, hi] (high values at the top), its
 * border, tick marks with labels at `ticks`, and — when values lie beyond the range — a triangle in the
 * end colour past that end ("extend"). Shared by the heatmaps and the explainers' planes.
 */
export function paintColorbar(
  ctx: CanvasRenderingContext2D,
  bar: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  lut: Uint8ClampedArray,
  lo: number,
  hi: number,
  ticks: readonly number[],
  theme: ThemeColors,
  extend: { above: boolean; below: boolean } = { above: false, below: false },
): void {
  const strip = document.createElement("canvas");
  strip.width = 1;
  strip.height = 256;
  const sctx = canvasContext(strip);
  const img = sctx.createImageData(1, 256);
  for (let i = 0; i < 256; i++) {
    const o = 4 * (255 - i); // high values at the top
    img.data[o] = lut[4 * i];
    img.data[o + 1] = lut[4 * i + 1];
    img.data[o + 2] = lut[4 * i + 2];
    img.data[o + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(strip, bar.x, bar.y, bar.width, bar.height);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(bar.x - 0.5, bar.y - 0.5, bar.width + 1, bar.height + 1);

  const triangle = (tipY: number, baseY: number, i: number) => {
    ctx.beginPath();
    ctx.moveTo(bar.x - 0.5, baseY);
    ctx.lineTo(bar.x + bar.width / 2, tipY);
    ctx.lineTo(bar.x + bar.width + 0.5, baseY);
    ctx.closePath();
    ctx.fillStyle = `rgb(${lut[4 * i]}, ${lut[4 * i + 1]}, ${lut[4 * i + 2]})`;
    ctx.fill();
    ctx.strokeStyle = theme.grid;
    ctx.stroke();
  };
  if (extend.above) {
    triangle(bar.y - 8, bar.y - 1, 255);
  }
  if (extend.below) {
    triangle(bar.y + bar.height + 8, bar.y + bar.height + 1, 0);
  }

  ctx.fillStyle = theme.foreground;
  ctx.strokeStyle = theme.muted;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.beginPath();
  for (const v of ticks) {
    const y = Math.round(bar.y + bar.height * (1 - colorbarPosition(lo, hi, v))) + 0.5;
    ctx.moveTo(bar.x + bar.width, y);
    ctx.lineTo(bar.x + bar.width + 4, y);
    ctx.fillText(num(v), bar.x + bar.width + 6, Math.min(bar.y + bar.height - 4, Math.max(bar.y + 4, y)));
  }
  ctx.stroke();
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  layout: FigureLayout,
  items: readonly LegendItem[],
  theme: ThemeColors,
): void {
  const x0 = layout.plot.x;
  const lines = wrapLegend(legendWidths(ctx, items), layout.canvas.width - x0);
  const special = { nan: NAN_COLOR, posInf: POS_INF_COLOR, negInf: NEG_INF_COLOR };
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  lines.forEach((line, li) => {
    const y = (layout.legendY ?? 0) + li * LEGEND_LINE;
    let x = x0;
    for (const i of line) {
      const it = items[i];
      switch (it.icon) {
        case "nan":
        case "posInf":
        case "negInf":
          ctx.fillStyle = rgbaToCss(special[it.icon]);
          ctx.fillRect(x, y - 5, 10, 10);
          ctx.strokeStyle = theme.grid;
          ctx.lineWidth = 1;
          ctx.strokeRect(x - 0.5, y - 5.5, 11, 11);
          break;
        case "ring":
          ring(ctx, x + 5, y, 5, theme);
          break;
        case "triangle":
          ctx.fillStyle = theme.accent;
          ctx.beginPath();
          ctx.moveTo(x, y + 5);
          ctx.lineTo(x + 5, y - 5);
          ctx.lineTo(x + 10, y + 5);
          ctx.closePath();
          ctx.fill();
          break;
        case "outline":
          outline(ctx, x + 1, y - 5, 8, 10, theme);
          break;
      }
      ctx.fillStyle = theme.foreground;
      ctx.fillText(it.text, x + ICON, y);
      x += ICON + ctx.measureText(it.text).width + ITEM_GAP;
    }
  });
}

/**
 * Draws (or clears) the hover marker on `overlay` (already sized to the layout with {@link sizeCanvas}): a
 * dotted crosshair through the cell and an outline around it.
 */
export function drawHover(
  overlay: HTMLCanvasElement,
  layout: FigureLayout,
  outRows: number,
  outCols: number,
  cell: { r: number; c: number } | undefined,
  theme: ThemeColors,
): void {
  const ctx = canvasContext(overlay);
  ctx.clearRect(0, 0, layout.canvas.width, layout.canvas.height);
  if (!cell) {
    return;
  }
  const { plot } = layout;
  const cw = plot.width / outCols;
  const ch = plot.height / outRows;
  const x = plot.x + cell.c * cw;
  const y = plot.y + cell.r * ch;
  ctx.save();
  ctx.globalAlpha = 0.6;
  ctx.strokeStyle = theme.foreground;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 3]);
  ctx.beginPath();
  ctx.moveTo(plot.x, Math.round(y + ch / 2) + 0.5);
  ctx.lineTo(plot.x + plot.width, Math.round(y + ch / 2) + 0.5);
  ctx.moveTo(Math.round(x + cw / 2) + 0.5, plot.y);
  ctx.lineTo(Math.round(x + cw / 2) + 0.5, plot.y + plot.height);
  ctx.stroke();
  ctx.restore();
  const pad = 2;
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.background;
  ctx.strokeRect(x - pad, y - pad, cw + 2 * pad, ch + 2 * pad);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.foreground;
  ctx.strokeRect(x - pad, y - pad, cw + 2 * pad, ch + 2 * pad);
}
