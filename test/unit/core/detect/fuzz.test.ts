/**
 * Robustness: random text (arbitrary Unicode, and code-like soups of the tokens that matter: quotes, comment markers,
 * brackets, interpolations, activation names) must never throw, and every span must lie inside the text. Pathological
 * shapes that would be quadratic in a naive scanner (deep nesting, unclosed brackets, repeated failing regexes) must
 * finish; mocha's timeout guards that (no timings are asserted here — see bench/ for speed).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { detectActivation, findActivations } from "../../../../src/core/detect";

const LANGUAGE_IDS = ["python", "typescript", "julia"] as const;

function checkSpans(text: string, languageId: string): void {
  const found = findActivations(text, languageId);
  let previous = -1;
  for (const d of found) {
    assert.ok(d.start >= 0 && d.start < d.end && d.end <= text.length, `bad span ${d.start}..${d.end} of ${text.length}`);
    assert.ok(d.start >= previous, "sorted by start");
    previous = d.start;
    for (const [k, v] of Object.entries(d.params)) {
      assert.ok(typeof v === "number" || typeof v === "string" || typeof v === "boolean", `${k}: ${String(v)}`);
    }
  }
}

/**
 * Arbitrary UTF-16 text: ASCII and any other code unit (lone surrogates included). Built from code units because
 * fast-check's full-Unicode string generator is slow enough to dominate the test.
 */
const anyText = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff })), { maxLength: 400 })
  .map((units) => String.fromCharCode(...units));

const FRAGMENTS = [
  "nn.ReLU(", "F.gelu(", "tf.relu(", "tf.layers.leakyReLU({", "relu", "σ", "leakyrelu(", "x.relu()", "layers.Activation(",
  "partial(", "activation=", "activation:", "(", ")", "[", "]", "{", "}", ",", ";", ":", "=", ".", "..."," ", "\n", "\t",
  "'", '"', "'''", '"""', "`", "${", "$(", "$", "#", "#=", "=#", "//", "/*", "*/", "/", "\\", "r\"", "f'", "raw\"",
  "0.2", "-1e-3", "1//8", "True", "nothing", "x", "*", "**", "import torch.nn as nn\n", "from flax import linen as nn\n",
  "using Flux\n", "import * as tf from '@tensorflow/tfjs';\n", "from tensorflow.keras import layers\n", "def ", "nn = ",
];

describe("detect: fuzz", () => {
  for (const languageId of LANGUAGE_IDS) {
    it(`${languageId}: arbitrary UTF-16 text never throws; spans stay inside the text`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          checkSpans(text, languageId);
        }),
        { numRuns: 300 },
      );
    });

    it(`${languageId}: code-like token soups never throw; detectActivation returns a containing span`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), fc.nat(), (parts, seed) => {
          const text = parts.join("");
          checkSpans(text, languageId);
          const offset = text.length === 0 ? 0 : seed % text.length;
          const d = detectActivation(text, offset, languageId);
          if (d !== undefined) {
            assert.ok(d.start <= offset && offset < d.end);
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe("detect: pathological inputs finish", () => {
  const N = 20000;
  const cases: [string, string, string][] = [
    ["deeply nested calls", "python", "import torch.nn.functional as F\n" + "F.relu(".repeat(N) + "x" + ")".repeat(N)],
    ["unclosed calls", "python", "import torch.nn.functional as F\n" + "F.relu(".repeat(N)],
    ["deep parentheses in an argument", "python", "import torch.nn as nn\nnn.ELU(" + "(".repeat(N) + "1" + ")".repeat(N) + ")"],
    ["long unary chains", "python", "import torch.nn as nn\nnn.ELU(" + "-".repeat(N) + "1)"],
    ["many rebindings", "python", "import torch\n" + "x = torch.relu(x)\n".repeat(N / 4)],
    ["many keyword strings in one call", "python", "import keras\nm = a.b.c.d.e.f(" + "activation='relu', ".repeat(N / 4) + ")"],
    ["failing regexes on one line", "javascript", "(/[".repeat(N)],
    ["unclosed templates", "typescript", "`${".repeat(N)],
    ["nested templates", "typescript", "`${`".repeat(N) + "x" + "}`".repeat(N)],
    ["nested interpolations", "julia", '"$('.repeat(N) + "relu(x)" + ')"'.repeat(N)],
    ["nested block comments", "julia", "#=".repeat(N) + "relu" + "=#".repeat(N) + "\nrelu"],
    ["unterminated triple string", "python", 'x = """' + "nn.ReLU()\n".repeat(N / 10)],
    ["one huge identifier", "python", "import torch\n" + "a".repeat(N * 10) + " = torch.relu(x)"],
  ];
  for (const [name, languageId, text] of cases) {
    it(name, () => {
      checkSpans(text, languageId);
    });
  }

  it("finds every call in a deep nest", () => {
    const text = "import torch.nn.functional as F\n" + "F.relu(".repeat(500) + "x" + ")".repeat(500);
    assert.equal(findActivations(text, "python").length, 500);
    const inner = text.lastIndexOf("F.relu(");
    assert.equal(detectActivation(text, inner, "python")?.start, inner);
  });
});
