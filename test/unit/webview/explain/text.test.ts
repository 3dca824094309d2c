import assert from "node:assert/strict";
import {
  biasHighlight,
  depthIntro,
  dyingIntro,
  farCaseReadout,
  interactionIntro,
  intervalsText,
  linearText,
  pct,
  pointReadout,
  saturationIntro,
  slopeMeaning,
} from "../../../../src/webview/explain/text";

describe("webview/explain/text", () => {
  it("states ReLU as max(0, ·) with slope 0 at the kink, never a wrong formula", () => {
    const t = interactionIntro({ activationId: "relu", label: "ReLU", formula: "max(0, x)", kinks: [0] }).join(" ");
    assert.match(t, /max\(0, z\)/);
    assert.match(t, /slope 0 at exactly z = 0/);
    assert.doesNotMatch(t, /x \+ 1|exponential/);
  });

  it("states Leaky ReLU as max(s·x, x) for 0 ≤ s ≤ 1", () => {
    const t = dyingIntro(0.01).join(" ");
    assert.match(t, /max\(s·x, x\) for 0 ≤ s ≤ 1/);
    assert.match(t, /default s = 0\.01\); with s > 0/);
    assert.match(t, /relu′\(0\) = 0/);
  });

  it("puts the sigmoid's maximal slope as computed into the depth text", () => {
    const t = depthIntro(0.25, 0).join(" ");
    assert.match(t, /at most 0\.25 \(at x = 0\)/);
    assert.match(t, /0\.25ᴸ/);
  });

  it("writes the pre-activation with folded signs", () => {
    assert.equal(linearText(2, 3, 0), "2·A + 3·B + 0");
    assert.equal(linearText(-1.5, -3, -2), "−1.5·A − 3·B − 2");
  });

  it("reads slopes as their effect on the output", () => {
    assert.equal(slopeMeaning(2), "raising A raises the output");
    assert.equal(slopeMeaning(-0.5), "raising A lowers the output");
    assert.equal(slopeMeaning(0), "A has no effect here");
    assert.match(slopeMeaning(2e-260), /vanishing/);
    assert.equal(pointReadout(1, 1, 5, 5, 2), "(A, B) = (1, 1): z = 5, f = 5, ∂f/∂A = 2: raising A raises the output.");
  });

  it("describes the B = −100 case from the computed output range", () => {
    assert.equal(
      farCaseReadout(-100, [-5, 5], 0, 0, 0),
      "B = −100: f = 0 for every A in [−5, 5] and ∂f/∂A = 0 at A = 1: A has no effect at all.",
    );
    assert.match(farCaseReadout(-100, [-5, 5], -1, 2, 0.5), /runs from −1 to 2/);
  });

  it("describes the highlighted bias example from the values passed in", () => {
    const t = biasHighlight("relu", 7, -7, { value: 0, slope: 0 }, { value: 1, slope: 1 });
    assert.match(t, /relu\(7 \+ A\)/);
    assert.match(t, /Below the kink at A = −7 \(e\.g\. at A = −8\) the output is 0 with slope 0; above it the slope is 1 and the output is 7 \+ A/);
    // leaky_relu: the sample value holds at A = −8 only, and the text says where it was taken
    const leaky = biasHighlight("leaky_relu", 7, -7, { value: -0.01, slope: 0.01 }, { value: 1, slope: 1 });
    assert.match(leaky, /at A = −8\) the output is −0\.01/);
  });

  it("writes ≤ where the end point of a saturated interval is itself saturated (ReLU at its kink)", () => {
    const iv = [{ lo: -10, hi: 0, toLo: true, toHi: false }];
    assert.equal(intervalsText(iv, (x) => x === 0), "x ≤ 0");
    assert.equal(intervalsText(iv), "x < 0");
  });

  it("writes saturated intervals with open ends at the range's edges", () => {
    const iv = [
      { lo: -10, hi: -6.905752, toLo: true, toHi: false },
      { lo: 6.905752, hi: 10, toLo: false, toHi: true },
    ];
    assert.equal(intervalsText(iv), "x < −6.906 and x > 6.906");
    assert.equal(intervalsText([]), "nowhere in this range");
    assert.equal(intervalsText([{ lo: -1, hi: 2, toLo: false, toHi: false }]), "−1 < x < 2");
    assert.match(saturationIntro("sigmoid", "Sigmoid", 0.001, iv).join(" "), /at most 1\/4/);
  });

  it("formats fractions as percentages", () => {
    assert.equal(pct(0.5), "50%");
    assert.equal(pct(0), "0%");
    assert.equal(pct(1), "100%");
    assert.equal(pct(0.09375), "9.38%");
    assert.equal(pct(NaN), "—");
  });
});
