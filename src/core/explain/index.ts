/**
 * Public API of the explainers' mathematics: pure functions whose numbers the webview draws (never typed in).
 */
export { biasFamily, type BiasFamily } from "./bias";
export {
  simulateDepth,
  type DepthInit,
  type DepthSimulation,
  type SimulateDepthInput,
} from "./depth";
export {
  DEFAULT_DYING_IDS,
  dyingSweep,
  dyingUnits,
  layerDying,
  reluSparsity,
  reluSparsityCurve,
  type DyingActivationResult,
  type DyingSweep,
  type DyingSweepInput,
  type DyingUnitsInput,
  type DyingUnitsResult,
  type LayerDying,
  type SparsityCurve,
  type UnitMeans,
} from "./dying";
export {
  clipLine,
  interactionAt,
  interactionGrid,
  type InteractionGrid,
  type InteractionGridInput,
  type InteractionPoint,
  type InteractionWeights,
  type KinkLine,
  type Segment,
} from "./interactions";
export { leastSquares, type LeastSquaresResult } from "./lstsq";
export { createRng, fillNormal, type Rng } from "./random";
export {
  builtinTarget,
  errorVsUnits,
  evenKinks,
  fitReluSum,
  type BuiltinTarget,
  type ErrorVsUnits,
  type FitReluSumInput,
  type ReluSumFit,
  type ReluSumTarget,
} from "./relu-sum";
export {
  saturatedFraction,
  saturationRegions,
  type SaturationInterval,
  type SaturationRegions,
} from "./saturation";
