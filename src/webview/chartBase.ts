import { Chart } from "chart.js";
import { themeColors, type ThemeColors } from "./theme";

/** Points Chart.js at the current theme (text, grid, font) and returns the colours. */
export function applyChartTheme(): ThemeColors {
  const colors = themeColors();
  Chart.defaults.color = colors.foreground;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || "sans-serif";
  return colors;
}

/** Options every line chart of the webviews shares: no animation, sized by its box, data as given. */
export const BASE_LINE_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false,
  normalized: true,
  interaction: { mode: "nearest", intersect: false, axis: "x" },
} as const;

/** Grid lines in the theme's grid colour, the zero line a little stronger. */
export function zeroAxisGrid(colors: ThemeColors) {
  return { color: (c: { tick: { value: number } }) => (c.tick.value === 0 ? colors.muted : colors.grid) };
}
