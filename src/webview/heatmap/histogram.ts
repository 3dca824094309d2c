/**
 * The histogram of pre-activations on a small canvas: one bar per bin of the core's histogram, bars whose
 * bin centre is saturated (|f′| < ε) drawn in the muted colour, the activation's kinks as dashed accent lines
 * (labelled), and x ticks.
 */
import { niceTicks } from "../../core/format";
import type { ThemeColors } from "../theme";
import { fontOf, sizeCanvas } from "./figure";
import { num } from "./text";

export interface HistogramSpec {
  /** bins + 1 edges and the counts per bin (from the core's layer statistics). */
  readonly edges: ArrayLike<number>;
  readonly counts: ArrayLike<number>;
  /** Finite values below the first edge / above the last (drawn as counts at the ends), and the extremes. */
  readonly underflow: number;
  readonly overflow: number;
  readonly min: number;
  readonly max: number;
  readonly kinks: readonly number[];
  /** f′ of the activation, to shade saturated bins; and the ε. */
  readonly derivative: (x: number) => number;
  readonly eps: number;
  readonly width: number;
  readonly height: number;
}

/** Draws the histogram; returns the kinks that fell inside its range (the others are named in the legend). */
export function drawHistogram(canvas: HTMLCanvasElement, spec: HistogramSpec, theme: ThemeColors, family: string): number[] {
  const ctx = sizeCanvas(canvas, spec.width, spec.height);
  ctx.font = fontOf(family);
  const bins = spec.counts.length;
  const lo = spec.edges[0];
  const hi = spec.edges[bins];
  let maxCount = 0;
  for (let i = 0; i < bins; i++) {
    maxCount = Math.max(maxCount, spec.counts[i]);
  }
  const countLabel = `${maxCount}`;
  const under = spec.underflow > 0 ? `◂ ${spec.underflow} down to ${num(spec.min)}` : "";
  const over = spec.overflow > 0 ? `${spec.overflow} up to ${num(spec.max)} ▸` : "";
  const left = Math.ceil(ctx.measureText(countLabel).width) + 10;
  const right = 12;
  const top = 16;
  const bottom = 20;
  const w = Math.max(10, spec.width - left - right);
  const h = Math.max(10, spec.height - top - bottom);
  const xOf = (x: number) => left + ((x - lo) / (hi - lo || 1)) * w;
  const yOf = (c: number) => top + h - (maxCount > 0 ? (c / maxCount) * h : 0);

  for (let i = 0; i < bins; i++) {
    const c = spec.counts[i];
    if (c === 0) {
      continue;
    }
    const x0 = xOf(spec.edges[i]);
    const x1 = xOf(spec.edges[i + 1]);
    const mid = (spec.edges[i] + spec.edges[i + 1]) / 2;
    const saturated = Math.abs(spec.derivative(mid)) < spec.eps;
    ctx.fillStyle = saturated ? theme.muted : theme.series[0];
    const y = yOf(c);
    ctx.fillRect(x0, y, Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)), top + h - y);
  }
  // axes
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left - 0.5, top);
  ctx.lineTo(left - 0.5, top + h + 0.5);
  ctx.lineTo(left + w, top + h + 0.5);
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillText(countLabel, left - 4, top);
  ctx.fillText("0", left - 4, top + h);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.strokeStyle = theme.muted;
  ctx.beginPath();
  for (const t of niceTicks(lo, hi, Math.max(2, Math.floor(w / 70)))) {
    const x = Math.round(xOf(t)) + 0.5;
    ctx.moveTo(x, top + h);
    ctx.lineTo(x, top + h + 4);
    ctx.fillText(num(t), x, top + h + 6);
  }
  ctx.stroke();

  // values beyond the shown range
  ctx.fillStyle = theme.accent;
  ctx.textBaseline = "top";
  if (under) {
    ctx.textAlign = "left";
    ctx.fillText(under, left + 4, top);
  }
  if (over) {
    ctx.textAlign = "right";
    ctx.fillText(over, left + w, top);
  }

  // kinks
  const inside = spec.kinks.filter((k) => k >= lo && k <= hi);
  ctx.save();
  ctx.strokeStyle = theme.accent;
  ctx.fillStyle = theme.accent;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.textBaseline = "top";
  for (const k of inside) {
    const x = Math.round(xOf(k)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, top - 2);
    ctx.lineTo(x, top + h);
    ctx.stroke();
    const label = `kink ${num(k)}`;
    const lw = ctx.measureText(label).width;
    ctx.textAlign = x + 4 + lw > left + w ? "right" : "left";
    ctx.fillText(label, ctx.textAlign === "right" ? x - 4 : x + 4, 1);
  }
  ctx.restore();
  return inside;
}
