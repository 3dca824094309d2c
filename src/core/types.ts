/**
 * Shared types of the activation-math core. Pure TypeScript: no vscode, DOM or Node.
 *
 * Canonical activation ids are PyTorch's `torch.nn.functional` names (`relu`, `leaky_relu`, `gelu`, ...),
 * and parameter names are PyTorch's (`negative_slope`, `alpha`, `approximate`, ...).
 */

/** A parameter value as PyTorch takes it: numbers, enum strings (`approximate: 'tanh'`), booleans. */
export type ParamValue = number | string | boolean;

/** Parameters by PyTorch name. Missing entries take PyTorch's defaults. */
export type Params = Readonly<Record<string, ParamValue>>;

/** Frameworks whose spelling and defaults the core knows. */
export type Dialect = "torch" | "keras2" | "keras3" | "tf" | "jax" | "flax" | "tfjs" | "flux";

export const DIALECTS: readonly Dialect[] = ["torch", "keras2", "keras3", "tf", "jax", "flax", "tfjs", "flux"];

/** One parameter of an activation, as PyTorch names and bounds it. */
export interface ParamSpec {
  readonly name: string;
  readonly kind: "number" | "enum" | "boolean";
  /** PyTorch's default; `undefined` where PyTorch has none (e.g. `threshold`'s two arguments). */
  readonly default: ParamValue | undefined;
  /** Allowed range for numbers (inclusive unless the `*Exclusive` flag says otherwise). */
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** A sensible interactive range for a slider (may be narrower than the allowed range). */
  readonly sliderMin?: number;
  readonly sliderMax?: number;
  /** Allowed values for enums. */
  readonly options?: readonly string[];
  readonly description: string;
}

/** A formula in plain text (hover, screen readers) and LaTeX. */
export interface Formula {
  readonly text: string;
  readonly latex: string;
}

export interface ActivationProperties {
  readonly monotonic: boolean;
  readonly bounded: boolean;
  /** f(0) = 0 and outputs take both signs. */
  readonly zeroCentred: boolean;
  /** Continuously differentiable everywhere. */
  readonly smooth: boolean;
  /** f′ → 0 for large |x| on at least one side. */
  readonly saturating: boolean;
  /** Outputs exact zeros on a half-line (so layers are sparse). */
  readonly sparse: boolean;
}

export interface ActivationSpec {
  /** PyTorch functional name, e.g. `leaky_relu`. */
  readonly id: string;
  /** Human label, e.g. `Leaky ReLU`. */
  readonly label: string;
  /** `elementwise` f: R → R, or `vector` (softmax, log_softmax, glu) over the last axis. */
  readonly kind: "elementwise" | "vector";
  /** Other spellings (Keras 2/3, tf.nn, JAX, Flux, TF.js, nn.Module class names), case-insensitive. */
  readonly aliases: readonly string[];
  readonly params: readonly ParamSpec[];
  readonly formula: Formula;
  readonly derivativeFormula: Formula;
  /** Output range, e.g. `[0, ∞)`; `min`/`max` may be ±Infinity and may depend on params (defaults used). */
  readonly range: { readonly min: number; readonly max: number; readonly text: string };
  readonly properties: ActivationProperties;
  /** `torch.nn.init.calculate_gain` for this nonlinearity where torch defines one. */
  gain?(params?: Params): number;
  /** x positions where f or f′ is not smooth (kinks), for the given params. */
  kinks(params?: Params): readonly number[];
  /** One or two sentences for hovers and explainers. Must be correct (ReLU is max(0, x)). */
  readonly summary: string;
}
