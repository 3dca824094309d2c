/** TensorFlow ops: `tf.nn.*`, `tf.math.*` and the top-level aliases (`tf.sigmoid`, `tf.tanh`, `tf.identity`). */
import { SELU_ALPHA, SELU_SCALE } from "../activations/exponential-linear";
import { arg, formsOf, ignored, input, neutral } from "./build";
import type { DialectTable, KinkDerivative } from "./types";

/**
 * TF's SeluGrad takes the output's sign: `activations < 0 ? grad·(activations + scale·alpha) : grad·scale`, so at
 * x = 0 (output 0) the slope is scale (≈ 1.0507); torch's selu backward takes the left side there, scale·alpha.
 * Keras 2's selu calls tf.nn.selu.
 */
export const TF_SELU_KINK: readonly KinkDerivative[] = [{ at: 0, value: SELU_SCALE, torch: SELU_SCALE * SELU_ALPHA }];

const { fn } = formsOf("tf");
const NN = "tf.nn";
const MATH = "tf.math";
const TOP = "tf";
const f = input("features");
const name = ignored("name");

export const TF: DialectTable = {
  dialect: "tf",
  label: "TensorFlow (tf.nn)",
  forms: [
    fn("relu", "relu", [NN], [f, name]),
    fn("relu6", "relu6", [NN], [f, name]),
    fn("leaky_relu", "leaky_relu", [NN], [f, arg("alpha", "negative_slope"), name], { defaults: { negative_slope: 0.2 } }),
    fn("elu", "elu", [NN], [f, name]),
    fn("selu", "selu", [NN], [f, name]),
    fn("gelu", "gelu", [NN], [f, arg("approximate", "approximate", { convert: "approximate" }), name]),
    fn("silu", ["silu", "swish"], [NN], [f, neutral("beta", 1), name]),
    fn("softplus", "softplus", [NN, MATH], [f, name]),
    fn("softsign", "softsign", [NN, MATH], [f, name]),
    fn("sigmoid", "sigmoid", [NN, MATH, TOP], [input("x"), name]),
    fn("tanh", "tanh", [NN, MATH, TOP], [input("x"), name]),
    fn("logsigmoid", "log_sigmoid", [MATH], [input("x"), name]),
    fn("softmax", "softmax", [NN, MATH], [input("logits"), ignored("axis"), name]),
    fn("log_softmax", "log_softmax", [NN, MATH], [input("logits"), ignored("axis"), name]),
    fn("identity", "identity", [TOP], [input("input"), name]),
  ],
  notes: {
    leaky_relu: ["tf.nn.leaky_relu(features, alpha=0.2): TF names the slope alpha and defaults it to 0.2; torch's default is 0.01."],
    elu: ["tf.nn.elu has no alpha (fixed at 1)."],
    gelu: ["tf.nn.gelu defaults to approximate=False (exact erf form)."],
    silu: ["tf.nn.silu(features, beta=1.0) computes x·sigmoid(beta·x); beta ≠ 1 has no torch equivalent and is reported unresolved."],
    softplus: ["No beta or threshold: log(1 + eˣ); torch's threshold=20 switch to x changes values by less than 2.1e-9."],
    selu: ["tf.nn.selu's gradient at 0 is scale (≈ 1.0507), from the output's sign; torch's is scale·alpha (≈ 1.7581)."],
  },
  kinks: { selu: TF_SELU_KINK },
  variants: {},
};
