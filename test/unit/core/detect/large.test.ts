/**
 * Documents over FULL_SCAN_MAX_CHARS: detectActivation scans a window around the offset plus the head, and
 * finds what a full scan finds there — the same call, the same span in document offsets, the dialect from
 * the imports at the top.
 */
import assert from "node:assert/strict";
import { detectActivation, findActivations, FULL_SCAN_MAX_CHARS } from "../../../../src/core/detect";

/** A Python document of about `chars` characters: `head`, then filler lines with `middle` about halfway. */
function bigDocument(head: string, middle: string, chars: number): { text: string; at: number } {
  const filler = "x = compute(a, b)  # filler line without activations\n";
  const half = Math.ceil(chars / 2 / filler.length);
  const before = filler.repeat(half);
  const text = `${head}\n${before}y = ${middle}\n${before}`;
  return { text, at: text.indexOf(middle) + 4 };
}

describe("detectActivation on documents over the full-scan limit (256 KiB)", () => {
  it("finds the call under the cursor with its span in document offsets (torch)", () => {
    const { text, at } = bigDocument("import torch.nn as nn", "nn.LeakyReLU(0.2)", 3 * FULL_SCAN_MAX_CHARS);
    assert.ok(text.length > FULL_SCAN_MAX_CHARS);
    const d = detectActivation(text, at, "python");
    assert.ok(d, "found");
    assert.equal(d.id, "leaky_relu");
    assert.deepEqual(d.params, { negative_slope: 0.2 });
    assert.equal(text.slice(d.start, d.end), "nn.LeakyReLU(0.2)");
    const full = findActivations(text, "python").find((f) => f.start <= at && at < f.end);
    assert.deepEqual(d, full, "the same as a full scan");
  });

  it("reads the dialect from the imports at the top (Keras: LeakyReLU's slope 0.3)", () => {
    const { text, at } = bigDocument("import keras\nfrom keras import layers", "layers.LeakyReLU()", 2 * FULL_SCAN_MAX_CHARS);
    const d = detectActivation(text, at, "python");
    assert.ok(d, "found");
    assert.equal(d.id, "leaky_relu");
    assert.equal(d.dialect, "keras3");
    assert.equal(d.params.negative_slope, 0.3);
    assert.equal(text.slice(d.start, d.end), "layers.LeakyReLU()");
  });

  it("finds every call a full scan finds in a docstring-heavy file (windows start at top-level lines)", () => {
    const func = (i: number) =>
      `def f${i}(x):\n    """Docstring line one for function ${i}.\n\n    More text here to fill the line.\n    """\n    return x + ${i}\n\n`;
    let text = "import torch\nimport torch.nn.functional as F\n\n";
    for (let i = 0; text.length <= FULL_SCAN_MAX_CHARS * 1.2; i++) {
      text += func(i) + (i % 97 === 0 ? `def g${i}(x):\n    N, T, F = x.shape\n    return x\n\ndef h${i}(x):\n    return F.leaky_relu(x, 0.2)\n\n` : "");
    }
    const all = findActivations(text, "python");
    assert.ok(all.length > 50, `${all.length} calls`);
    for (const d of all) {
      const w = detectActivation(text, d.start + 2, "python");
      assert.ok(w !== undefined && w.start === d.start && w.end === d.end && w.id === d.id, `call at ${d.start}: ${JSON.stringify(w)}`);
    }
  });

  it("cuts a minified one-line file around the offset (TF.js)", () => {
    const filler = "var a=f(b,c);".repeat(Math.ceil((2 * FULL_SCAN_MAX_CHARS) / 13));
    const text = `${filler}m.add(tf.layers.dense({units:4,activation:'relu'}));${filler}`;
    assert.equal(text.split("\n").length, 1);
    const at = text.indexOf("'relu'") + 2;
    const d = detectActivation(text, at, "javascript");
    assert.equal(d?.id, "relu");
    assert.equal(text.slice(d!.start, d!.end), "'relu'");
  });

  it("finds nothing between calls, and calls near the start and the end", () => {
    const { text } = bigDocument("import torch.nn.functional as F\nz = F.gelu(x, approximate='tanh')", "F.relu(x)", 2 * FULL_SCAN_MAX_CHARS);
    assert.equal(detectActivation(text, Math.floor(text.length * 0.3), "python"), undefined);
    const g = detectActivation(text, text.indexOf("F.gelu") + 2, "python");
    assert.equal(g?.params.approximate, "tanh");
    const tail = `${text}w = F.silu(v)\n`;
    const s = detectActivation(tail, tail.lastIndexOf("F.silu") + 2, "python");
    assert.equal(s?.id, "silu");
    assert.equal(tail.slice(s!.start, s!.end), "F.silu(v)");
  });
});
