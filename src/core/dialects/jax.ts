/**
 * JAX (`jax.nn`, `jax.numpy.tanh`) and Flax (`flax.linen` / `flax.nnx`, which re-export jax.nn's activations and add a
 * `PReLU` module). Source: jax/_src/nn/functions.py, flax/linen/activation.py.
 */
import { arg, formsOf, ignored, input } from "./build";
import type { Dialect } from "../types";
import type { DialectForm, DialectTable, KinkDerivative } from "./types";

/** jax.nn's activation functions, shared by the jax and flax dialects (modules differ). */
function jaxFunctions(dialect: Dialect, modules: readonly string[], tanhModules: readonly string[]): DialectForm[] {
  const { fn } = formsOf(dialect);
  const x = input("x");
  const axis = ignored("axis");
  return [
    fn("relu", "relu", modules, [x]),
    fn("relu6", "relu6", modules, [x]),
    fn("leaky_relu", "leaky_relu", modules, [x, arg("negative_slope")]),
    fn("elu", "elu", modules, [x, arg("alpha")]),
    fn("selu", "selu", modules, [x]),
    fn("celu", "celu", modules, [x, arg("alpha")]),
    fn("gelu", "gelu", modules, [x, arg("approximate", "approximate", { convert: "approximate" })], {
      defaults: { approximate: "tanh" },
    }),
    fn("silu", ["silu", "swish"], modules, [x]),
    fn("mish", "mish", modules, [x]),
    fn("softplus", "softplus", modules, [x]),
    fn("softsign", "soft_sign", modules, [x]),
    fn("sigmoid", "sigmoid", modules, [x]),
    fn("tanh", "tanh", tanhModules, [x]),
    fn("hardtanh", "hard_tanh", modules, [x]),
    fn("hardsigmoid", "hard_sigmoid", modules, [x]),
    fn("hardswish", ["hard_silu", "hard_swish"], modules, [x]),
    fn("logsigmoid", "log_sigmoid", modules, [x]),
    fn("identity", "identity", modules, [x]),
    fn("softmax", "softmax", modules, [x, axis, ignored("where")]),
    fn("log_softmax", "log_softmax", modules, [x, axis, ignored("where")]),
    fn("glu", "glu", modules, [x, axis]),
  ];
}

const JAX_NOTES: Readonly<Record<string, readonly string[]>> = {
  gelu: ["jax.nn.gelu defaults to approximate=True: the tanh form (torch's approximate='tanh'), not torch's exact default."],
  leaky_relu: ["jax.nn.leaky_relu(x, negative_slope=0.01): same default as torch, but its derivative at 0 is 1 (torch: the slope)."],
  hardtanh: ["jax.nn.hard_tanh is fixed to [-1, 1]; its derivative at ±1 is 1 (torch: 0)."],
  hardswish: ["jax.nn.hard_silu = x·relu6(x + 3)/6; its derivative is 0 at −3 and 1 at 3."],
  softplus: ["No beta or threshold: log(1 + eˣ) via logaddexp; torch's threshold=20 switch changes values by less than 2.1e-9."],
  softmax: ["axis defaults to -1."],
};

const JAX_KINKS: Readonly<Record<string, readonly KinkDerivative[]>> = {
  leaky_relu: [{ at: 0, value: 1, torch: "negative_slope" }],
  hardtanh: [
    { at: -1, value: 1, torch: 0 },
    { at: 1, value: 1, torch: 0 },
  ],
};

export const JAX: DialectTable = {
  dialect: "jax",
  label: "JAX (jax.nn)",
  forms: jaxFunctions("jax", ["jax.nn"], ["jax.nn", "jax.numpy"]),
  notes: JAX_NOTES,
  kinks: JAX_KINKS,
  variants: {},
};

const FLAX_MODULES = ["flax.linen", "flax.linen.activation", "flax.nnx", "flax.nnx.nn.activations"];
const flax = formsOf("flax");

export const FLAX: DialectTable = {
  dialect: "flax",
  label: "Flax (flax.linen / nnx)",
  forms: [
    flax.layer("prelu", "PReLU", FLAX_MODULES, [ignored("param_dtype"), arg("negative_slope_init", "weight")], {
      defaults: { weight: 0.01 },
    }),
    ...jaxFunctions("flax", FLAX_MODULES, FLAX_MODULES),
  ],
  notes: {
    ...JAX_NOTES,
    prelu: ["flax.linen.PReLU(negative_slope_init=0.01): the learned slope starts at 0.01 (torch nn.PReLU: 0.25)."],
  },
  kinks: JAX_KINKS,
  variants: {},
};
