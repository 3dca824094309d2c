/**
 * softmax, log_softmax and glu over rows: values against torch 1.13 (and mpmath), JVPs against torch's forward
 * mode, the full Jacobian against torch's VJPs, and against finite differences.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ActivationParamError, applyVector, vectorJvp } from "../../../../src/core/activations";
import { errorTo, same, show, vectorCases, withinUlps } from "./fixtures";

const EPS = 2 ** -52;

/** Softmax of one row in plain float64, for error bounds. */
function softmaxRow(x: Float64Array): number[] {
  const m = Math.max(...x);
  const e = [...x].map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * Forward error bound of the JVP formulas, per output element: softmax y_i(t_i − ⟨y, t⟩), log_softmax
 * t_i − ⟨y, t⟩ and glu t_a σ(b) + a σ′(b) t_b each cost a few roundings of their terms' magnitudes.
 */
function jvpBound(id: string, x: Float64Array, t: Float64Array, rows: number): number[] {
  const cols = x.length / rows;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const xr = x.subarray(r * cols, (r + 1) * cols);
    const tr = t.subarray(r * cols, (r + 1) * cols);
    if (id === "glu") {
      const h = cols / 2;
      for (let j = 0; j < h; j++) {
        const s = 1 / (1 + Math.exp(-xr[h + j]));
        out.push(16 * EPS * (Math.abs(tr[j] * s) + Math.abs(xr[j] * s * (1 - s) * tr[h + j])));
      }
      continue;
    }
    const y = softmaxRow(xr);
    const dot = y.reduce((a, v, j) => a + Math.abs(v * tr[j]), 0);
    for (let j = 0; j < cols; j++) {
      const scale = Math.abs(tr[j]) + dot;
      out.push(16 * EPS * (id === "softmax" ? y[j] * scale : scale));
    }
  }
  return out;
}

describe("activations: vector ops against torch", () => {
  for (const c of vectorCases()) {
    describe(`${c.id}: ${c.name} (${c.rows} row${c.rows > 1 ? "s" : ""})`, () => {
      it("values: within 2 ulp of torch, at least as close to the truth, or the same non-finite", () => {
        const y = applyVector(c.id, c.x, { rows: c.rows });
        assert.equal(y.length, c.y.length);
        y.forEach((v, i) => {
          const t = c.yTrue[i];
          const ok = Number.isNaN(t)
            ? same(v, c.y[i]) || withinUlps(v, c.y[i], 2) // rows with non-finite entries: torch exactly
            : withinUlps(v, c.y[i], 2) || errorTo(v, t) <= errorTo(c.y[i], t);
          assert.ok(ok, `[${i}] ${show(v)}, torch ${show(c.y[i])}, truth ${show(t)}`);
        });
      });

      it("JVP: within the formula's error bound of the truth, or at least as close as torch", () => {
        const jvp = vectorJvp(c.id, c.x, c.tangent, { rows: c.rows });
        const bound = jvpBound(c.id, c.x, c.tangent, c.rows);
        jvp.forEach((v, i) => {
          const truth = c.jvpTrue[i];
          if (!Number.isFinite(truth)) {
            // no finite truth (a NaN in the row, or ±∞ out): torch's value exactly
            const ok = same(v, c.jvp[i]) || same(v, truth);
            assert.ok(ok, `[${i}] ${show(v)} vs torch ${show(c.jvp[i])}`);
            return;
          }
          const err = Math.abs(v - truth);
          assert.ok(
            err <= bound[i] + 1e-300 || err <= errorTo(c.jvp[i], truth),
            `[${i}] ${v}, truth ${truth}, torch ${c.jvp[i]} (bound ${bound[i]})`,
          );
        });
      });

      it("the Jacobian built from JVPs gives the VJP: within its error bound of the truth, or closer than torch", () => {
        if (!c.x.every(Number.isFinite)) {
          return; // ±∞ inputs make ∞·0 in Jacobian columns that a VJP never forms
        }
        const n = c.x.length;
        for (let k = 0; k < n; k++) {
          const truth = c.vjpTrue[k];
          if (Number.isNaN(truth)) {
            continue; // rows with non-finite entries: covered by the value and JVP checks
          }
          const e = new Float64Array(n);
          e[k] = 1;
          const col = vectorJvp(c.id, c.x, e, { rows: c.rows });
          const colBound = jvpBound(c.id, c.x, e, c.rows);
          let v = 0;
          let bound = 0;
          col.forEach((jv, i) => {
            v += c.cotangent[i] * jv;
            bound += Math.abs(c.cotangent[i]) * (colBound[i] + 2 * EPS * Math.abs(jv));
          });
          const err = Math.abs(v - truth);
          assert.ok(
            err <= bound + 1e-300 || err <= errorTo(c.vjp[k], truth),
            `vjp[${k}] ${v}, truth ${truth}, torch ${c.vjp[k]} (bound ${bound})`,
          );
        }
      });
    });
  }
});

describe("activations: applyVector / vectorJvp behaviour", () => {
  it("splits rows by the rows param, allocates the input's type, and fills a given out", () => {
    const x = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const two = applyVector("softmax", x, { rows: 2 });
    const three = applyVector("softmax", x, { rows: 3 });
    assert.ok(two instanceof Float64Array && two.length === 6);
    assert.ok(Math.abs(two[0] + two[1] + two[2] - 1) < 1e-15 && Math.abs(two[3] + two[4] + two[5] - 1) < 1e-15);
    assert.equal(three[0], three[2]); // rows [0, 1] and [2, 3] are shifts of each other
    const whole = applyVector("softmax", x);
    assert.ok(Math.abs(whole.reduce((a, b) => a + b, 0) - 1) < 1e-15);
    const out = new Float64Array(6);
    assert.equal(applyVector("log_softmax", x, { rows: 2 }, out), out);
    assert.ok(withinUlps(out[0], -Math.log(1 + Math.E + Math.E ** 2), 2), String(out[0]));
  });

  it("halves the row for glu: a·σ(b)", () => {
    const x = Float64Array.from([1, 2, 0, 100, -3, 4, -100, 0]);
    const y = applyVector("glu", x, { rows: 2 });
    assert.equal(y.length, 4);
    assert.deepEqual([y[0], y[1], y[3]], [0.5, 2, 2]);
    assert.ok(withinUlps(y[2], -3 / (1 + Math.exp(100)), 2), String(y[2]));
    assert.equal(applyVector("GLU", Float64Array.from([3, 0])).length, 1);
  });

  it("computes float32 input in float64 and rounds once", () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -80, max: 80, noNaN: true }), { minLength: 2, maxLength: 12 }), (vals) => {
        const even = vals.length % 2 === 0 ? vals : vals.slice(1);
        const x32 = Float32Array.from(even);
        const x64 = Float64Array.from(x32);
        const t32 = Float32Array.from(even.map((v, i) => Math.fround(Math.sin(v + i))));
        for (const id of ["softmax", "log_softmax", "glu"] as const) {
          const y32 = applyVector(id, x32);
          assert.ok(y32 instanceof Float32Array);
          assert.deepEqual([...y32], [...applyVector(id, x64)].map(Math.fround));
          const j32 = vectorJvp(id, x32, t32);
          assert.ok(j32 instanceof Float32Array);
          assert.deepEqual([...j32], [...vectorJvp(id, x64, Float64Array.from(t32))].map(Math.fround));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("rejects bad shapes and names with ActivationParamError", () => {
    const x = Float64Array.from([1, 2, 3]);
    assert.throws(() => applyVector("softmax", x, { rows: 2 }), /softmax: rows \(2\) must divide the input length \(3\)/);
    assert.throws(() => applyVector("glu", x), /glu halves the last axis, so its length \(3\) must be even/);
    assert.throws(() => applyVector("softmax", x, undefined, new Float64Array(2)), /out has length 2, expected 3/);
    assert.throws(() => vectorJvp("softmax", x, new Float64Array(2)), /tangent has length 2, expected 3/);
    assert.throws(() => applyVector("relu", x), ActivationParamError);
    assert.throws(() => applyVector("softmax", x, { rows: 0 }), ActivationParamError);
  });

  it("handles an empty input", () => {
    assert.equal(applyVector("softmax", new Float64Array(0)).length, 0);
  });
});

describe("activations: vector ops, properties", () => {
  const row = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 10 });

  it("softmax rows sum to 1 and log_softmax = log(softmax)", () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 4 }), (vals, rows) => {
        const x = Float64Array.from(Array.from({ length: rows }, (_, r) => vals.map((v) => v + r)).flat());
        const y = applyVector("softmax", x, { rows });
        const ly = applyVector("log_softmax", x, { rows });
        const cols = vals.length;
        for (let r = 0; r < rows; r++) {
          let s = 0;
          for (let j = 0; j < cols; j++) {
            s += y[r * cols + j];
            const i = r * cols + j;
            // log_softmax keeps digits softmax loses to underflow; compare where softmax is a normal number
            if (y[i] > 1e-300) {
              assert.ok(Math.abs(Math.log(y[i]) - ly[i]) <= 1e-13 * (1 + Math.abs(ly[i])), `${Math.log(y[i])} vs ${ly[i]}`);
            }
          }
          assert.ok(Math.abs(s - 1) <= cols * 4 * EPS, `row ${r} sums to ${s}`);
        }
      }),
    );
  });

  it("vectorJvp agrees with central finite differences", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (vals, dir) => {
          const x = Float64Array.from(vals.length % 2 === 0 ? vals : vals.slice(1));
          const t = Float64Array.from(x, (_, i) => dir[i]);
          const h = 1e-5;
          for (const id of ["softmax", "log_softmax", "glu"] as const) {
            const jvp = vectorJvp(id, x, t);
            const plus = applyVector(id, Float64Array.from(x, (v, i) => v + h * t[i]));
            const minus = applyVector(id, Float64Array.from(x, (v, i) => v - h * t[i]));
            jvp.forEach((v, i) => {
              const fd = (plus[i] - minus[i]) / (2 * h);
              assert.ok(Math.abs(v - fd) <= 1e-7 * (1 + Math.abs(fd)), `${id}[${i}]: jvp ${v}, fd ${fd}`);
            });
          }
        },
      ),
    );
  });
});
