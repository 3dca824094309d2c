/**
 * Flux / NNlib (Julia; Lux uses the same NNlib functions). Activations are plain functions, passed to layers by
 * reference (`Dense(10 => 5, relu)`) or called with positional parameters (`leakyrelu(x, 0.2)`). Source:
 * NNlib.jl src/activations.jl (current: gelu = gelu_tanh, hardσ = relu6(x+3)/6).
 */
import { arg, formsOf, ignored, input } from "./build";
import type { DialectTable } from "./types";

const { fn } = formsOf("flux");
const M = ["NNlib"];
const x = input("x");

export const FLUX: DialectTable = {
  dialect: "flux",
  label: "Flux / NNlib",
  forms: [
    fn("relu", "relu", M, [x]),
    fn("relu6", "relu6", M, [x]),
    fn("leaky_relu", "leakyrelu", M, [x, arg("a", "negative_slope")]),
    fn("rrelu", "rrelu", M, [x, arg("l", "lower"), arg("u", "upper")], { variant: "rrelu_random" }),
    fn("elu", "elu", M, [x, arg("α", "alpha")]),
    fn("selu", "selu", M, [x]),
    fn("celu", "celu", M, [x, arg("α", "alpha")]),
    fn("gelu", ["gelu", "gelu_tanh"], M, [x], { defaults: { approximate: "tanh" } }),
    fn("gelu", "gelu_erf", M, [x]),
    fn("silu", "swish", M, [x]),
    fn("hardswish", "hardswish", M, [x]),
    fn("sigmoid", ["σ", "sigmoid", "sigmoid_fast"], M, [x]),
    fn("hardsigmoid", ["hardσ", "hardsigmoid"], M, [x]),
    fn("tanh", ["tanh", "tanh_fast"], ["NNlib", "Base"], [x]),
    fn("hardtanh", "hardtanh", M, [x]),
    fn("logsigmoid", ["logσ", "logsigmoid"], M, [x]),
    fn("softplus", "softplus", M, [x]),
    fn("softsign", "softsign", M, [x]),
    fn("mish", "mish", M, [x]),
    fn("tanhshrink", "tanhshrink", M, [x]),
    fn("softshrink", "softshrink", M, [x, arg("λ", "lambd")]),
    fn("threshold", ["trelu", "thresholdrelu"], M, [x, arg("theta", "threshold")], { defaults: { threshold: 1, value: 0 } }),
    fn("identity", "identity", ["NNlib", "Base"], [x]),
    fn("softmax", "softmax", M, [x, ignored("dims", { keywordOnly: true })]),
    fn("log_softmax", "logsoftmax", M, [x, ignored("dims", { keywordOnly: true })]),
  ],
  notes: {
    gelu: ["NNlib's gelu is the tanh approximation (gelu_tanh, torch's approximate='tanh'); gelu_erf is the exact form (needs SpecialFunctions)."],
    leaky_relu: ["leakyrelu(x, a=0.01): same default as torch."],
    elu: ["NNlib's elu gradient at 0 is 1 (it tests the output Ω ≥ 0); torch's is alpha. They agree for alpha = 1."],
    rrelu: ["NNlib's rrelu always samples a random slope in [l, u] per call (torch's F.rrelu, with training=False, uses the mean (l+u)/2)."],
    hardsigmoid: ["Current NNlib: hardσ(x) = clamp((x+3)/6, 0, 1), as torch. Old NNlib (hardσ(x, a=0.2)) used 0.2x + 0.5."],
    threshold: ["trelu(x, theta=1) (alias thresholdrelu) is x for x > theta, else 0: torch threshold(theta, 0)."],
    softmax: ["softmax(x; dims=1) works along the first (column-major) dimension by default."],
    softplus: ["No beta or threshold: log(1 + eˣ); torch's threshold=20 switch changes values by less than 2.1e-9."],
    sigmoid: ["σ is the same function as sigmoid (sigmoid_fast: a faster, slightly less accurate version)."],
    hardswish: ["NNlib's deriv_hardswish is x/3 + 1/2 on the closed [−3, 3]: −0.5 at −3 and 1.5 at 3, where torch gives 0 and 1."],
  },
  kinks: {
    elu: [{ at: 0, value: 1, torch: "alpha" }],
    hardswish: [
      { at: -3, value: -0.5, torch: 0 },
      { at: 3, value: 1.5, torch: 1 },
    ],
  },
  variants: {
    rrelu_random: {
      id: "rrelu",
      formula: "x if x ≥ 0 else a·x, a ~ U(l, u) drawn per element and call",
      relation: "random; torch's deterministic rrelu (training=False) is its mean, leaky_relu((l+u)/2)",
    },
  },
};
