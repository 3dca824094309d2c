/**
 * PyTorch's parameters and defaults per canonical id (torch.nn.functional / nn module names), as the dialect table
 * needs them to fill in what a framework leaves implicit. Mirrors the activation registry's specs; a unit test keeps
 * the two in step. `undefined` = PyTorch has no default (`threshold`'s two arguments). `F.prelu`'s weight default is
 * `nn.PReLU(init=0.25)`'s. Not listed: the registry's `dim` (only −1 is drawn) and `rows` (a layout, not a PyTorch
 * argument) of softmax / log_softmax / glu — the detector reads `dim=` but does not emit it.
 */
import type { ParamValue } from "../types";

export const TORCH_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamValue | undefined>>>> = {
  relu: {},
  relu6: {},
  leaky_relu: { negative_slope: 0.01 },
  prelu: { weight: 0.25 },
  rrelu: { lower: 1 / 8, upper: 1 / 3, training: false },
  elu: { alpha: 1 },
  selu: {},
  celu: { alpha: 1 },
  gelu: { approximate: "none" },
  silu: {},
  mish: {},
  softplus: { beta: 1, threshold: 20 },
  softsign: {},
  sigmoid: {},
  tanh: {},
  hardtanh: { min_val: -1, max_val: 1 },
  hardsigmoid: {},
  hardswish: {},
  logsigmoid: {},
  tanhshrink: {},
  softshrink: { lambd: 0.5 },
  hardshrink: { lambd: 0.5 },
  threshold: { threshold: undefined, value: undefined },
  identity: {},
  softmax: {},
  log_softmax: {},
  glu: {},
};

/** Canonical ids the dialect table knows (PyTorch functional names). */
export const CANONICAL_IDS: readonly string[] = Object.keys(TORCH_PARAMS);
