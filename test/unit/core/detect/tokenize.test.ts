import assert from "node:assert/strict";
import { readLiteral, numberValue } from "../../../../src/core/detect/literals";
import type { Language } from "../../../../src/core/detect/literals";
import { tokenizeJs } from "../../../../src/core/detect/tokenize-js";
import { tokenizeJulia } from "../../../../src/core/detect/tokenize-julia";
import { tokenizePython } from "../../../../src/core/detect/tokenize-python";
import { buildStream } from "../../../../src/core/detect/tokens";
import type { Token } from "../../../../src/core/detect/tokens";

const kinds = (tokens: Token[]) => tokens.map((t) => `${t.kind}:${t.text}`);
const strings = (tokens: Token[]) => tokens.filter((t) => t.kind === "string").map((t) => [t.text, t.value]);

describe("tokenize: Python", () => {
  it("skips comments and keeps every string form as one token", () => {
    const src = `a = 'x' # F.relu(x)\nb = "y"\nc = '''t\n'u'\n''' + """d"""\nr = r'\\d' + b'z' + f'{x}' + Rb"q" + u"w"`;
    assert.deepEqual(strings(tokenizePython(src)), [
      ["'x'", "x"],
      ['"y"', "y"],
      ["'''t\n'u'\n'''", "t\n'u'\n"],
      ['"""d"""', "d"],
      ["r'\\d'", "\\d"],
      ["b'z'", undefined],
      ["f'{x}'", undefined],
      ['Rb"q"', undefined],
      ['u"w"', "w"],
    ]);
    assert.ok(!tokenizePython(src).some((t) => t.text === "F"));
  });

  it("decodes escapes, ends an unterminated string at its line", () => {
    assert.deepEqual(strings(tokenizePython("'a\\'b\\n'")), [["'a\\'b\\n'", "a'b\n"]]);
    const t = tokenizePython("s = 'open\nnn.ReLU()");
    assert.deepEqual(strings(t), [["'open", "open"]]);
    assert.ok(t.some((x) => x.text === "ReLU"));
  });

  it("reads numbers and operators", () => {
    assert.deepEqual(kinds(tokenizePython("x=-1e-3+.5**2//3 != 0x1F_0 2j 1_000.")), [
      "name:x",
      "punct:=",
      "punct:-",
      "number:1e-3",
      "punct:+",
      "number:.5",
      "punct:**",
      "number:2",
      "punct://",
      "number:3",
      "punct:!=",
      "number:0x1F_0",
      "number:2j",
      "number:1_000.",
    ]);
  });

  it("handles line continuations and Unicode names", () => {
    assert.deepEqual(kinds(tokenizePython("a = \\\n  β")), ["name:a", "punct:=", "name:β"]);
  });
});

describe("tokenize: JavaScript / TypeScript", () => {
  it("keeps template literals (nested) as one token; plain ones have a value", () => {
    const src = "const a = `x ${ `y ${z}` } }`; const b = `plain`; tf.relu(x)";
    const t = tokenizeJs(src);
    assert.deepEqual(strings(t), [
      ["`x ${ `y ${z}` } }`", undefined],
      ["`plain`", "plain"],
    ]);
    assert.ok(t.some((x) => x.text === "relu"));
  });

  it("tells regular expressions from division", () => {
    assert.deepEqual(strings(tokenizeJs("x = /a'[/]b/gi; y = a / b / c;")), [["/a'[/]b/gi", undefined]]);
    assert.deepEqual(strings(tokenizeJs("return /re/.test(s)")), [["/re/", undefined]]);
  });

  it("skips comments; an unterminated string ends at its line", () => {
    const t = tokenizeJs("// tf.relu\n/* tf.elu */ a = 'b\nc");
    assert.deepEqual(kinds(t), ["name:a", "punct:=", "string:'b", "name:c"]);
  });

  it("matches brackets, leaving mismatches unmatched", () => {
    // 0 f, 1 (, 2 a, 3 [, 4 0, 5 ], 6 ",", 7 {, 8 b, 9 :, 10 (, 11 c, 12 ), 13 }, 14 ), 15 ], 16 (
    const s = buildStream(tokenizeJs("f(a[0], {b: (c)}) ] ("));
    assert.equal(s.tokens.length, 17);
    assert.deepEqual([s.match[1], s.match[3], s.match[7], s.match[10]], [14, 5, 13, 12]);
    assert.deepEqual([s.match[14], s.match[5]], [1, 3]);
    assert.deepEqual([s.match[15], s.match[16], s.match[0]], [-1, -1, -1]);
    assert.deepEqual([s.parent[8], s.parent[11], s.parent[0], s.parent[15]], [7, 10, -1, -1]);
  });
});

describe("tokenize: Julia", () => {
  it("keeps interpolated strings (with nested strings) as one token", () => {
    const t = tokenizeJulia('s = "a $(f("b)")) c" * "plain" * raw"\\d$x"');
    assert.deepEqual(strings(t), [
      ['"a $(f("b)")) c"', undefined],
      ['"plain"', "plain"],
      ['"\\d$x"', undefined],
    ]);
  });

  it("tells characters from adjoints", () => {
    assert.deepEqual(kinds(tokenizeJulia("c = 'σ'; t = x' * y'")), [
      "name:c",
      "punct:=",
      "string:'σ'",
      "punct:;",
      "name:t",
      "punct:=",
      "name:x",
      "punct:'",
      "punct:*",
      "name:y",
      "punct:'",
    ]);
  });

  it("skips nested block comments and reads Julia names and numbers", () => {
    assert.deepEqual(kinds(tokenizeJulia("#= a #= b =# relu =# hardσ(x, 1f-2) push!(v) a!=b σ′")), [
      "name:hardσ",
      "punct:(",
      "name:x",
      "punct:,",
      "number:1f-2",
      "punct:)",
      "name:push!",
      "punct:(",
      "name:v",
      "punct:)",
      "name:a",
      "punct:!=",
      "name:b",
      "name:σ′",
    ]);
  });

  it("reads triple-quoted strings and commands", () => {
    assert.deepEqual(strings(tokenizeJulia('"""a "b" c""" `ls $(dir)`')), [
      ['"""a "b" c"""', 'a "b" c'],
      ["`ls $(dir)`", undefined],
    ]);
  });
});

describe("literal reader", () => {
  const read = (src: string, language: Language) => {
    const tokens = language === "python" ? tokenizePython(src) : language === "js" ? tokenizeJs(src) : tokenizeJulia(src);
    const s = buildStream(tokens);
    return readLiteral(s.tokens, s.match, 0, s.tokens.length, language);
  };
  const rows: [string, Language, unknown][] = [
    ["0.2", "python", 0.2],
    ["-1e-2", "python", -0.01],
    ["+3", "python", 3],
    ["1/8", "python", 0.125],
    ["7//2", "python", 3],
    ["1//8", "julia", 0.125],
    ["2**-1", "python", 0.5],
    ["2^3", "julia", 8],
    ["-(1 - 3) * 0.5", "python", 1],
    ["0x10", "js", 16],
    ["1_000", "python", 1000],
    ["0.5f0", "julia", 0.5],
    ["'tanh'", "python", "tanh"],
    ['"tanh"', "js", "tanh"],
    ["True", "python", true],
    ["false", "js", false],
    ["None", "python", null],
    ["nothing", "julia", null],
    ["(1, 2)", "python", [1, 2]],
    ["(1,)", "python", [1]],
    ["[0.1, 'a', (True, None)]", "python", [0.1, "a", [true, null]]],
  ];
  for (const [src, language, value] of rows) {
    it(`${language}: ${src} → ${JSON.stringify(value)}`, () => {
      assert.deepEqual(read(src, language), { literal: true, value });
    });
  }

  const nonLiterals: [string, Language][] = [
    ["slope", "python"],
    ["f'tanh'", "python"],
    ["2j", "python"],
    ["math.pi", "python"],
    ["f(1)", "python"],
    ["1 +", "python"],
    ["(1, x)", "python"],
    ["`a${b}`", "js"],
    ["True", "js"],
    ["x...", "julia"],
    ["-".repeat(200) + "1", "python"],
    ["(".repeat(200) + "1" + ")".repeat(200), "python"],
  ];
  for (const [src, language] of nonLiterals) {
    it(`${language}: ${src.slice(0, 30)} is not a literal`, () => {
      assert.deepEqual(read(src, language), { literal: false });
    });
  }

  it("parses numbers per language", () => {
    assert.equal(numberValue("1e3", "python"), 1000);
    assert.equal(numberValue("1f3", "julia"), 1000);
    assert.equal(numberValue("10n", "js"), 10);
    assert.ok(Number.isNaN(numberValue("3J", "python")));
  });
});
