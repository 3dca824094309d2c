import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
} from "chart.js";
import { derivative, evaluate, getActivation } from "../../core/activations";
import type { CurvesState, RenderSummary } from "../../shared/protocol";
import { applyChartTheme, BASE_LINE_OPTIONS, zeroAxisGrid } from "../chartBase";
import { themeColors } from "../theme";
import { sampleCurve } from "./sampling";

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

type Dataset = ChartDataset<"line" | "scatter", { x: number; y: number | null }[]>;

export interface CurvesRender {
  canvases: string[];
  curves: string[];
  params: Record<string, string | number | boolean>[];
  points: number;
  summary: RenderSummary;
}

/** Draws f and f′ of every curve in `state` into two Chart.js canvases inside `root`; updates in place. */
export class CurvesView {
  private charts: Chart[] = [];
  private readonly figures: HTMLElement;
  private readonly description: HTMLElement;
  private lastCsv = "";
  /** The theme colours the charts were made with; a theme change rebuilds them (options capture colours). */
  private themeKey = "";

  constructor(private readonly root: HTMLElement) {
    this.figures = document.createElement("div");
    this.figures.className = "figures";
    this.description = document.createElement("p");
    this.description.className = "sr-only";
    this.description.dataset.testid = "curves-summary";
    this.root.append(this.figures, this.description);
  }

  render(state: CurvesState): CurvesRender {
    const colors = applyChartTheme();
    this.figures.classList.toggle("stacked", state.layout === "stacked");

    const fSets: Dataset[] = [];
    const dfSets: Dataset[] = [];
    let points = 0;
    const drawn: string[] = [];
    const sentences: string[] = [];
    const csvCols: { name: string; f: (number | null)[]; df: (number | null)[] }[] = [];
    let xs: number[] = [];
    const summary: RenderSummary = {};
    state.curves.forEach((c, i) => {
      const spec = getActivation(c.id);
      if (!spec) {
        throw new Error(`unknown activation "${c.id}"`);
      }
      const color = colors.series[i % colors.series.length];
      const s = sampleCurve(
        (x) => evaluate(spec.id, x, c.params),
        (x) => derivative(spec.id, x, c.params),
        spec.kinks(c.params),
        state.range,
      );
      const name = curveLabel(spec.label, c.params);
      fSets.push(line(name, s.f, color));
      dfSets.push(line(`${name}′`, s.df, color));
      if (s.kinks.length) {
        fSets.push(kinkPoints(`${name} kink`, s.kinks.map((k) => ({ x: k.x, y: k.f })), color, false));
        dfSets.push(kinkPoints(`${name}′ at kink (torch)`, s.kinks.map((k) => ({ x: k.x, y: k.df })), color, true));
      }
      points += s.f.length + s.df.length;
      drawn.push(spec.id);
      summary[`kinks${i}`] = s.kinks.map((k) => k.x).join(",");
      sentences.push(
        `${name}: ${spec.formula.text}; ${spec.derivativeFormula.text}.` +
          (s.kinks.length ? ` Kinks at x = ${s.kinks.map((k) => `${fmt(k.x)} (f′ there ${fmt(k.df)}, as torch)`).join(", ")}.` : ""),
      );
      xs = s.f.map((p) => p.x);
      csvCols.push({ name: spec.id, f: s.f.map((p) => p.y), df: s.df.map((p) => p.y) });
    });
    if (state.markers && state.markers.values.length) {
      const c0 = state.curves[0];
      const mx = state.markers.values.filter((v) => Number.isFinite(v));
      fSets.push(markerSet(state.markers.label, mx.map((x) => ({ x, y: evaluate(c0.id, x, c0.params) })), colors.accent));
      dfSets.push(markerSet(state.markers.label, mx.map((x) => ({ x, y: derivative(c0.id, x, c0.params) })), colors.accent));
      summary.markers = mx.length;
      sentences.push(`${mx.length} selected values marked on ${c0.id} and its derivative.`);
    }
    const key = JSON.stringify(colors);
    if (key !== this.themeKey) {
      this.destroyCharts();
      this.themeKey = key;
    }
    if (this.charts.length === 0) {
      const fCanvas = this.chartBox("curve-f", "f(x)", "Activation f(x)");
      const dfCanvas = this.chartBox("curve-df", "f′(x)", "Derivative f′(x)");
      this.charts.push(makeChart(fCanvas, fSets, state.range, "f(x)"));
      this.charts.push(makeChart(dfCanvas, dfSets, state.range, "f′(x)"));
    } else {
      updateChart(this.charts[0], fSets, state.range);
      updateChart(this.charts[1], dfSets, state.range);
    }
    this.description.textContent = sentences.join(" ");
    this.lastCsv = toCsv(xs, csvCols);
    return { canvases: ["curve-f", "curve-df"], curves: drawn, params: state.curves.map((c) => ({ ...c.params })), points, summary };
  }

  /** The two charts side by side as one PNG, and the sampled values as CSV. */
  exportImage(): { png: string; csv: string } {
    return { png: combineCanvases(this.charts.map((c) => c.canvas)), csv: this.lastCsv };
  }

  private chartBox(testId: string, title: string, aria: string): HTMLCanvasElement {
    const fig = document.createElement("figure");
    fig.className = "chart";
    const cap = document.createElement("figcaption");
    cap.textContent = title;
    const wrap = document.createElement("div");
    wrap.className = "chart-canvas";
    const canvas = document.createElement("canvas");
    canvas.dataset.testid = testId;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", aria);
    wrap.append(canvas);
    fig.append(cap, wrap);
    this.figures.append(fig);
    return canvas;
  }

  private destroyCharts(): void {
    for (const c of this.charts) {
      c.destroy();
    }
    this.charts = [];
    this.figures.replaceChildren();
  }

  destroy(): void {
    this.destroyCharts();
    this.root.replaceChildren();
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

function toCsv(xs: number[], cols: { name: string; f: (number | null)[]; df: (number | null)[] }[]): string {
  const head = ["x", ...cols.flatMap((c) => [`${c.name}`, `${c.name}_prime`])].join(",");
  const lines = xs.map((x, i) => [x, ...cols.flatMap((c) => [c.f[i] ?? "", c.df[i] ?? ""])].join(","));
  return [head, ...lines].join("\n") + "\n";
}

/** Draws canvases side by side on one canvas (with the theme background) and returns a PNG data URL. */
export function combineCanvases(canvases: HTMLCanvasElement[]): string {
  const w = canvases.reduce((s, c) => s + c.width, 0);
  const hgt = Math.max(...canvases.map((c) => c.height));
  const out = document.createElement("canvas");
  out.width = Math.max(1, w);
  out.height = Math.max(1, hgt);
  const ctx = out.getContext("2d");
  if (ctx) {
    ctx.fillStyle = themeColors().background;
    ctx.fillRect(0, 0, out.width, out.height);
    let x = 0;
    for (const c of canvases) {
      ctx.drawImage(c, x, 0);
      x += c.width;
    }
  }
  return out.toDataURL("image/png");
}

function updateChart(chart: Chart, datasets: Dataset[], range: [number, number]): void {
  chart.data.datasets = datasets as ChartDataset<"line">[];
  const x = chart.options.scales?.x;
  if (x) {
    x.min = range[0];
    x.max = range[1];
  }
  chart.update("none");
}

function curveLabel(label: string, params: Record<string, unknown>): string {
  const ps = Object.entries(params);
  return ps.length ? `${label}(${ps.map(([k, v]) => `${k}=${String(v)}`).join(", ")})` : label;
}

function line(label: string, data: { x: number; y: number | null }[], color: string): Dataset {
  return {
    type: "line",
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 4,
    spanGaps: false,
    tension: 0,
  };
}

function kinkPoints(label: string, data: { x: number; y: number }[], color: string, filled: boolean): Dataset {
  return {
    type: "scatter",
    label,
    data,
    borderColor: color,
    backgroundColor: filled ? color : "transparent",
    pointRadius: 5,
    pointStyle: "circle",
    borderWidth: 2,
  };
}

function markerSet(label: string, data: { x: number; y: number }[], color: string): Dataset {
  return {
    type: "scatter",
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    pointRadius: 4,
    pointStyle: "crossRot",
    borderWidth: 2,
  };
}

function makeChart(canvas: HTMLCanvasElement, datasets: Dataset[], range: [number, number], yTitle: string): Chart {
  const grid = zeroAxisGrid(themeColors());
  return new Chart(canvas, {
    type: "line",
    data: { datasets: datasets as ChartDataset<"line">[] },
    options: {
      ...BASE_LINE_OPTIONS,
      scales: {
        x: {
          type: "linear",
          min: range[0],
          max: range[1],
          title: { display: true, text: "x" },
          grid,
        },
        y: {
          type: "linear",
          title: { display: true, text: yTitle },
          grid,
        },
      },
      plugins: {
        legend: {
          position: "bottom",
          labels: {
            usePointStyle: true,
            boxHeight: 6,
            // The narrow side bar keeps only the curves in the legend (kink dots still show on the chart).
            filter: (item) => document.body.dataset.surface !== "side" || !/ kink|at kink/.test(item.text),
          },
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = item.raw as { x: number; y: number | null };
              return `${item.dataset.label ?? ""}: (${p.x.toPrecision(6)}, ${p.y === null ? "—" : p.y.toPrecision(8)})`;
            },
          },
        },
      },
    },
  });
}
