import * as vscode from "vscode";
import { MAX_ABS_X } from "../core/plot";
import { MAX_HEATMAP_VALUES } from "../shared/protocol";

/** The extension's settings (package.json `contributes.configuration`), read fresh on every use so changes apply live. */
export interface LensConfig {
  defaultActivation: string;
  dialect: string;
  defaultRange: [number, number];
  colormapPre: string;
  colormapPost: string;
  hoverEnabled: boolean;
  hoverLanguages: string[];
  sideViewFollow: boolean;
  maxSelectionValues: number;
  saturationEpsilon: number;
}

export const HOVER_LANGUAGES_DEFAULT = ["python", "javascript", "typescript", "javascriptreact", "typescriptreact", "julia"];

export function readConfig(): LensConfig {
  const c = vscode.workspace.getConfiguration("activationLens");
  const range = c.get<number[]>("defaultRange", [-7, 7]);
  const okRange =
    Array.isArray(range) &&
    range.length === 2 &&
    range.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_ABS_X) &&
    range[0] < range[1];
  const max = c.get<number>("maxSelectionValues", 1_000_000);
  const eps = c.get<number>("saturationEpsilon", 1e-3);
  return {
    defaultActivation: c.get<string>("defaultActivation", "relu") || "relu",
    dialect: c.get<string>("dialect", "auto") || "auto",
    defaultRange: okRange ? [range[0], range[1]] : [-7, 7],
    colormapPre: c.get<string>("colormap.preActivation", "RdBu") || "RdBu",
    colormapPost: c.get<string>("colormap.postActivation", "viridis") || "viridis",
    hoverEnabled: c.get<boolean>("hover.enabled", true),
    hoverLanguages: c.get<string[]>("hover.languages", HOVER_LANGUAGES_DEFAULT),
    sideViewFollow: c.get<boolean>("sideView.follow", true),
    // at most what the view can take (package.json declares the same maximum; settings.json may not obey it)
    maxSelectionValues: Number.isFinite(max) && max >= 1 ? Math.min(Math.floor(max), MAX_HEATMAP_VALUES) : 1_000_000,
    saturationEpsilon: Number.isFinite(eps) && eps > 0 ? eps : 1e-3,
  };
}
