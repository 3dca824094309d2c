/**
 * Keras 2 (`tf.keras` up to TF 2.15, the standalone `tf_keras` package) and Keras 3 (`import keras`, the default
 * `tf.keras` from TF 2.16 on; see the detector's documented choice). Sources: keras/activations.py and
 * keras/layers/advanced_activations.py (2.x), keras/src/activations/activations.py, keras/src/ops/nn.py and
 * keras/src/layers/activations/*.py (3.x).
 */
import { arg, formsOf, ignored, input } from "./build";
import { TF_SELU_KINK } from "./tf";
import type { DialectTable, ReluFamily, Variant } from "./types";

/** Keras 2's (and TF.js's) hard sigmoid: a steeper line than PyTorch's, saturating at ±2.5. */
export const HARD_SIGMOID_0_2: Variant = {
  id: "hardsigmoid",
  formula: "clip(0.2·x + 0.5, 0, 1)",
  relation: "equals torch hardsigmoid(1.2·x): slope 0.2 instead of 1/6, saturating at ±2.5 instead of ±3",
};

const RELU_NOTE =
  "ReLU(max_value=m, negative_slope=s, threshold=t) is read as: all defaults → relu; max_value=6 → relu6; another " +
  "max_value m → hardtanh(min_val=0, max_val=m) (the same clamp); negative_slope s alone → leaky_relu(s); threshold t " +
  "alone → threshold(t, 0) (Keras zeroes x ≤ t, like torch); other combinations have no torch equivalent and are " +
  "reported unresolved.";

// ---------------------------------------------------------------------------------------------- Keras 3
const k3 = formsOf("keras3");
const K3A = "keras.activations";
const K3O = ["keras.ops", "keras.ops.nn"];
const K3L = "keras.layers";
const K3_RELU: ReluFamily = { slope: "negative_slope", max: "max_value", threshold: "threshold" };
const x = input("x");
const axis = ignored("axis");

export const KERAS3: DialectTable = {
  dialect: "keras3",
  label: "Keras 3",
  forms: [
    // layers
    k3.layer("relu", "ReLU", [K3L], [ignored("max_value"), ignored("negative_slope"), ignored("threshold")], {
      reluFamily: K3_RELU,
      notes: [RELU_NOTE],
    }),
    k3.layer("leaky_relu", "LeakyReLU", [K3L], [arg("negative_slope"), arg("alpha", "negative_slope", { keywordOnly: true })], {
      defaults: { negative_slope: 0.3 },
    }),
    k3.layer("prelu", "PReLU", [K3L], [arg("alpha_initializer", "weight", { convert: "initializer" })], { defaults: { weight: 0 } }),
    k3.layer("elu", "ELU", [K3L], [arg("alpha")]),
    k3.layer("softmax", "Softmax", [K3L], [axis]),
    // keras.activations
    k3.fn("relu", "relu", [K3A], [x, ignored("negative_slope"), ignored("max_value"), ignored("threshold")], {
      reluFamily: K3_RELU,
      notes: [RELU_NOTE],
    }),
    k3.fn("relu", "relu", K3O, [x]),
    k3.fn("relu6", "relu6", [K3A, ...K3O], [x]),
    k3.fn("leaky_relu", "leaky_relu", [K3A, ...K3O], [x, arg("negative_slope")], { defaults: { negative_slope: 0.2 } }),
    k3.fn("elu", "elu", [K3A, ...K3O], [x, arg("alpha")]),
    k3.fn("selu", "selu", [K3A, ...K3O], [x]),
    k3.fn("celu", "celu", [K3A, ...K3O], [x, arg("alpha")]),
    k3.fn("gelu", "gelu", [K3A], [x, arg("approximate", "approximate", { convert: "approximate" })]),
    k3.fn("gelu", "gelu", K3O, [x, arg("approximate", "approximate", { convert: "approximate" })], {
      defaults: { approximate: "tanh" },
      notes: ["keras.ops.gelu defaults to approximate=True (tanh form), unlike keras.activations.gelu."],
    }),
    k3.fn("silu", ["silu", "swish"], [K3A, ...K3O], [x]),
    k3.fn("mish", "mish", [K3A], [x]),
    k3.fn("softplus", "softplus", [K3A, ...K3O], [x]),
    k3.fn("softsign", "softsign", [K3A, ...K3O], [x]),
    k3.fn("sigmoid", "sigmoid", [K3A, ...K3O], [x]),
    k3.fn("tanh", "tanh", [K3A, ...K3O], [x]),
    k3.fn("hardtanh", "hard_tanh", [K3A, ...K3O], [x]),
    k3.fn("hardsigmoid", "hard_sigmoid", [K3A, ...K3O], [x]),
    k3.fn("hardswish", ["hard_silu", "hard_swish"], [K3A, ...K3O], [x]),
    k3.fn("logsigmoid", "log_sigmoid", [K3A, ...K3O], [x]),
    k3.fn("tanhshrink", "tanh_shrink", [K3A, ...K3O], [x]),
    k3.fn("softshrink", "soft_shrink", [K3A, ...K3O], [x, arg("threshold", "lambd")]),
    k3.fn("hardshrink", "hard_shrink", [K3A, ...K3O], [x, arg("threshold", "lambd")]),
    k3.fn("threshold", "threshold", [K3A, ...K3O], [
      x,
      arg("threshold", "threshold", { required: true }),
      arg("default_value", "value", { required: true }),
    ]),
    k3.fn("identity", "linear", [K3A], [x]),
    k3.fn("softmax", "softmax", [K3A, ...K3O], [x, axis]),
    k3.fn("log_softmax", "log_softmax", [K3A, ...K3O], [x, axis]),
    k3.fn("glu", "glu", [K3A, ...K3O], [x, axis]),
    // activation strings (keras.activations.get)
    k3.str("relu", "relu"),
    k3.str("relu6", "relu6"),
    k3.str("leaky_relu", "leaky_relu", { negative_slope: 0.2 }),
    k3.str("elu", "elu"),
    k3.str("selu", "selu"),
    k3.str("celu", "celu"),
    k3.str("gelu", "gelu"),
    k3.str("silu", ["silu", "swish"]),
    k3.str("mish", "mish"),
    k3.str("softplus", "softplus"),
    k3.str("softsign", "softsign"),
    k3.str("sigmoid", "sigmoid"),
    k3.str("tanh", "tanh"),
    k3.str("hardtanh", "hard_tanh"),
    k3.str("hardsigmoid", "hard_sigmoid"),
    k3.str("hardswish", ["hard_silu", "hard_swish"]),
    k3.str("logsigmoid", "log_sigmoid"),
    k3.str("tanhshrink", "tanh_shrink"),
    k3.str("softshrink", "soft_shrink"),
    k3.str("hardshrink", "hard_shrink"),
    k3.str("identity", "linear"),
    k3.str("softmax", "softmax"),
    k3.str("log_softmax", "log_softmax"),
    k3.str("glu", "glu"),
  ],
  notes: {
    relu: [RELU_NOTE],
    relu6: ["Also spelled keras.layers.ReLU(max_value=6) or keras.activations.relu(x, max_value=6)."],
    leaky_relu: [
      "keras.layers.LeakyReLU defaults to negative_slope=0.3 (it still accepts Keras 2's name alpha, with a deprecation warning).",
      "keras.activations.leaky_relu, keras.ops.leaky_relu and activation='leaky_relu' default to 0.2; torch's default is 0.01.",
      "Also keras.layers.ReLU(negative_slope=s).",
    ],
    gelu: [
      "keras.activations.gelu and activation='gelu' default to approximate=False (exact erf form, torch's 'none').",
      "keras.ops.gelu defaults to approximate=True (torch's 'tanh').",
    ],
    hardsigmoid: [
      "Keras 3 uses x/6 + 1/2 clipped to [0, 1], like torch (some early Keras 3.0 releases of keras.ops.hard_sigmoid used Keras 2's 0.2x + 0.5).",
    ],
    hardtanh: ["hard_tanh is fixed to [-1, 1]; keras.layers.ReLU(max_value=m) with m ≠ 6 is read as hardtanh(min_val=0, max_val=m)."],
    threshold: ["keras.activations.threshold(x, threshold, default_value); also keras.layers.ReLU(threshold=t) → threshold(t, 0)."],
    prelu: [
      "keras.layers.PReLU starts from alpha_initializer='zeros' (weight 0, i.e. ReLU) and learns one slope per unit; torch's nn.PReLU starts at 0.25 with one shared slope.",
    ],
    softplus: ["No beta or threshold: log(1 + eˣ); torch's threshold=20 switch to x changes values by less than 2.1e-9."],
    softshrink: ["Keras calls lambd `threshold` (default 0.5)."],
    hardshrink: ["Keras calls lambd `threshold` (default 0.5)."],
    identity: ["Keras calls it 'linear'."],
    silu: ["'swish' and 'silu' are the same function."],
  },
  kinks: {},
  variants: {},
};

// ---------------------------------------------------------------------------------------------- Keras 2
const k2 = formsOf("keras2");
const K2A = "tf.keras.activations";
const K2L = "tf.keras.layers";

export const KERAS2: DialectTable = {
  dialect: "keras2",
  label: "Keras 2 (tf.keras ≤ 2.15)",
  forms: [
    k2.layer("relu", "ReLU", [K2L], [ignored("max_value"), ignored("negative_slope"), ignored("threshold")], {
      reluFamily: K3_RELU,
      notes: [RELU_NOTE],
    }),
    k2.layer("leaky_relu", "LeakyReLU", [K2L], [arg("alpha", "negative_slope")], { defaults: { negative_slope: 0.3 } }),
    k2.layer("prelu", "PReLU", [K2L], [arg("alpha_initializer", "weight", { convert: "initializer" })], { defaults: { weight: 0 } }),
    k2.layer("elu", "ELU", [K2L], [arg("alpha")]),
    k2.layer("threshold", "ThresholdedReLU", [K2L], [arg("theta", "threshold")], { defaults: { threshold: 1, value: 0 } }),
    k2.layer("softmax", "Softmax", [K2L], [axis]),
    k2.fn("relu", "relu", [K2A], [x, ignored("alpha"), ignored("max_value"), ignored("threshold")], {
      reluFamily: { slope: "alpha", max: "max_value", threshold: "threshold" },
      notes: [RELU_NOTE.replace("negative_slope=s", "alpha=s")],
    }),
    k2.fn("elu", "elu", [K2A], [x, arg("alpha")]),
    k2.fn("selu", "selu", [K2A], [x]),
    k2.fn("gelu", "gelu", [K2A], [x, arg("approximate", "approximate", { convert: "approximate" })]),
    k2.fn("silu", "swish", [K2A], [x]),
    k2.fn("mish", "mish", [K2A], [x]),
    k2.fn("softplus", "softplus", [K2A], [x]),
    k2.fn("softsign", "softsign", [K2A], [x]),
    k2.fn("sigmoid", "sigmoid", [K2A], [x]),
    k2.fn("tanh", "tanh", [K2A], [x]),
    k2.fn("hardsigmoid", "hard_sigmoid", [K2A], [x], { variant: "hard_sigmoid_0.2" }),
    k2.fn("identity", "linear", [K2A], [x]),
    k2.fn("softmax", "softmax", [K2A], [x, axis]),
    k2.str("relu", "relu"),
    k2.str("elu", "elu"),
    k2.str("selu", "selu"),
    k2.str("gelu", "gelu"),
    k2.str("silu", "swish"),
    k2.str("mish", "mish"),
    k2.str("softplus", "softplus"),
    k2.str("softsign", "softsign"),
    k2.str("sigmoid", "sigmoid"),
    k2.str("tanh", "tanh"),
    k2.str("hardsigmoid", "hard_sigmoid", {}, "hard_sigmoid_0.2"),
    k2.str("identity", "linear"),
    k2.str("softmax", "softmax"),
  ],
  notes: {
    relu: [RELU_NOTE, "tf.keras.activations.relu names the slope alpha (Keras 3: negative_slope)."],
    relu6: ["Spelled tf.keras.layers.ReLU(max_value=6) or tf.keras.activations.relu(x, max_value=6); Keras 2 has no 'relu6' string."],
    leaky_relu: [
      "tf.keras.layers.LeakyReLU(alpha=0.3): Keras 2 calls the slope alpha and defaults it to 0.3; torch's default is 0.01.",
      "Keras 2 has no leaky_relu activation function or string; tf.nn.leaky_relu (alpha=0.2) is the usual callable.",
    ],
    hardsigmoid: [
      "Keras 2 hard_sigmoid is clip(0.2·x + 0.5, 0, 1) = torch hardsigmoid(1.2·x): steeper (0.2 vs 1/6) and saturating at ±2.5, not ±3.",
    ],
    gelu: ["tf.keras.activations.gelu and activation='gelu' default to approximate=False (exact erf form)."],
    threshold: ["tf.keras.layers.ThresholdedReLU(theta=1.0) is x for x > theta, else 0: torch threshold(theta, 0)."],
    prelu: [
      "tf.keras.layers.PReLU starts from alpha_initializer='zeros' (weight 0, i.e. ReLU) and learns one slope per unit; torch's nn.PReLU starts at 0.25.",
    ],
    softplus: ["No beta or threshold: log(1 + eˣ); torch's threshold=20 switch to x changes values by less than 2.1e-9."],
    mish: ["Only in later Keras 2 releases."],
    silu: ["Keras 2 spells it 'swish'."],
    identity: ["Keras calls it 'linear'."],
    selu: ["Keras 2's selu is tf.nn.selu: its gradient at 0 is scale (≈ 1.0507); torch's is scale·alpha (≈ 1.7581)."],
  },
  kinks: { selu: TF_SELU_KINK },
  variants: { "hard_sigmoid_0.2": HARD_SIGMOID_0_2 },
};
