/** Colours from VS Code's theme CSS variables, read at draw time so theme changes apply. */
export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  series: string[];
  accent: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export function themeColors(): ThemeColors {
  return {
    foreground: cssVar("--vscode-editor-foreground", "#cccccc"),
    muted: cssVar("--vscode-descriptionForeground", "#999999"),
    grid: cssVar("--vscode-editorWidget-border", "rgba(128,128,128,0.35)"),
    background: cssVar("--vscode-editor-background", "#1e1e1e"),
    accent: cssVar("--vscode-charts-orange", "#d18616"),
    series: [
      cssVar("--vscode-charts-blue", "#3794ff"),
      cssVar("--vscode-charts-red", "#f14c4c"),
      cssVar("--vscode-charts-green", "#89d185"),
      cssVar("--vscode-charts-purple", "#b180d7"),
      cssVar("--vscode-charts-yellow", "#cca700"),
      cssVar("--vscode-charts-orange", "#d18616"),
    ],
  };
}

/** Calls `fn` when VS Code switches theme (it changes the body's class list). */
export function onThemeChange(fn: () => void): void {
  new MutationObserver(fn).observe(document.body, { attributes: true, attributeFilter: ["class"] });
}
