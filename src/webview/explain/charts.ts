/**
 * Chart.js line charts of the explainers, in the theme's colours (read at draw time), updated in place (a chart
 * is created once per canvas and then given new datasets, so dragging and typing never recreate it), and an
 * overlay plugin for what Chart.js lacks: shaded x bands (saturated regions), vertical and horizontal guide
 * lines with labels, and drag handles on the x axis (the kinks of the sum-of-ReLUs view).
 */
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type Plugin,
} from "chart.js";
import { formatNumber } from "../../core/format";
import { tickLabel } from "./ticks";
import { themeColors, type ThemeColors } from "../theme";
import { applyChartTheme, BASE_LINE_OPTIONS, zeroAxisGrid } from "../chartBase";

export { withAlpha } from "./alpha";

Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Filler,
);

export type XY = { x: number; y: number | null };
export type Dataset = ChartDataset<"line" | "scatter", XY[]>;

/** What the overlay plugin draws on a chart (in data coordinates). */
export interface Overlay {
  /** Shaded x intervals over the whole plot height. */
  bands: { x0: number; x1: number; color: string; label?: string }[];
  /** Vertical guide lines. */
  vlines: { x: number; color: string; dash?: number[]; width?: number; label?: string }[];
  /** Horizontal guide lines (on the `y` axis unless `axis` says otherwise). */
  hlines: { y: number; color: string; dash?: number[]; axis?: string; label?: string }[];
  /** Triangular handles on the x axis (kinks); `selected` is drawn larger, in the accent colour. */
  handles: { x: number; selected: boolean }[];
  /** Text labels at data points, with a small dot. */
  notes: { x: number; y: number; text: string; color: string; align?: "left" | "right"; axis?: string }[];
}

export function emptyOverlay(): Overlay {
  return { bands: [], vlines: [], hlines: [], handles: [], notes: [] };
}

const overlays = new WeakMap<Chart, Overlay>();

/** Size of an x-axis handle, CSS px. */
export const HANDLE = 7;

function fontFamily(): string {
  return getComputedStyle(document.body).fontFamily || "sans-serif";
}

const overlayPlugin: Plugin = {
  id: "explainOverlay",
  beforeDatasetsDraw(chart) {
    const o = overlays.get(chart);
    const { ctx, chartArea: a, scales } = chart;
    if (!o || !a) {
      return;
    }
    const x = scales.x;
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.right - a.left, a.bottom - a.top);
    ctx.clip();
    for (const b of o.bands) {
      const p0 = Math.max(a.left, x.getPixelForValue(b.x0));
      const p1 = Math.min(a.right, x.getPixelForValue(b.x1));
      if (p1 > p0) {
        ctx.fillStyle = b.color;
        ctx.fillRect(p0, a.top, p1 - p0, a.bottom - a.top);
      }
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart) {
    const o = overlays.get(chart);
    const { ctx, chartArea: a, scales } = chart;
    if (!o || !a) {
      return;
    }
    const theme = themeColors();
    const x = scales.x;
    ctx.save();
    ctx.font = `11px ${fontFamily()}`;
    ctx.textBaseline = "top";
    for (const v of o.vlines) {
      const px = Math.round(x.getPixelForValue(v.x)) + 0.5;
      if (px < a.left - 1 || px > a.right + 1) {
        continue;
      }
      ctx.strokeStyle = v.color;
      ctx.lineWidth = v.width ?? 1;
      ctx.setLineDash(v.dash ?? [4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, a.top);
      ctx.lineTo(px, a.bottom);
      ctx.stroke();
      if (v.label) {
        label(ctx, v.label, px + 4, a.top + 2, v.color, theme, px > (a.left + a.right) / 2 ? "right" : "left");
      }
    }
    for (const hl of o.hlines) {
      const scale = scales[hl.axis ?? "y"];
      if (!scale) {
        continue;
      }
      const py = Math.round(scale.getPixelForValue(hl.y)) + 0.5;
      if (py < a.top - 1 || py > a.bottom + 1) {
        continue;
      }
      ctx.strokeStyle = hl.color;
      ctx.lineWidth = 1;
      ctx.setLineDash(hl.dash ?? [4, 3]);
      ctx.beginPath();
      ctx.moveTo(a.left, py);
      ctx.lineTo(a.right, py);
      ctx.stroke();
      if (hl.label) {
        label(ctx, hl.label, a.right - 4, py - 16, hl.color, theme, "right");
      }
    }
    ctx.setLineDash([]);
    for (const n of o.notes) {
      const scale = scales[n.axis ?? "y"];
      if (!scale) {
        continue;
      }
      const px = x.getPixelForValue(n.x);
      const py = scale.getPixelForValue(n.y);
      if (px < a.left - 1 || px > a.right + 1 || py < a.top - 1 || py > a.bottom + 1) {
        continue;
      }
      ctx.fillStyle = n.color;
      ctx.strokeStyle = theme.background;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.fill();
      const right = n.align === "right" || (n.align === undefined && px > (a.left + a.right) / 2);
      // Above the point, or below it when that would leave the plot.
      const ly = py - 18 < a.top ? py + 6 : py - 18;
      label(ctx, n.text, right ? px - 8 : px + 8, ly, n.color, theme, right ? "right" : "left");
    }
    for (const hd of o.handles) {
      const px = x.getPixelForValue(hd.x);
      if (px < a.left - 1 || px > a.right + 1) {
        continue;
      }
      const s = hd.selected ? HANDLE + 2 : HANDLE;
      ctx.beginPath();
      ctx.moveTo(px, a.bottom - s * 1.6);
      ctx.lineTo(px - s, a.bottom);
      ctx.lineTo(px + s, a.bottom);
      ctx.closePath();
      ctx.fillStyle = hd.selected ? theme.accent : theme.muted;
      ctx.strokeStyle = theme.background;
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      if (hd.selected) {
        ctx.strokeStyle = theme.accent;
        ctx.lineWidth = 1;
        ctx.setLineDash([2, 3]);
        ctx.beginPath();
        ctx.moveTo(Math.round(px) + 0.5, a.top);
        ctx.lineTo(Math.round(px) + 0.5, a.bottom - s * 1.6);
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    ctx.restore();
  },
};

/** Text on a background-coloured box, so it stays legible over lines and bands. */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  color: string,
  theme: ThemeColors,
  align: "left" | "right",
): void {
  const w = ctx.measureText(text).width;
  const x0 = align === "right" ? x - w - 8 : x;
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = theme.background;
  ctx.fillRect(x0 - 2, y - 1, w + 4, 15);
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  ctx.textAlign = "left";
  ctx.fillText(text, x0, y + 1);
}

export interface ChartOptions {
  readonly xTitle: string;
  readonly yTitle: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** A second y axis on the right (`y1`), e.g. f′ beside f. */
  readonly y1Title?: string;
  readonly legend?: boolean;
  /** Digits of the tooltip values. */
  readonly digits?: number;
  /** Fixed x tick values (e.g. the unit counts of an error chart). */
  readonly xTicks?: readonly number[];
}

function decadesOf(scale: { min: number; max: number }): number {
  return scale.min > 0 && scale.max > 0 ? Math.log10(scale.max / scale.min) : Infinity;
}

/** A line chart on `canvas` with the explainer overlay (empty until {@link updateChart}). */
export function makeChart(canvas: HTMLCanvasElement, o: ChartOptions): Chart {
  const colors = applyChartTheme();
  const grid = zeroAxisGrid(colors);
  const digits = o.digits ?? 5;
  const chart = new Chart(canvas, {
    type: "line",
    data: { datasets: [] },
    options: {
      ...BASE_LINE_OPTIONS,
      scales: {
        x: {
          type: o.logX ? "logarithmic" : "linear",
          title: { display: true, text: o.xTitle },
          grid,
          ticks: {
            callback(value) {
              return o.xTicks && !o.xTicks.includes(Number(value))
                ? ""
                : tickLabel(Number(value), o.logX === true && !o.xTicks, decadesOf(this));
            },
            autoSkip: !o.xTicks,
            maxRotation: 0,
            includeBounds: false,
          },
          ...(o.xTicks
            ? {
                afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
                  scale.ticks = (o.xTicks ?? []).map((value) => ({ value }));
                },
              }
            : {}),
        },
        y: {
          type: o.logY ? "logarithmic" : "linear",
          title: { display: true, text: o.yTitle },
          grid,
          ticks: {
            callback(value) {
              return tickLabel(Number(value), o.logY === true, decadesOf(this));
            },
            includeBounds: false,
          },
        },
        ...(o.y1Title
          ? {
              y1: {
                type: "linear" as const,
                position: "right" as const,
                title: { display: true, text: o.y1Title },
                grid: { drawOnChartArea: false },
                ticks: { callback: (value: number | string) => tickLabel(Number(value), false, 0) },
              },
            }
          : {}),
      },
      plugins: {
        legend: {
          display: o.legend !== false,
          position: "bottom",
          labels: { usePointStyle: true, boxHeight: 6, boxWidth: 6 },
        },
        tooltip: {
          filter: (item) => !(item.dataset as { noTooltip?: boolean }).noTooltip,
          callbacks: {
            label: (item) => {
              const p = item.raw as XY;
              return `${item.dataset.label ?? ""}: (${fmt(p.x, digits)}, ${p.y === null ? "—" : fmt(p.y, digits)})`;
            },
          },
        },
      },
    },
    plugins: [overlayPlugin],
  });
  overlays.set(chart, emptyOverlay());
  return chart;
}

function fmt(v: number, digits: number): string {
  return formatNumber(v, digits);
}

/** Axis limits for {@link updateChart} (undefined = automatic). */
export interface Limits {
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
}

/** New datasets, overlay and axis limits for a chart; redraws without animation. */
export function updateChart(chart: Chart, datasets: Dataset[], overlay: Overlay, limits: Limits = {}): void {
  applyChartTheme();
  chart.data.datasets = datasets as ChartDataset<"line">[];
  overlays.set(chart, overlay);
  const s = chart.options.scales;
  if (s?.x) {
    s.x.min = limits.xMin;
    s.x.max = limits.xMax;
  }
  if (s?.y) {
    s.y.min = limits.yMin;
    s.y.max = limits.yMax;
  }
  chart.update("none");
}

/** Points (x[k], y[k]) of two arrays; non-finite y (or, on a log axis, y ≤ 0) become gaps. */
export function points(x: ArrayLike<number>, y: ArrayLike<number>, logY = false): XY[] {
  const out: XY[] = new Array<XY>(x.length);
  for (let k = 0; k < x.length; k++) {
    const v = y[k];
    out[k] = { x: x[k], y: Number.isFinite(v) && (!logY || v > 0) ? v : null };
  }
  return out;
}

/** A line dataset (`order`: datasets of lower order are drawn on top; equal orders: the first on top). */
export function lineSet(
  label: string,
  data: XY[],
  color: string,
  o: { width?: number; dash?: number[]; yAxisID?: string; points?: number; noTooltip?: boolean; order?: number } = {},
): Dataset {
  return {
    type: "line",
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: o.width ?? 2,
    borderDash: o.dash,
    pointRadius: o.points ?? 0,
    pointHitRadius: o.noTooltip ? 0 : 4,
    pointHoverRadius: o.noTooltip ? 0 : 4,
    spanGaps: false,
    tension: 0,
    yAxisID: o.yAxisID ?? "y",
    order: o.order ?? 0,
    ...(o.noTooltip ? { noTooltip: true } : {}),
  } as Dataset;
}

/** A scatter dataset of markers. */
export function markerSet(
  label: string,
  data: XY[],
  color: string,
  style: "circle" | "crossRot" | "rectRot" | "triangle" = "circle",
  radius = 4,
): Dataset {
  return {
    type: "scatter",
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    pointRadius: radius,
    pointStyle: style,
    borderWidth: 2,
  } as Dataset;
}
