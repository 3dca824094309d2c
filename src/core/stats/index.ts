/**
 * Public API of the statistics core: summaries, histograms and layer statistics of typed arrays, moments of
 * activations of Gaussian inputs (closed form or quadrature), and gradient scale through layers.
 */
export { scalarActivation, type ScalarActivation } from "./activation";
export {
  EXPONENTIAL_LINEAR_IDS,
  gaussianMoments,
  gaussianMomentsOf,
  PIECEWISE_LINEAR_IDS,
  type GaussianMomentOptions,
  type GaussianMoments,
} from "./gaussian";
export {
  gradientScale,
  maxAbsDerivative,
  maxAbsDerivativeOf,
  pathDerivativeProduct,
  type GradientScale,
  type MaxDerivative,
  type PathProduct,
} from "./gradient";
export {
  autoBinCount,
  binEdges,
  binInto,
  histogram,
  histogramEdges,
  MAX_AUTO_BINS,
  type BinSpec,
  type Histogram,
  type HistogramOptions,
} from "./histogram";
export {
  DEFAULT_SATURATION_EPS,
  deadUnits,
  layerStats,
  layerStatsOf,
  saturatedFraction,
  zeroFraction,
  type LayerStats,
  type LayerStatsOptions,
} from "./layer";
export { expBelowZero, phi, Phi } from "./normal";
export { integrateVector, type QuadratureOptions, type QuadratureResult, type VectorIntegrand } from "./quadrature";
export {
  checkShape,
  summarize,
  SummaryAccumulator,
  unitStats,
  type NonFiniteCounts,
  type NumericArray,
  type Summary,
  type UnitStats,
} from "./summary";
