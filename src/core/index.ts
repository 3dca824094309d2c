/**
 * The activation-math core's public API: one import for every part of it. Pure TypeScript — no `vscode`, DOM
 * or Node imports — so the extension host, web workers and the webviews bundle the same code.
 *
 * - activations: the registry (PyTorch ids, params and defaults, aliases) and its float64 scalar math —
 *   `listActivations`, `getActivation`, `evaluate`, `derivative`, vector ops (`applyVector`, `vectorJvp`).
 * - kernels: `applyActivation` / `applyDerivative` on Float32Array / Float64Array (WebAssembly SIMD for float32
 *   where it applies) and resident arrays in the kernels' memory for zero-copy work.
 * - dialects: each framework's defaults for the same function (torch, Keras 2/3, tf.nn, JAX, TF.js, Flux).
 * - stats: layer statistics, histograms, moments under N(μ, σ²), gradient scale through depth.
 * - parse / format: numbers as numpy, torch, TF, JAX, Julia, MATLAB, JSON and CSV print them, and back.
 * - detect: activation calls in Python, JS/TS and Julia code.
 * - explain, colormap, pool, plot: the explainers' mathematics, colormaps, heatmap pooling, small SVG plots.
 */
export * from "./types";
export * from "./activations/index";
export * from "./kernels/index";
export * from "./kernels/precision";
export * from "./dialects/index";
export * from "./stats/index";
export * from "./parse/index";
export * from "./format/index";
export * from "./detect/index";
export * from "./explain/index";
export * from "./colormap/index";
export * from "./pool/index";
export * from "./plot/index";
