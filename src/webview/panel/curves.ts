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
import type { CurvesState } from "../../shared/protocol";
import { themeColors } from "../theme";
import { sampleCurve } from "./sampling";

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

type Dataset = ChartDataset<"line" | "scatter", { x: number; y: number | null }[]>;

export interface CurvesRender {
  canvases: string[];
  curves: string[];
  points: number;
}

/** Draws f and f′ of every curve in `state` into two Chart.js canvases inside `root`. */
export class CurvesView {
  private charts: Chart[] = [];

  constructor(private readonly root: HTMLElement) {}

  render(state: CurvesState): CurvesRender {
    this.destroy();
    const colors = themeColors();
    Chart.defaults.color = colors.foreground;
    Chart.defaults.borderColor = colors.grid;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    this.root.replaceChildren();
    this.root.classList.toggle("stacked", state.layout === "stacked");

    const fSets: Dataset[] = [];
    const dfSets: Dataset[] = [];
    let points = 0;
    const drawn: string[] = [];
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
    });
    if (state.markers && state.markers.values.length) {
      const c0 = state.curves[0];
      const xs = state.markers.values.filter((v) => Number.isFinite(v));
      fSets.push(markerSet(state.markers.label, xs.map((x) => ({ x, y: evaluate(c0.id, x, c0.params) })), colors.accent));
      dfSets.push(markerSet(state.markers.label, xs.map((x) => ({ x, y: derivative(c0.id, x, c0.params) })), colors.accent));
    }
    const fCanvas = this.chartBox("curve-f", "f(x)", "Activation f(x)");
    const dfCanvas = this.chartBox("curve-df", "f′(x)", "Derivative f′(x)");
    this.charts.push(makeChart(fCanvas, fSets, state.range, "f(x)"));
    this.charts.push(makeChart(dfCanvas, dfSets, state.range, "f′(x)"));
    return { canvases: ["curve-f", "curve-df"], curves: drawn, points };
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
    this.root.append(fig);
    return canvas;
  }

  destroy(): void {
    for (const c of this.charts) {
      c.destroy();
    }
    this.charts = [];
  }
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
  const colors = themeColors();
  return new Chart(canvas, {
    type: "line",
    data: { datasets: datasets as ChartDataset<"line">[] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: "nearest", intersect: false, axis: "x" },
      scales: {
        x: {
          type: "linear",
          min: range[0],
          max: range[1],
          title: { display: true, text: "x" },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? colors.muted : colors.grid) },
        },
        y: {
          type: "linear",
          title: { display: true, text: yTitle },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? colors.muted : colors.grid) },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true, boxHeight: 6 } },
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
