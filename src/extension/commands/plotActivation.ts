import * as vscode from "vscode";
import { getActivation, listActivations, resolveParams } from "../../core/activations";
import type { CurvesState, CurveSpec, ParamsRecord } from "../../shared/protocol";
import { isParamsRecord } from "../../shared/protocol";
import { readConfig } from "../config";
import { ActivationPanel } from "../panel";
import { clip, UserError } from "../selection";

const LAST_PICK_KEY = "activationLens.lastPlotted";

/** Args: `{ ids: string[], params?: Record<id, Params>, pick?: boolean }`; `pick` shows the quick pick with `ids` preselected. */
export interface PlotArgs {
  ids?: string[];
  params?: Record<string, ParamsRecord>;
  pick?: boolean;
  caption?: string;
}

function curvesFromArgs(args: PlotArgs): CurveSpec[] {
  if (!Array.isArray(args.ids) || args.ids.length === 0 || args.ids.length > 12) {
    throw new UserError("ids must name 1 to 12 activations.");
  }
  return args.ids.map((raw) => {
    const spec = typeof raw === "string" ? getActivation(raw) : undefined;
    if (!spec || spec.kind !== "elementwise") {
      throw new UserError(`"${String(raw)}" is not an elementwise activation Activation Lens knows.`);
    }
    const params = args.params?.[raw] ?? args.params?.[spec.id] ?? {};
    if (!isParamsRecord(params)) {
      throw new UserError(`params for ${spec.id} must be an object of numbers, strings or booleans.`);
    }
    try {
      resolveParams(spec.id, params);
    } catch (e) {
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
    return { id: spec.id, params };
  });
}

/** Multi-select quick pick of every elementwise activation; the last choice is remembered. */
async function pickCurves(context: vscode.ExtensionContext, preselect: string[]): Promise<string[] | undefined> {
  const last = preselect.length ? preselect : context.globalState.get<string[]>(LAST_PICK_KEY, [readConfig().defaultActivation]);
  const items = listActivations()
    .filter((s) => s.kind === "elementwise")
    .map((s) => ({
      label: s.label,
      description: s.id,
      detail: s.formula.text,
      picked: last.includes(s.id),
      id: s.id,
    }));
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: "Activation Lens: choose activations to plot (f and f′)",
    placeHolder: "Type to filter; Space to select several; Enter to plot",
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen || chosen.length === 0) {
    return undefined;
  }
  const ids = chosen.map((c) => c.id);
  await context.globalState.update(LAST_PICK_KEY, ids);
  return ids;
}

export async function plotActivation(context: vscode.ExtensionContext, args?: PlotArgs): Promise<CurvesState | undefined> {
  const cfg = readConfig();
  let curves: CurveSpec[];
  if (args && Array.isArray(args.ids) && !args.pick) {
    curves = curvesFromArgs(args);
  } else {
    const ids = await pickCurves(context, args?.ids ?? []);
    if (!ids) {
      return undefined;
    }
    curves = curvesFromArgs({ ...args, ids });
  }
  const state: CurvesState = {
    view: "curves",
    curves,
    range: cfg.defaultRange,
    layout: "side-by-side",
    caption: typeof args?.caption === "string" ? clip(args.caption, 500) : undefined,
  };
  ActivationPanel.show(context.extensionUri, state);
  return state;
}
