import assert from "node:assert/strict";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { gaussianMoments, PIECEWISE_LINEAR_IDS } from "../../../../src/core/stats/gaussian";
import { phi, Phi } from "../../../../src/core/stats/normal";
import type { Params } from "../../../../src/core/types";

interface FixtureCase {
  id: string;
  params: Params;
  mu: number;
  sigma: number;
  mean: number;
  variance: number;
  meanDerivative: number;
  meanSquaredDerivative: number;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/gaussian-moments.json", import.meta.url), "utf8")) as {
  cases: FixtureCase[];
};

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)),
    `${what}: ${actual} vs ${expected} (|Δ| = ${Math.abs(actual - expected)})`,
  );
}

describe("core/stats/gaussian: moments of f(X), X ~ N(μ, σ²)", () => {
  it("match the values of the torch-reference note for N(0, 1)", () => {
    const relu = gaussianMoments("relu", undefined, 0, 1);
    assert.equal(relu.method, "closed-form");
    close(relu.mean, 1 / Math.sqrt(2 * Math.PI), 1e-15, "E relu");
    close(relu.variance, 0.3408450569, 1e-10, "Var relu");
    close(relu.variance, 0.5 - 1 / (2 * Math.PI), 1e-15, "Var relu = 1/2 − 1/(2π)");
    close(relu.meanDerivative, 0.5, 1e-15, "E relu′");
    close(gaussianMoments("sigmoid", undefined, 0, 1).meanDerivative, 0.2066209641, 1e-10, "E sigmoid′");
    close(gaussianMoments("tanh", undefined, 0, 1).meanDerivative, 0.6057055096, 1e-10, "E tanh′");
    const selu = gaussianMoments("selu", undefined, 0, 1);
    assert.equal(selu.method, "closed-form");
    assert.ok(Math.abs(selu.mean) < 1e-6, `selu mean ${selu.mean}`);
    assert.ok(Math.abs(selu.variance - 1) < 1e-6, `selu variance ${selu.variance}`);
  });

  it("match the PyTorch + mpmath fixture for every case, closed form and quadrature alike", () => {
    assert.ok(fixture.cases.length >= 100);
    for (const c of fixture.cases) {
      for (const method of ["auto", "quadrature"] as const) {
        const m = gaussianMoments(c.id, c.params, c.mu, c.sigma, { method });
        const what = `${c.id} ${JSON.stringify(c.params)} N(${c.mu}, ${c.sigma}²) [${m.method}]`;
        close(m.mean, c.mean, 1e-11, `${what} E f`);
        close(m.variance, c.variance, 1e-11, `${what} Var f`);
        close(m.meanDerivative, c.meanDerivative, 1e-11, `${what} E f′`);
        close(m.meanSquaredDerivative, c.meanSquaredDerivative, 1e-11, `${what} E f′²`);
        close(m.secondMoment, c.variance + c.mean * c.mean, 1e-11, `${what} E f²`);
      }
    }
  });

  it("use the closed forms for the piecewise-linear and ELU families", () => {
    for (const id of [...PIECEWISE_LINEAR_IDS, "elu", "celu", "selu"]) {
      const params: Params = id === "threshold" ? { threshold: 0.5, value: 1 } : {};
      assert.equal(gaussianMoments(id, params, 0.3, 1.7).method, "closed-form", id);
    }
    assert.equal(gaussianMoments("gelu", undefined, 0, 1).method, "quadrature");
  });

  it("give relu's textbook closed forms for any μ, σ (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        (mu, sigma) => {
          const m = gaussianMoments("relu", undefined, mu, sigma);
          const r = mu / sigma;
          const mean = mu * Phi(r) + sigma * phi(r);
          const second = (mu * mu + sigma * sigma) * Phi(r) + mu * sigma * phi(r);
          const scale = (Math.abs(mu) + sigma) ** 2;
          close(m.mean, mean, 1e-12, "E relu");
          assert.ok(Math.abs(m.secondMoment - second) <= 1e-12 * scale, `E relu² ${m.secondMoment} vs ${second}`);
          close(m.meanDerivative, Phi(r), 1e-14, "E relu′");
          const q = gaussianMoments("relu", undefined, mu, sigma, { method: "quadrature" });
          assert.ok(Math.abs(q.mean - m.mean) <= 1e-11 * (Math.abs(mu) + sigma), `quadrature E relu ${q.mean}`);
          assert.ok(Math.abs(q.variance - m.variance) <= 1e-10 * scale, `quadrature Var relu ${q.variance}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("agree between closed form and quadrature for the ELU family far from N(0, 1)", () => {
    for (const [id, params] of [
      ["elu", { alpha: 0.3 }],
      ["celu", { alpha: 3 }],
      ["selu", {}],
    ] as const) {
      for (const [mu, sigma] of [
        [-40, 1],
        [-5, 3],
        [0, 10],
        [30, 2],
        [0.1, 0.01],
      ]) {
        const a = gaussianMoments(id, params, mu, sigma);
        const q = gaussianMoments(id, params, mu, sigma, { method: "quadrature" });
        const what = `${id} N(${mu}, ${sigma}²)`;
        close(a.mean, q.mean, 1e-10, `${what} E f`);
        close(a.variance, q.variance, 1e-9, `${what} Var f`);
        close(a.meanDerivative, q.meanDerivative, 1e-10, `${what} E f′`);
        close(a.meanSquaredDerivative, q.meanSquaredDerivative, 1e-10, `${what} E f′²`);
      }
    }
  });

  it("keep the variance accurate when σ is tiny (no cancellation)", () => {
    // f(μ + σZ) ≈ f(μ) + f′(μ)σZ, so Var f ≈ f′(μ)²σ².
    for (const id of ["sigmoid", "gelu", "elu", "relu", "tanh"]) {
      const mu = 3;
      const sigma = 1e-6;
      const m = gaussianMoments(id, undefined, mu, sigma);
      const d = gaussianMoments(id, undefined, mu, 0).meanDerivative;
      close(m.variance, d * d * sigma * sigma, 1e-5, `${id} Var at σ = 1e−6`);
    }
  });

  it("treat σ = 0 as a point mass with torch's f′ at a kink", () => {
    const m = gaussianMoments("relu", undefined, 0, 0);
    assert.deepEqual(
      { ...m },
      { mean: 0, variance: 0, secondMoment: 0, meanDerivative: 0, meanSquaredDerivative: 0, method: "point-mass" },
    );
    assert.equal(gaussianMoments("leaky_relu", undefined, 0, 0).meanDerivative, 0.01);
  });

  it("reject bad Gaussians, unknown activations, vector activations and bad params", () => {
    assert.throws(() => gaussianMoments("relu", undefined, 0, -1), RangeError);
    assert.throws(() => gaussianMoments("relu", undefined, NaN, 1), RangeError);
    assert.throws(() => gaussianMoments("relu", undefined, 0, Infinity), RangeError);
    assert.throws(() => gaussianMoments("nope", undefined, 0, 1), /unknown activation/);
    assert.throws(() => gaussianMoments("softmax", undefined, 0, 1), /vector/);
    assert.throws(() => gaussianMoments("elu", { alpha: "x" }, 0, 1), /alpha/);
  });

  it("accept aliases", () => {
    const a = gaussianMoments("LeakyReLU", { negative_slope: 0.2 }, 0, 1);
    const b = gaussianMoments("leaky_relu", { negative_slope: 0.2 }, 0, 1);
    assert.deepEqual(a, b);
  });
});
