import assert from "node:assert/strict";
import { biasFamily } from "../../../../src/core/explain/bias";

describe("core/explain/bias: f(x + b) moves the kink to x = k − b", () => {
  it("relu(7 + A): output and slope 0 below A = −7, slope 1 above", () => {
    const fam = biasFamily("relu", undefined, [7], [-20, 20], 401);
    assert.deepEqual(fam.kinks, [[-7]]);
    const { x } = fam;
    const y = fam.curves[0];
    const d = fam.slopes[0];
    for (let k = 0; k < x.length; k++) {
      if (x[k] < -7) {
        assert.equal(y[k], 0, `A = ${x[k]}`);
        assert.equal(d[k], 0);
      } else if (x[k] > -7) {
        assert.equal(y[k], 7 + x[k]);
        assert.equal(d[k], 1);
      }
    }
    // x = −7 is a sample (−20 + 13·0.1): relu′(0) = 0 there, torch's convention.
    const at = x.findIndex((v) => Math.abs(v + 7) < 1e-12);
    assert.ok(at >= 0);
    assert.equal(d[at], 0);
  });

  it("marks only kinks the curve shows: not softplus's switch at 20 or ELU's C¹ join at 0 (alpha = 1)", () => {
    assert.deepEqual(biasFamily("softplus", undefined, [0, -15], [-30, 30], 7).kinks, [[], []]);
    assert.deepEqual(biasFamily("elu", undefined, [0], [-3, 3], 7).kinks, [[]]);
    assert.deepEqual(biasFamily("elu", { alpha: 0.5 }, [0], [-3, 3], 7).kinks, [[0]], "alpha ≠ 1: f′ jumps from alpha to 1");
    assert.deepEqual(biasFamily("softplus", { beta: 2, threshold: 1 }, [0], [-3, 3], 7).kinks, [[0.5]], "a low threshold is a real kink");
  });

  it("shifts every kink of the spec, keeping those inside the range", () => {
    const fam = biasFamily("relu6", undefined, [0, 2, -5, 30], [-4, 8], 13);
    assert.deepEqual(fam.kinks, [[0, 6], [-2, 4], [5], []]);
    const ht = biasFamily("hardtanh", { min_val: -2, max_val: 3 }, [1], [-10, 10], 5);
    assert.deepEqual(ht.kinks, [[-3, 2]]);
    assert.deepEqual(biasFamily("leaky_relu", undefined, [-1.5], [-3, 3], 3).kinks, [[1.5]]);
    assert.deepEqual(biasFamily("tanh", undefined, [1, 2], [-3, 3], 3).kinks, [[], []]);
  });

  it("samples the range with end points and one curve per bias", () => {
    const fam = biasFamily("tanh", undefined, [-1, 0, 1], [-2, 2], 5);
    assert.deepEqual([...fam.x], [-2, -1, 0, 1, 2]);
    assert.equal(fam.curves.length, 3);
    assert.equal(fam.curves[1][2], 0);
    assert.equal(fam.curves[2][1], 0); // tanh(−1 + 1)
    assert.equal(fam.slopes[0][3], 1); // tanh′(1 − 1)
  });

  it("rejects bad ranges, sample counts and biases", () => {
    assert.throws(() => biasFamily("relu", undefined, [0], [1, 1], 5), RangeError);
    assert.throws(() => biasFamily("relu", undefined, [0], [0, 1], 1), RangeError);
    assert.throws(() => biasFamily("relu", undefined, [NaN], [0, 1], 5), RangeError);
  });
});
