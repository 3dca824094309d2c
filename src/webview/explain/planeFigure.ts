/**
 * Painting the (A, B) plane of the interaction explainer on a canvas: the unit's output on the core's grid
 * (painted through the core's baked colour LUT into an ImageData, one pixel per grid point, scaled without
 * smoothing, B upwards), axes with nice ticks, the colour bar, the kink lines (a dashed line over a halo, so
 * they show on any colour) and labelled marks; and a crosshair on a second, overlay canvas (so moving the
 * cursor never repaints the cells).
 */
import {
  DEFAULT_DIVERGING,
  DEFAULT_SEQUENTIAL,
  colorbarTicks,
  colormap,
  paintDiverging,
  paintSequential,
  type Colormap,
} from "../../core/colormap";
import { niceTicks } from "../../core/format";
import type { ThemeColors } from "../theme";
import { canvasContext, fontOf, paintColorbar, sizeCanvas } from "../heatmap/figure";
import { num } from "../heatmap/text";
import { planeLayout, toPixel, type PlaneLayout } from "./plane";

/** The colours of a plane: diverging and centred at 0 when the output takes both signs, else sequential. */
export interface PlaneColors {
  readonly cmap: Colormap;
  readonly lo: number;
  readonly hi: number;
  readonly diverging: boolean;
}

/** Chooses the colour mapping for outputs in [min, max] (see {@link PlaneColors}). */
export function planeColors(min: number, max: number): PlaneColors {
  if (min < 0 && max > 0) {
    const l = Math.max(-min, max);
    return { cmap: colormap(DEFAULT_DIVERGING), lo: -l, hi: l, diverging: true };
  }
  return {
    cmap: colormap(DEFAULT_SEQUENTIAL),
    lo: Number.isFinite(min) ? min : 0,
    hi: Number.isFinite(max) ? max : 0,
    diverging: false,
  };
}

export interface PlaneSpec {
  /** Row-major nB × nA values, rows B ascending (the core's interactionGrid layout). */
  readonly values: Float64Array;
  readonly nA: number;
  readonly nB: number;
  readonly aRange: readonly [number, number];
  readonly bRange: readonly [number, number];
  readonly colors: PlaneColors;
  /** Kink segments in data coordinates, with a label each. */
  readonly lines: { a0: number; b0: number; a1: number; b1: number; label: string }[];
  /** Horizontal marker lines (e.g. B = −100) with a label. */
  readonly hlines: { b: number; label: string }[];
  /** Labelled points. */
  readonly marks: { a: number; b: number; label: string }[];
  readonly width: number;
  readonly maxSide: number;
}

/** Measures the labels, lays out and paints the plane; returns the layout (for hit-testing). */
export function paintPlane(
  canvas: HTMLCanvasElement,
  spec: PlaneSpec,
  theme: ThemeColors,
  family: string,
): PlaneLayout {
  const measure = canvasContext(canvas);
  measure.font = fontOf(family);
  const bTicks = niceTicks(spec.bRange[0], spec.bRange[1], 6);
  const barTicks = colorbarTicks(spec.colors.lo, spec.colors.hi, 6);
  const widest = (xs: number[]) => Math.max(0, ...xs.map((v) => measure.measureText(num(v)).width));
  const layout = planeLayout({
    width: spec.width,
    maxSide: spec.maxSide,
    bLabelWidth: widest(bTicks),
    barLabelWidth: widest(barTicks),
  });
  const ctx = sizeCanvas(canvas, layout.canvas.width, layout.canvas.height);
  ctx.font = fontOf(family);
  const { plot } = layout;

  // Cells.
  const cells = document.createElement("canvas");
  cells.width = spec.nA;
  cells.height = spec.nB;
  const cctx = canvasContext(cells);
  const img = cctx.createImageData(spec.nA, spec.nB);
  if (spec.colors.diverging) {
    paintDiverging(spec.values, img.data, spec.colors.cmap, spec.colors.hi);
  } else {
    paintSequential(spec.values, img.data, spec.colors.cmap, spec.colors.lo, spec.colors.hi);
  }
  cctx.putImageData(img, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.translate(plot.x, plot.y + plot.size);
  ctx.scale(1, -1); // grid row 0 is the lowest B: draw it at the bottom
  ctx.drawImage(cells, 0, 0, plot.size, plot.size);
  ctx.restore();
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.size + 1, plot.size + 1);

  drawAxes(ctx, layout, spec, bTicks, theme);
  drawColorbar(ctx, layout, spec.colors, barTicks, theme);

  // Kink lines, marker lines and points, clipped to the plot.
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.size, plot.size);
  ctx.clip();
  for (const l of spec.lines) {
    const p0 = toPixel(layout, spec.aRange, spec.bRange, l.a0, l.b0);
    const p1 = toPixel(layout, spec.aRange, spec.bRange, l.a1, l.b1);
    haloLine(ctx, p0, p1, theme.foreground, theme.background, [6, 4]);
  }
  for (const m of spec.hlines) {
    const p0 = toPixel(layout, spec.aRange, spec.bRange, spec.aRange[0], m.b);
    const p1 = toPixel(layout, spec.aRange, spec.bRange, spec.aRange[1], m.b);
    haloLine(ctx, p0, p1, theme.accent, theme.background, [2, 3]);
  }
  for (const m of spec.marks) {
    const p = toPixel(layout, spec.aRange, spec.bRange, m.a, m.b);
    ctx.beginPath();
    ctx.arc(p.x, p.y, 5, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = theme.background;
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = theme.accent;
    ctx.stroke();
  }
  ctx.restore();
  // Labels last (over everything, inside the plot where possible).
  const labels: { x: number; y: number; text: string; color: string }[] = [];
  for (const l of spec.lines) {
    const p0 = toPixel(layout, spec.aRange, spec.bRange, l.a0, l.b0);
    const p1 = toPixel(layout, spec.aRange, spec.bRange, l.a1, l.b1);
    const top = p0.y < p1.y ? p0 : p1; // label the line's upper end
    labels.push({ x: top.x, y: top.y + 6, text: l.label, color: theme.foreground });
  }
  for (const m of spec.hlines) {
    const p = toPixel(layout, spec.aRange, spec.bRange, spec.aRange[0], m.b);
    labels.push({ x: p.x + 4, y: p.y - 20, text: m.label, color: theme.accent });
  }
  for (const m of spec.marks) {
    const p = toPixel(layout, spec.aRange, spec.bRange, m.a, m.b);
    labels.push({ x: p.x + 9, y: p.y - 9, text: m.label, color: theme.accent });
  }
  for (const l of labels) {
    boxedText(ctx, l.text, l.x, l.y, layout, l.color, theme);
  }
  return layout;
}

function haloLine(
  ctx: CanvasRenderingContext2D,
  p0: { x: number; y: number },
  p1: { x: number; y: number },
  color: string,
  halo: string,
  dash: number[],
): void {
  ctx.setLineDash([]);
  ctx.lineWidth = 4;
  ctx.strokeStyle = halo;
  ctx.globalAlpha = 0.7;
  ctx.beginPath();
  ctx.moveTo(p0.x, p0.y);
  ctx.lineTo(p1.x, p1.y);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.lineWidth = 2;
  ctx.strokeStyle = color;
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Text on a translucent background box, kept inside the plot horizontally and vertically. */
function boxedText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  layout: PlaneLayout,
  color: string,
  theme: ThemeColors,
): void {
  const { plot } = layout;
  const w = ctx.measureText(text).width;
  const x0 = Math.max(plot.x + 3, Math.min(plot.x + plot.size - w - 5, x));
  const y0 = Math.max(plot.y + 3, Math.min(plot.y + plot.size - 18, y));
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = theme.background;
  ctx.fillRect(x0 - 3, y0 - 1, w + 6, 16);
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText(text, x0, y0 + 1);
}

function drawAxes(
  ctx: CanvasRenderingContext2D,
  layout: PlaneLayout,
  spec: PlaneSpec,
  bTicks: number[],
  theme: ThemeColors,
): void {
  const { plot } = layout;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const b of bTicks) {
    const y = Math.round(toPixel(layout, spec.aRange, spec.bRange, spec.aRange[0], b).y) + 0.5;
    ctx.moveTo(plot.x - 4, y);
    ctx.lineTo(plot.x - 1, y);
    ctx.fillText(num(b), plot.x - 6, y);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const yAxis = plot.y + plot.size;
  for (const a of niceTicks(spec.aRange[0], spec.aRange[1], 6)) {
    const x = Math.round(toPixel(layout, spec.aRange, spec.bRange, a, spec.bRange[0]).x) + 0.5;
    ctx.moveTo(x, yAxis + 1);
    ctx.lineTo(x, yAxis + 4);
    ctx.fillText(num(a), x, yAxis + 6);
  }
  ctx.stroke();
  ctx.fillStyle = theme.foreground;
  ctx.fillText("A", plot.x + plot.size / 2, yAxis + 22);
  ctx.save();
  ctx.translate(8, plot.y + plot.size / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText("B", 0, 0);
  ctx.restore();
}

function drawColorbar(
  ctx: CanvasRenderingContext2D,
  layout: PlaneLayout,
  colors: PlaneColors,
  ticks: number[],
  theme: ThemeColors,
): void {
  paintColorbar(ctx, layout.bar, colors.cmap.rgba, colors.lo, colors.hi, ticks.length ? ticks : [colors.lo], theme);
}

/** Draws (or clears) the crosshair at (a, b) on the overlay canvas (sized like the figure). */
export function paintCrosshair(
  overlay: HTMLCanvasElement,
  layout: PlaneLayout,
  aRange: readonly [number, number],
  bRange: readonly [number, number],
  at: { a: number; b: number } | undefined,
  theme: ThemeColors,
): void {
  const ctx = sizeCanvas(overlay, layout.canvas.width, layout.canvas.height);
  if (!at) {
    return;
  }
  const { plot } = layout;
  const p = toPixel(layout, aRange, bRange, at.a, at.b);
  const x = Math.round(p.x) + 0.5;
  const y = Math.round(p.y) + 0.5;
  ctx.save();
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.background;
  ctx.globalAlpha = 0.5;
  ctx.beginPath();
  ctx.moveTo(plot.x, y);
  ctx.lineTo(plot.x + plot.size, y);
  ctx.moveTo(x, plot.y);
  ctx.lineTo(x, plot.y + plot.size);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.foreground;
  ctx.setLineDash([3, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, 4, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
}
