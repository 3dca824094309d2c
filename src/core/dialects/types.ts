/**
 * Types of the framework-dialect table: how each framework spells, parameterises and defaults the same
 * activation, mapped onto the core's canonical ids (PyTorch functional names) and PyTorch parameter names.
 * Pure data; no vscode, DOM or Node.
 */
import type { Dialect, ParamValue, Params } from "../types";

/**
 * How a spelling is used in code:
 * - `function`: called on a tensor; the first positional argument is the input (`F.gelu(x, ...)`, `leakyrelu(x, 0.2)`);
 * - `layer`: a class or factory whose constructor takes the parameters (`nn.LeakyReLU(0.2)`, `tf.layers.leakyReLU({...})`);
 * - `method`: a tensor method, the receiver is the input (`x.relu()`, `x.softmax(dim=1)`);
 * - `string`: an activation identifier (`Dense(64, activation="relu")`).
 */
export type FormKind = "function" | "layer" | "method" | "string";

/**
 * How a literal argument becomes a PyTorch parameter value:
 * - `number` (default): a number literal, used as is;
 * - `approximate`: GELU's flag; `True`/`true` → `'tanh'`, `False`/`false` → `'none'`; the strings `'tanh'`/`'none'` pass;
 * - `initializer`: a Keras/TF.js initializer name; `'zeros'` → 0, `'ones'` → 1 (case-insensitive); anything else
 *   (e.g. `Constant(0.25)`) is unresolved;
 * - `enum`: a string literal, used as is.
 */
export type ArgConvert = "number" | "approximate" | "initializer" | "enum";

/** One argument of a spelling, in the framework's own name. */
export interface ArgSpec {
  /** The framework's name (`alpha`, `negative_slope`, `approximate`, `maxValue`, `α`). */
  readonly name: string;
  /** PyTorch parameter it maps to. Absent: the argument does not shape the curve (`inplace`, `dim`, `name`) and is ignored. */
  readonly torch?: string;
  /** The input tensor (`x`, `input`, `features`, `logits`); skipped. */
  readonly input?: boolean;
  /** Can only be given by keyword (or as an options-object property). */
  readonly keywordOnly?: boolean;
  /** Literal conversion; default `number`. */
  readonly convert?: ArgConvert;
  /**
   * For an argument with no PyTorch counterpart that leaves the curve equal to PyTorch's at this value
   * (`tf.nn.silu(beta=1.0)`, `F.rrelu(training=False)`): any other given value is reported unresolved.
   */
  readonly neutral?: ParamValue;
  /** No default: when not given, the parameter is left out of the detected params (`F.prelu`'s weight). */
  readonly required?: boolean;
}

/**
 * Rules for the ReLU family whose arguments choose the function (Keras `relu`/`ReLU`, TF.js `reLU`):
 * names of the framework's slope, cap and threshold arguments. See `resolveReluFamily`.
 */
export interface ReluFamily {
  readonly slope?: string;
  readonly max?: string;
  readonly threshold?: string;
}

/** One spelling of one activation in one framework. */
export interface DialectForm {
  /** Canonical id (PyTorch functional name). For ReLU-family forms, the id with default arguments (`relu`). */
  readonly id: string;
  readonly dialect: Dialect;
  readonly kind: FormKind;
  /** Spellings, case-sensitive (`leaky_relu`, `LeakyReLU`, `leakyRelu`, `σ`). */
  readonly names: readonly string[];
  /**
   * Canonical module paths the names live in (`torch.nn.functional`, `tf.keras.layers`, `keras.ops`, `jax.nn`,
   * `flax.linen`, `tfjs`, `tfjs.layers`, `NNlib`). Empty for strings and methods.
   */
  readonly modules: readonly string[];
  /** Arguments in positional order (the input first for functions). */
  readonly args: readonly ArgSpec[];
  /**
   * Parameter values (PyTorch names) this spelling means when not given: the framework's defaults where they differ
   * from PyTorch's, and values that make PyTorch's function equal to this one (GELU `approximate`).
   */
  readonly defaults: Params;
  /** TF.js layers take one options object (`{alpha: 0.3}`): arguments are read from its properties. */
  readonly optionsObject?: boolean;
  /** Set when the arguments choose among relu / relu6 / leaky_relu / hardtanh / threshold. */
  readonly reluFamily?: ReluFamily;
  /** The framework's function differs from PyTorch's with any parameters; see the dialect's `variants`. */
  readonly variant?: string;
  /** Spelling-specific caveats. */
  readonly notes?: readonly string[];
}

/**
 * The derivative a framework uses at a kink, where it differs from PyTorch's. `at` and `value` are numbers or the
 * name of a PyTorch parameter (`min_val`, `negative_slope`).
 */
export interface KinkDerivative {
  readonly at: number | string;
  readonly value: number | string;
  /** PyTorch's value there, for contrast. */
  readonly torch: number | string;
}

/** A function a framework computes that no PyTorch parameters reproduce exactly. */
export interface Variant {
  /** Canonical id of the nearest PyTorch function. */
  readonly id: string;
  /** Plain-text formula of the framework's function. */
  readonly formula: string;
  /** How it relates to PyTorch's (e.g. `hardsigmoid(1.2·x)`). */
  readonly relation: string;
}

/** Everything the core knows about one framework. */
export interface DialectTable {
  readonly dialect: Dialect;
  /** Human label (`Keras 3`). */
  readonly label: string;
  readonly forms: readonly DialectForm[];
  /** Per id: semantic differences from PyTorch worth telling a user (defaults, conventions, versions). */
  readonly notes: Readonly<Record<string, readonly string[]>>;
  /** Per id: derivatives at kinks that differ from PyTorch's. */
  readonly kinks: Readonly<Record<string, readonly KinkDerivative[]>>;
  /** Variants by name (referenced from forms' `variant`). */
  readonly variants: Readonly<Record<string, Variant>>;
}

/** What `dialectInfo(id, dialect)` answers. */
export interface DialectInfo {
  readonly id: string;
  readonly dialect: Dialect;
  readonly label: string;
  /** Qualified function spellings (`keras.activations.leaky_relu`, `keras.ops.leaky_relu`). */
  readonly functions: readonly string[];
  /** Qualified layer / module class spellings (`keras.layers.LeakyReLU`). */
  readonly layers: readonly string[];
  /** Tensor-method spellings (`Tensor.relu`). */
  readonly methods: readonly string[];
  /** Activation identifier strings (`"leaky_relu"`). */
  readonly strings: readonly string[];
  /** Framework argument name → PyTorch parameter name, over all spellings. */
  readonly paramNames: Readonly<Record<string, string>>;
  /** Parameters of the primary spelling (first in the table), PyTorch names, complete where defaults exist. */
  readonly defaults: Params;
  /** Defaults per spelling kind where they differ (Keras: `layer` 0.3 vs `function`/`string` 0.2 for leaky_relu). */
  readonly defaultsByKind: Readonly<Partial<Record<FormKind, Params>>>;
  readonly variants: readonly Variant[];
  readonly notes: readonly string[];
  readonly kinks: readonly KinkDerivative[];
  readonly forms: readonly DialectForm[];
}
