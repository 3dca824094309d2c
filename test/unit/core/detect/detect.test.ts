import assert from "node:assert/strict";
import { detectActivation, findActivations, languageFamily } from "../../../../src/core/detect";
import type { DetectedActivation } from "../../../../src/core/detect";

/** Compact view of what was found: `text → id dialect params [unresolved]`. */
function found(text: string, languageId: string): string[] {
  return findActivations(text, languageId).map((d) => {
    const extra = d.unresolved.length > 0 ? ` ?${d.unresolved.join(",")}` : "";
    return `${text.slice(d.start, d.end)} → ${d.id} ${d.dialect} ${JSON.stringify(d.params)}${extra}`;
  });
}

const TORCH = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n";

describe("detect: imports decide what names mean", () => {
  const rows: [string, string, string, string[]][] = [
    ["from torch import nn", "python", "from torch import nn\nm = nn.ReLU()", ['nn.ReLU() → relu torch {}']],
    ["import flax.linen as nn", "python", "import flax.linen as nn\ny = nn.gelu(x, approximate=False)", ['nn.gelu(x, approximate=False) → gelu flax {"approximate":"none"}']],
    ["from flax import linen as nn, default gelu", "python", "from flax import linen as nn\ny = nn.gelu(x)", ['nn.gelu(x) → gelu flax {"approximate":"tanh"}']],
    ["from torch.nn import LeakyReLU", "python", "from torch.nn import LeakyReLU, Conv2d\na = LeakyReLU(0.1)", ['LeakyReLU(0.1) → leaky_relu torch {"negative_slope":0.1}']],
    ["from torch.nn import *", "python", "from torch.nn import *\na = ReLU6()", ["ReLU6() → relu6 torch {}"]],
    ["from torch.nn.functional import relu", "python", "from torch.nn.functional import relu as r\ny = r(x)", ["r(x) → relu torch {}"]],
    ["from keras.layers import LeakyReLU", "python", "from keras.layers import LeakyReLU\na = LeakyReLU()", ['LeakyReLU() → leaky_relu keras3 {"negative_slope":0.3}']],
    ["from tensorflow.keras.layers import ...", "python", "from tensorflow.keras.layers import Dense, LeakyReLU\na = LeakyReLU()\nb = Dense(3, activation='relu')", [
      'LeakyReLU() → leaky_relu keras2 {"negative_slope":0.3}',
      "'relu' → relu keras2 {}",
    ]],
    ["import tf_keras as keras", "python", "import tf_keras as keras\na = keras.layers.LeakyReLU(alpha=0.1)", ['keras.layers.LeakyReLU(alpha=0.1) → leaky_relu keras2 {"negative_slope":0.1}']],
    ["tf.compat.v1.nn", "python", "import tensorflow as tf\ny = tf.compat.v1.nn.leaky_relu(x)", ['tf.compat.v1.nn.leaky_relu(x) → leaky_relu tf {"negative_slope":0.2}']],
    ["import jax.nn as jnn", "python", "import jax.nn as jnn\ny = jnn.leaky_relu(x)", ['jnn.leaky_relu(x) → leaky_relu jax {"negative_slope":0.01}']],
    ["JS named imports", "javascript", "import { relu, layers as L } from '@tensorflow/tfjs';\nconst y = relu(x); const l = L.leakyReLU();", [
      "relu(x) → relu tfjs {}",
      'L.leakyReLU() → leaky_relu tfjs {"negative_slope":0.3}',
    ]],
    ["JS require", "javascript", "const tf = require('@tensorflow/tfjs-node');\nconst y = tf.relu6(x);", ["tf.relu6(x) → relu6 tfjs {}"]],
    ["JS destructured require", "javascript", "const { leakyRelu } = require('@tensorflow/tfjs-core');\nconst y = leakyRelu(x, 0.1);", ['leakyRelu(x, 0.1) → leaky_relu tfjs {"negative_slope":0.1}']],
    ["JS tf from another package", "javascript", "import * as tf from './my-tensors';\nconst y = tf.relu(x);", []],
    ["Julia import Flux (qualified only)", "julia", "import Flux\na = Flux.relu\nb = relu", ["Flux.relu → relu flux {}"]],
    ["Julia using Flux: names", "julia", "using Flux: Dense, relu\nm = Dense(2 => 3, relu)\ng = gelu", ["relu → relu flux {}"]],
    ["Julia NNlib qualified", "julia", "using NNlib\ny = NNlib.leakyrelu(x, 0.1)", ['NNlib.leakyrelu(x, 0.1) → leaky_relu flux {"negative_slope":0.1}']],
    ["Julia unrelated package", "julia", "using LinearAlgebra\ny = tanh(x) + relu(x)", []],
    ["Julia references by position", "julia", "using Flux\nact = relu\ny = x |> gelu\nw = (relu ∘ tanh)(x)\nv = σ * x + 2σ", [
      "relu → relu flux {}",
      'gelu → gelu flux {"approximate":"tanh"}',
      "relu → relu flux {}",
      "tanh → tanh flux {}",
    ]],
  ];
  for (const [name, lang, text, expected] of rows) {
    it(name, () => {
      assert.deepEqual(found(text, lang), expected);
    });
  }

  it("an `nn` rebound to another object stops being torch.nn from that point on", () => {
    const text = "import torch.nn as nn\na = nn.ReLU()\nfrom sklearn.neighbors import NearestNeighbors\nnn = NearestNeighbors()\nb = nn.ReLU()";
    assert.deepEqual(found(text, "python"), ["nn.ReLU() → relu torch {}"]);
  });

  it("a call still being typed (no closing parenthesis) has unresolved parameters, not the defaults", () => {
    const [d] = findActivations(`${TORCH}act = nn.LeakyReLU(0.1`, "python");
    assert.equal(d.id, "leaky_relu");
    assert.deepEqual(d.params, {});
    assert.deepEqual(d.unresolved, ["negative_slope"]);
    const [closed] = findActivations(`${TORCH}act = nn.LeakyReLU(0.1)`, "python");
    assert.deepEqual(closed.params, { negative_slope: 0.1 });
  });

  it("a name rebound inside a function is local to it (Python scopes of def bodies)", () => {
    const text =
      "import torch.nn.functional as F\ndef g(x):\n    N, T, F = x.shape\n    return F.relu(x)\n\n" +
      "def h(x):\n    return F.relu(x)\n\nclass M:\n    def forward(self, x):\n        import flax.linen as F\n" +
      "        return F.gelu(x)\n    def other(self, x):\n        return F.gelu(x)\n";
    const found = findActivations(text, "python").map((d) => `${text.slice(0, d.start).split("\n").length}: ${d.id} ${d.dialect}`);
    assert.deepEqual(found, ["7: relu torch", "12: gelu flax", "14: gelu torch"]);
  });

  it("a local def shadows an imported name", () => {
    const text = "from torch.nn.functional import relu\na = relu(x)\ndef relu(x):\n    return x\nb = relu(x)";
    assert.deepEqual(found(text, "python"), ["relu(x) → relu torch {}"]);
  });

  it("documents without imports (notebook cells) use conventional aliases", () => {
    assert.deepEqual(found("y = F.relu(x) + torch.sigmoid(x)", "python"), ["F.relu(x) → relu torch {}", "torch.sigmoid(x) → sigmoid torch {}"]);
    assert.deepEqual(found("m = nn.LeakyReLU()", "python"), ['nn.LeakyReLU() → leaky_relu torch {"negative_slope":0.01}']);
    assert.deepEqual(found("class M(nn.Module):\n  @nn.compact\n  def __call__(self, x):\n    return nn.relu(x)", "python"), ["nn.relu(x) → relu flax {}"]);
    assert.deepEqual(found("m = Dense(2 => 3, relu)", "julia"), ["relu → relu flux {}"]);
    assert.deepEqual(found("const y = tf.tanh(x);", "javascript"), ["tf.tanh(x) → tanh tfjs {}"]);
  });

  it("a document with imports does not fall back to conventional aliases", () => {
    assert.deepEqual(found("import numpy as np\ny = F.relu(x)", "python"), []);
  });
});

describe("detect: activation strings", () => {
  const rows: [string, string, string[]][] = [
    [TORCH + 'b = MyBlock(activation="silu")', "python", ["\"silu\" → silu torch {}"]],
    [TORCH + 'c = Config(hidden_act="gelu_new")', "python", ['"gelu_new" → gelu torch {"approximate":"tanh"}']],
    [TORCH + 'b = Stem(act_layer="hard_swish")', "python", ['"hard_swish" → hardswish torch {}']],
    ["import keras\nb = MyBlock(activation='leaky_relu')", "python", ["'leaky_relu' → leaky_relu keras3 {\"negative_slope\":0.2}"]],
    ["import keras\nb = Dense(4, activation=act)", "python", []],
    ["import keras\nb = Dense(4, activation='logistic')", "python", []],
    ["import keras\nb = Dense(4, activation='relu' if a else 'tanh')", "python", []],
    ["import keras\nb = Dense(4, kernel_initializer='relu')", "python", []],
    ["from tensorflow import keras\nm = keras.layers.Dense(4, activation='relu6')", "python", ["'relu6' → relu6 keras3 {}"]],
    ["import keras\nm = keras.layers.Activation(activation='tanh')", "python", ["keras.layers.Activation(activation='tanh') → tanh keras3 {}"]],
    ["const l = tf.layers.lstm({units: 4, recurrentActivation: 'hardSigmoid'});", "javascript", ["'hardSigmoid' → hardsigmoid tfjs {}"]],
    ["const l = tf.layers.dense({units: 4, 'activation': 'gelu_new'});", "javascript", ['\'gelu_new\' → gelu tfjs {"approximate":"tanh"}']],
    ["const cfg = {activation: `relu`};", "javascript", ["`relu` → relu tfjs {}"]],
    ["const cfg = {activation: `${name}`};", "javascript", []],
  ];
  for (const [text, lang, expected] of rows) {
    it(text.split("\n").pop() as string, () => {
      assert.deepEqual(found(text, lang), expected);
    });
  }

  it("Keras 2 hard_sigmoid carries the 0.2x + 0.5 variant; Keras 3's does not", () => {
    const k2 = findActivations("from tensorflow.keras import layers\nl = layers.Dense(2, activation='hard_sigmoid')", "python");
    const k3 = findActivations("from keras import layers\nl = layers.Dense(2, activation='hard_sigmoid')", "python");
    assert.equal(k2[0]?.variant, "hard_sigmoid_0.2");
    assert.equal(k3[0]?.id, "hardsigmoid");
    assert.equal(k3[0]?.variant, undefined);
  });
});

describe("detect: literal arguments", () => {
  const rows: [string, string, string[]][] = [
    [TORCH + "a = nn.RReLU(1/8, 1/3)", "python", ['nn.RReLU(1/8, 1/3) → rrelu torch {"lower":0.125,"upper":0.3333333333333333,"training":false}']],
    [TORCH + "a = nn.LeakyReLU(negative_slope=-1e-2)", "python", ['nn.LeakyReLU(negative_slope=-1e-2) → leaky_relu torch {"negative_slope":-0.01}']],
    [TORCH + "a = nn.Hardtanh(min_val=-2.5, max_val=+2_5.0)", "python", ['nn.Hardtanh(min_val=-2.5, max_val=+2_5.0) → hardtanh torch {"min_val":-2.5,"max_val":25}']],
    [TORCH + "a = nn.ELU((0.5))", "python", ['nn.ELU((0.5)) → elu torch {"alpha":0.5}']],
    [TORCH + "a = nn.Hardtanh(min_value=-3)", "python", ['nn.Hardtanh(min_value=-3) → hardtanh torch {"min_val":-3,"max_val":1}']],
    [TORCH + "a = nn.GELU(approximate=mode)", "python", ["nn.GELU(approximate=mode) → gelu torch {} ?approximate"]],
    [TORCH + 'a = F.gelu(x, approximate=f"tanh")', "python", ['F.gelu(x, approximate=f"tanh") → gelu torch {} ?approximate']],
    [TORCH + "a = F.gelu(x, approximate=True)", "python", ['F.gelu(x, approximate=True) → gelu torch {"approximate":"tanh"}']],
    [TORCH + "a = nn.LeakyReLU(*args)", "python", ["nn.LeakyReLU(*args) → leaky_relu torch {} ?negative_slope"]],
    [TORCH + "a = F.rrelu(x, training=True)", "python", ['F.rrelu(x, training=True) → rrelu torch {"lower":0.125,"upper":0.3333333333333333} ?training']],
    [TORCH + "a = F.prelu(x, self.weight)", "python", ["F.prelu(x, self.weight) → prelu torch {} ?weight"]],
    [TORCH + "a = F.threshold(x, 0.5, -1.0)", "python", ['F.threshold(x, 0.5, -1.0) → threshold torch {"threshold":0.5,"value":-1}']],
    [TORCH + "a = x.hardshrink(0.3)", "python", ['x.hardshrink(0.3) → hardshrink torch {"lambd":0.3}']],
    ["import tensorflow as tf\na = tf.nn.silu(x, beta=2.0)", "python", ["tf.nn.silu(x, beta=2.0) → silu tf {} ?beta"]],
    ["import tensorflow as tf\na = tf.nn.silu(x, beta=1.0)", "python", ["tf.nn.silu(x, beta=1.0) → silu tf {}"]],
    ["import keras\na = keras.layers.ReLU(negative_slope=0.1, max_value=6)", "python", ["keras.layers.ReLU(negative_slope=0.1, max_value=6) → relu keras3 {} ?negative_slope,max_value"]],
    ["import keras\na = keras.layers.ReLU(threshold=0.5)", "python", ['keras.layers.ReLU(threshold=0.5) → threshold keras3 {"threshold":0.5,"value":0}']],
    ["import keras\na = keras.layers.ReLU(6.0)", "python", ["keras.layers.ReLU(6.0) → relu6 keras3 {}"]],
    ["import keras\na = keras.layers.ReLU(max_value=cap)", "python", ["keras.layers.ReLU(max_value=cap) → relu keras3 {} ?max_value"]],
    ["import keras\na = keras.layers.PReLU(alpha_initializer='ones')", "python", ['keras.layers.PReLU(alpha_initializer=\'ones\') → prelu keras3 {"weight":1}']],
    ["import keras\na = keras.activations.relu(x, negative_slope=0.2)", "python", ['keras.activations.relu(x, negative_slope=0.2) → leaky_relu keras3 {"negative_slope":0.2}']],
    ["import tensorflow as tf\na = tf.keras.layers.ThresholdedReLU(theta=2.0)", "python", ['tf.keras.layers.ThresholdedReLU(theta=2.0) → threshold keras2 {"threshold":2,"value":0}']],
    ["const a = tf.layers.reLU({maxValue: 6});", "javascript", ["tf.layers.reLU({maxValue: 6}) → relu6 tfjs {}"]],
    ["const a = tf.layers.leakyReLU({alpha});", "javascript", ["tf.layers.leakyReLU({alpha}) → leaky_relu tfjs {} ?negative_slope"]],
    ["const a = tf.layers.leakyReLU({...cfg});", "javascript", ["tf.layers.leakyReLU({...cfg}) → leaky_relu tfjs {} ?negative_slope"]],
    ["const a = tf.layers.elu({'alpha': 1e-1});", "javascript", ['tf.layers.elu({\'alpha\': 1e-1}) → elu tfjs {"alpha":0.1}']],
    ["using Flux\na = leakyrelu(x, 1//5)", "julia", ['leakyrelu(x, 1//5) → leaky_relu flux {"negative_slope":0.2}']],
    ["using Flux\na = leakyrelu(x, 0.2f0)", "julia", ['leakyrelu(x, 0.2f0) → leaky_relu flux {"negative_slope":0.2}']],
    ["using Flux\na = trelu(x, 2)", "julia", ['trelu(x, 2) → threshold flux {"threshold":2,"value":0}']],
    ["using Flux\na = softmax(x; dims=2)", "julia", ["softmax(x; dims=2) → softmax flux {}"]],
    ["using Flux\na = celu(x, α)", "julia", ["celu(x, α) → celu flux {} ?alpha"]],
  ];
  for (const [text, lang, expected] of rows) {
    it(text.split("\n").pop() as string, () => {
      assert.deepEqual(found(text, lang), expected);
    });
  }

  it("explicit lists the literal parameters; the rest are dialect defaults", () => {
    const [d] = findActivations(TORCH + "a = nn.Softplus(beta=2)", "python");
    assert.deepEqual(d.explicit, ["beta"]);
    assert.deepEqual(d.params, { beta: 2, threshold: 20 });
  });
});

describe("detect: not activations", () => {
  const rows: [string, string][] = [
    [TORCH + "y = self.relu(x)", "python"],
    [TORCH + "m = x.relu", "python"],
    [TORCH + "y = self.act.relu(x)", "python"],
    [TORCH + "y = np.tanh(x)\nimport numpy as np", "python"],
    [TORCH + "relu_count = 3\nmy_relu_helper(x)", "python"],
    [TORCH + "s = f'{F.relu(x)}'", "python"],
    [TORCH + "s = '''nn.ReLU()'''", "python"],
    [TORCH + "# nn.ReLU()", "python"],
    [TORCH + "F.relu = my_relu", "python"],
    [TORCH + "call(relu=True)", "python"],
    ["import * as tf from '@tensorflow/tfjs';\nconst o = {relu: 1, sigmoid: tf};", "javascript"],
    ["import * as tf from '@tensorflow/tfjs';\nconst y = this.relu();", "javascript"],
    ["import * as tf from '@tensorflow/tfjs';\nconst r = /tf.relu(x)/g;", "typescript"],
    ["using Flux\nrelu(x) = max(x, 0)", "julia"],
    ["using Flux\nf(; relu = 1) = 2", "julia"],
    ["using Flux\ns = :σ", "julia"],
    ["using Flux\nfunction relu(x)\n  x\nend", "julia"],
  ];
  for (const [text, lang] of rows) {
    it(text.split("\n").slice(-1)[0], () => {
      assert.deepEqual(found(text, lang), []);
    });
  }

  it("a regex literal does not hide what follows it, and division is not a regex", () => {
    assert.deepEqual(found("import * as tf from '@tensorflow/tfjs';\nconst r = /a'b/; const y = tf.relu(x);", "javascript"), ["tf.relu(x) → relu tfjs {}"]);
    assert.deepEqual(found("import * as tf from '@tensorflow/tfjs';\nconst d = a / 2; const y = tf.elu(x) / b;", "javascript"), ['tf.elu(x) → elu tfjs {"alpha":1}']);
  });

  it("unsupported languages find nothing", () => {
    assert.deepEqual(findActivations("nn.ReLU()", "rust"), []);
    assert.equal(detectActivation("nn.ReLU()", 1, "plaintext"), undefined);
    assert.equal(languageFamily("toString"), undefined);
  });
});

describe("detect: detectActivation at an offset", () => {
  const text = TORCH + 'y = F.gelu(F.relu(x), approximate="tanh")  # F.elu(x)\n';
  const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
  const idAt = (offset: number): string | undefined => detectActivation(text, offset, "python")?.id;

  it("returns the call when the offset is on its name or its arguments", () => {
    assert.equal(idAt(at("F.gelu")), "gelu");
    assert.equal(idAt(at("gelu")), "gelu");
    assert.equal(idAt(at("approximate")), "gelu");
    assert.equal(idAt(at('"tanh"', 2)), "gelu");
    assert.equal(idAt(at('"tanh")') + 6), "gelu"); // the closing parenthesis
  });

  it("returns the innermost call", () => {
    assert.equal(idAt(at("F.relu")), "relu");
    assert.equal(idAt(at("(x)", 1)), "relu");
    assert.equal(idAt(at("), approximate")), "relu");
    assert.equal(idAt(at("), approximate") + 1), "gelu");
  });

  it("returns undefined outside any span (end is exclusive) and in comments", () => {
    assert.equal(idAt(at("y = F") + 2), undefined);
    assert.equal(idAt(at('"tanh")') + 7), undefined);
    assert.equal(idAt(at("F.elu")), undefined);
    assert.equal(idAt(-1), undefined);
    assert.equal(idAt(text.length + 10), undefined);
  });

  it("on an activation string, returns the string's activation", () => {
    const src = "from keras import layers\nl = layers.Dense(64, activation='relu')";
    const d = detectActivation(src, src.indexOf("relu'"), "python") as DetectedActivation;
    assert.equal(d.id, "relu");
    assert.equal(src.slice(d.start, d.end), "'relu'");
    assert.equal(detectActivation(src, src.indexOf("Dense"), "python"), undefined);
  });

  it("repeated calls on the same text agree (memoised) and results are copies", () => {
    const a = findActivations(text, "python");
    a.pop();
    assert.equal(findActivations(text, "python").length, 2);
    assert.deepEqual(findActivations(text, "python"), findActivations(text.slice(0), "python"));
  });
});
