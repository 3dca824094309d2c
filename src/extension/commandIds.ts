/** Every command id of the extension, in one place (package.json `contributes.commands` must match). */
export const CommandIds = {
  plotActivation: "activationLens.plotActivation",
  plotSelection: "activationLens.plotSelection",
  heatmapSelection: "activationLens.heatmapSelection",
  applyToSelection: "activationLens.applyToSelection",
  exportView: "activationLens.exportView",
  explainInteraction: "activationLens.explainInteraction",
  explainBias: "activationLens.explainBias",
  explainReluSum: "activationLens.explainReluSum",
  explainDepth: "activationLens.explainDepth",
  explainDying: "activationLens.explainDying",
  explainSaturation: "activationLens.explainSaturation",
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** The webview panel's view type (also the serializer's key). */
export const PANEL_VIEW_TYPE = "activationLens.panel";
/** The side view's id (package.json `contributes.views`). */
export const SIDE_VIEW_ID = "activationLens.sideView";
