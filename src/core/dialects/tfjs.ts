/**
 * TensorFlow.js: tfjs-core ops (`tf.relu`, `tf.leakyRelu`), chained tensor methods (`x.relu()`), tfjs-layers factories
 * (`tf.layers.leakyReLU({alpha})`) and activation identifiers (`{activation: 'relu'}`). Source: the installed
 * @tensorflow/tfjs-core (ops, gradients) and tfjs-layers' activations.ts / activation_config.ts.
 */
import { arg, formsOf, ignored, input } from "./build";
import { HARD_SIGMOID_0_2 } from "./keras";
import type { ArgSpec, DialectTable } from "./types";

const { fn, layer, method, str } = formsOf("tfjs");
const TF = "tfjs";
const L = "tfjs.layers";
const x = input("x");
/** Options-object properties are keyword-only by nature. */
const opt = (name: string, torch?: string, extra: Omit<ArgSpec, "name" | "torch" | "keywordOnly"> = {}): ArgSpec =>
  torch ? arg(name, torch, { keywordOnly: true, ...extra }) : ignored(name, { keywordOnly: true, ...extra });

export const TFJS: DialectTable = {
  dialect: "tfjs",
  label: "TensorFlow.js",
  forms: [
    fn("relu", "relu", [TF], [x]),
    fn("relu6", "relu6", [TF], [x]),
    fn("leaky_relu", "leakyRelu", [TF], [x, arg("alpha", "negative_slope")], { defaults: { negative_slope: 0.2 } }),
    fn("prelu", "prelu", [TF], [x, arg("alpha", "weight", { required: true })]),
    fn("elu", "elu", [TF], [x]),
    fn("selu", "selu", [TF], [x]),
    fn("sigmoid", "sigmoid", [TF], [x]),
    fn("tanh", "tanh", [TF], [x]),
    fn("softplus", "softplus", [TF], [x]),
    fn("logsigmoid", "logSigmoid", [TF], [x]),
    fn("softmax", "softmax", [TF], [input("logits"), ignored("dim")]),
    fn("log_softmax", "logSoftmax", [TF], [input("logits"), ignored("axis")]),
    method("relu", "relu", []),
    method("relu6", "relu6", []),
    method("leaky_relu", "leakyRelu", [], [arg("alpha", "negative_slope")], { defaults: { negative_slope: 0.2 } }),
    method("prelu", "prelu", [], [arg("alpha", "weight", { required: true })]),
    method("elu", "elu", []),
    method("selu", "selu", []),
    method("sigmoid", "sigmoid", []),
    method("tanh", "tanh", []),
    method("softplus", "softplus", []),
    method("logsigmoid", "logSigmoid", []),
    method("softmax", "softmax", [], [ignored("dim")]),
    method("log_softmax", "logSoftmax", [], [ignored("axis")]),
    layer("relu", "reLU", [L], [opt("maxValue")], { optionsObject: true, reluFamily: { max: "maxValue" } }),
    layer("leaky_relu", "leakyReLU", [L], [opt("alpha", "negative_slope")], { optionsObject: true, defaults: { negative_slope: 0.3 } }),
    layer("prelu", "prelu", [L], [opt("alphaInitializer", "weight", { convert: "initializer" })], {
      optionsObject: true,
      defaults: { weight: 0 },
    }),
    layer("elu", "elu", [L], [opt("alpha", "alpha")], { optionsObject: true }),
    layer("threshold", "thresholdedReLU", [L], [opt("theta", "threshold")], { optionsObject: true, defaults: { threshold: 1, value: 0 } }),
    layer("softmax", "softmax", [L], [opt("axis")], { optionsObject: true }),
    str("elu", "elu"),
    str("hardsigmoid", "hardSigmoid", {}, "hard_sigmoid_0.2"),
    str("identity", "linear"),
    str("relu", "relu"),
    str("relu6", "relu6"),
    str("selu", "selu"),
    str("sigmoid", "sigmoid"),
    str("softmax", "softmax"),
    str("softplus", "softplus"),
    str("softsign", "softsign"),
    str("tanh", "tanh"),
    str("silu", "swish"),
    str("mish", "mish"),
    str("gelu", "gelu"),
    str("gelu", "gelu_new", { approximate: "tanh" }),
  ],
  notes: {
    leaky_relu: [
      "tf.leakyRelu(x, alpha=0.2) and x.leakyRelu(alpha) default to 0.2; tf.layers.leakyReLU({alpha}) defaults to 0.3; torch's default is 0.01.",
    ],
    hardsigmoid: ["TF.js 'hardSigmoid' is clip(0.2·x + 0.5, 0, 1) = torch hardsigmoid(1.2·x) (Keras 2's definition)."],
    relu6: ["tf.relu6's gradient at 6 is 1 (its mask is x ≤ 6); torch's is 0. Also tf.layers.reLU({maxValue: 6})."],
    elu: ["tf.elu has no alpha (fixed at 1); tf.layers.elu({alpha}) rejects alpha ≠ 1 in current TF.js."],
    prelu: ["tf.layers.prelu starts from alphaInitializer 'zeros' (weight 0, i.e. ReLU); torch's nn.PReLU starts at 0.25."],
    gelu: ["'gelu' is the exact erf form; 'gelu_new' the tanh approximation (torch's approximate='tanh')."],
    threshold: ["tf.layers.thresholdedReLU({theta=1}) is x for x > theta, else 0: torch threshold(theta, 0)."],
    softplus: ["No beta or threshold: log(1 + eˣ); torch's threshold=20 switch changes values by less than 2.1e-9."],
    silu: ["TF.js spells it 'swish'."],
    identity: ["TF.js calls it 'linear'."],
  },
  kinks: {
    relu6: [{ at: 6, value: 1, torch: 0 }],
  },
  variants: { "hard_sigmoid_0.2": HARD_SIGMOID_0_2 },
};
