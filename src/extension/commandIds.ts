/** Every command id of the extension, in one place (package.json `contributes.commands` must match). */
export const CommandIds = {
  plotActivation: "activationLens.plotActivation",
  plotSelection: "activationLens.plotSelection",
  heatmapSelection: "activationLens.heatmapSelection",
  applyToSelection: "activationLens.applyToSelection",
  exportView: "activationLens.exportView",
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** The webview panel's view type (also the serializer's key). */
export const PANEL_VIEW_TYPE = "activationLens.panel";
/** The side view's id (package.json `contributes.views`). */
export const SIDE_VIEW_ID = "activationLens.sideView";
