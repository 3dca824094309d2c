import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  applyActivation,
  applyActivationResident,
  applyDerivative,
  applyDerivativeResident,
  createResidentF32,
  isResidentView,
  reserveResidentF32,
  residentAvailable,
  residentStats,
  type ResidentF32,
} from "../../../../src/core/kernels/index";
import { RESIDENT_ALIGN, RESIDENT_HEAP_BASE } from "../../../../src/core/kernels/resident";
import type { Params } from "../../../../src/core/types";
import { denseInputs } from "./ulp";

/** Bit patterns of a float32 array (NaN payloads and the sign of zero included). */
function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + 4 * a.length));
}

/** Frees every array created through `track` at the end of a test. */
function tracker(): { track: (r: ResidentF32 | undefined) => ResidentF32; freeAll: () => void } {
  const all: ResidentF32[] = [];
  return {
    track: (r) => {
      assert.ok(r !== undefined, "resident arrays are available under Node");
      all.push(r);
      return r;
    },
    freeAll: () => {
      for (const r of all) {
        r.free();
      }
    },
  };
}

const CASES: readonly [string, Params | undefined][] = [
  ["relu", undefined],
  ["leaky_relu", undefined],
  ["leaky_relu", { negative_slope: -0.5 }],
  ["relu6", undefined],
  ["hardtanh", { min_val: -2, max_val: 3 }],
  ["sigmoid", undefined],
  ["tanh", undefined],
  ["elu", undefined],
  ["elu", { alpha: -0.5 }], // JS path (alpha ≤ 0) on resident views
  ["silu", undefined],
  ["gelu", undefined],
  ["gelu", { approximate: "tanh" }],
  ["softplus", undefined], // no WebAssembly kernel: JS path on the views
];

describe("core/kernels: resident arrays (zero-copy path)", () => {
  const DENSE = denseInputs(1 << 17); // ≈ 55 000 values incl. NaN, ±∞, ±0, subnormals; length not a multiple of 4

  it("is available under Node, with arrays that are views into the kernels' memory", () => {
    assert.equal(residentAvailable(), true);
    const r = createResidentF32(10)!;
    try {
      assert.equal(isResidentView(r.array), true);
      assert.equal(isResidentView(new Float32Array(10)), false);
      assert.equal(r.array.length, 10);
      assert.equal(r.length, 10);
      assert.ok(r.byteOffset >= RESIDENT_HEAP_BASE);
      assert.equal(r.byteOffset % RESIDENT_ALIGN, 0);
      assert.equal(r.array.byteOffset, r.byteOffset);
      assert.deepEqual(Array.from(r.array), new Array(10).fill(0));
      assert.equal(r.view(), r.array);
    } finally {
      r.free();
    }
  });

  for (const [id, params] of CASES) {
    const label = `${id}${params === undefined ? "" : " " + JSON.stringify(params)}`;
    it(`${label}: resident in place, out of place and mixed results equal the plain path bit for bit`, () => {
      const { track, freeAll } = tracker();
      try {
        const want = bits(applyActivation(id, DENSE, params));
        const wantD = bits(applyDerivative(id, DENSE, params));
        const x = track(createResidentF32(DENSE.length));
        x.array.set(DENSE);
        // out of place, into a given resident out
        const y = track(createResidentF32(DENSE.length));
        assert.equal(applyActivationResident(id, x, params, y), y);
        assert.deepEqual(bits(y.array), want);
        assert.deepEqual(bits(x.array), bits(DENSE), "input untouched");
        // out of place, result allocated
        const z = track(applyActivationResident(id, x, params));
        assert.deepEqual(bits(z.array), want);
        // resident input → plain out, plain input → resident out (one copy each)
        assert.deepEqual(bits(applyActivation(id, x.array, params, new Float32Array(DENSE.length))), want);
        const w = track(createResidentF32(DENSE.length));
        applyActivation(id, DENSE, params, w.array);
        assert.deepEqual(bits(w.array), want);
        // derivative
        assert.deepEqual(bits(track(applyDerivativeResident(id, x, params)).array), wantD);
        // in place
        assert.equal(applyActivationResident(id, x, params, x), x);
        assert.deepEqual(bits(x.array), want);
      } finally {
        freeAll();
      }
    });
  }

  it("handles every length 0…40 and unaligned subviews without touching neighbouring floats", () => {
    const { track, freeAll } = tracker();
    try {
      const big = track(createResidentF32(64));
      for (let n = 0; n <= 40; n++) {
        for (const off of [0, 1, 3]) {
          const a = big.array;
          for (let i = 0; i < a.length; i++) {
            a[i] = i % 2 === 0 ? -(i + 1) : i + 0.5;
          }
          const before = Float32Array.from(a);
          const xs = a.subarray(off, off + n);
          const want = applyActivation("relu", Float32Array.from(xs));
          applyActivation("relu", xs, undefined, xs); // resident, in place, unaligned, any tail
          assert.deepEqual(Array.from(xs), Array.from(want), `n = ${n}, offset ${off}`);
          for (let i = 0; i < a.length; i++) {
            if (i < off || i >= off + n) {
              assert.ok(Object.is(a[i], before[i]), `n = ${n}, offset ${off}: float ${i} outside the view changed`);
            }
          }
          // out of place into another unaligned resident subview
          const ys = a.subarray(off + 20, off + 20 + Math.min(n, 20));
          const xs2 = a.subarray(off, off + ys.length);
          applyActivation("sigmoid", xs2, undefined, ys);
          assert.deepEqual(Array.from(ys), Array.from(applyActivation("sigmoid", Float32Array.from(xs2))));
        }
      }
    } finally {
      freeAll();
    }
  });

  it("keeps arrays valid and their data intact across memory growth (.array re-derived)", () => {
    const { track, freeAll } = tracker();
    try {
      const a = track(createResidentF32(1000));
      a.array.set(DENSE.subarray(0, 1000));
      const kept = a.array;
      const before = residentStats()!.memoryBytes;
      // larger than anything free: the memory must grow
      const b = track(createResidentF32(before / 4 + 1000));
      assert.ok(residentStats()!.memoryBytes > before, "memory grew");
      assert.equal(kept.length, 0, "a view kept across growth is detached (documented)");
      assert.equal(a.array.length, 1000);
      assert.deepEqual(bits(a.array), bits(DENSE.subarray(0, 1000)));
      assert.equal(isResidentView(a.array), true);
      assert.equal(b.array.length, before / 4 + 1000);
      assert.equal(b.array[b.length - 1], 0);
      const y = track(applyActivationResident("tanh", a));
      assert.deepEqual(bits(y.array), bits(applyActivation("tanh", DENSE.subarray(0, 1000))));
    } finally {
      freeAll();
    }
  });

  it("reserveResidentF32: allocations within the reserve do not grow the memory (views stay attached)", () => {
    const { track, freeAll } = tracker();
    try {
      assert.equal(reserveResidentF32(3 << 20), true);
      const size = residentStats()!.memoryBytes;
      const a = track(createResidentF32(1 << 20));
      const view = a.array;
      track(createResidentF32(1 << 20));
      track(createResidentF32((1 << 20) - 100));
      assert.equal(residentStats()!.memoryBytes, size);
      assert.equal(view.length, 1 << 20, "still attached");
      assert.equal(view, a.array);
    } finally {
      freeAll();
    }
  });

  it("free() returns space: an allocate/free loop does not grow the memory, blocks coalesce, and reuse is zeroed", () => {
    const s0 = residentStats()!;
    const r0 = createResidentF32(50000)!;
    r0.free();
    const size = residentStats()!.memoryBytes;
    for (let i = 0; i < 500; i++) {
      const a = createResidentF32(1 + ((i * 7919) % 50000))!;
      const b = createResidentF32(1 + ((i * 104729) % 3000))!;
      a.array.fill(7);
      b.array.fill(9);
      if (i % 2 === 0) {
        a.free();
        b.free();
      } else {
        b.free();
        a.free();
      }
    }
    const s1 = residentStats()!;
    assert.equal(s1.memoryBytes, size, "no growth in the loop");
    assert.equal(s1.usedBytes, s0.usedBytes);
    assert.equal(s1.liveBlocks, s0.liveBlocks);
    assert.equal(s1.freeBlocks, 1, "everything coalesced back into one block");
    assert.equal(s1.freeBytes, s1.memoryBytes - RESIDENT_HEAP_BASE);
    const c = createResidentF32(50000)!;
    try {
      assert.equal(c.byteOffset, RESIDENT_HEAP_BASE, "first fit reuses the freed space");
      assert.ok(
        c.array.every((v) => v === 0),
        "reused space is zero-filled",
      );
    } finally {
      c.free();
    }
  });

  it("first fit carves freed holes and merges neighbours on free", () => {
    const a = createResidentF32(16)!; // 64 bytes
    const b = createResidentF32(16)!;
    const c = createResidentF32(16)!;
    try {
      assert.equal(b.byteOffset, a.byteOffset + 64);
      assert.equal(c.byteOffset, b.byteOffset + 64);
      b.free();
      const d = createResidentF32(3)!; // fits in b's hole
      assert.equal(d.byteOffset, b.byteOffset);
      d.free();
      a.free(); // merges with b's hole
      const e = createResidentF32(32)!; // a + b
      assert.equal(e.byteOffset, a.byteOffset);
      e.free();
    } finally {
      a.free();
      c.free();
    }
  });

  it("a freed array throws on use; free() twice is a no-op; bad lengths throw RangeError", () => {
    const a = createResidentF32(8)!;
    const used = residentStats()!.usedBytes;
    a.free();
    assert.equal(a.freed, true);
    a.free();
    assert.equal(residentStats()!.usedBytes, used - 64);
    assert.throws(() => a.array, /after free/);
    assert.throws(() => applyActivationResident("relu", a), /after free/);
    for (const bad of [-1, 1.5, NaN, 2 ** 40]) {
      assert.throws(() => createResidentF32(bad), RangeError);
    }
    const z = createResidentF32(0)!;
    assert.equal(z.array.length, 0);
    z.free();
  });

  it("frees the result it allocated when the call throws, and checks out's length", () => {
    const x = createResidentF32(6)!;
    const y = createResidentF32(5)!;
    try {
      const used = residentStats()!.usedBytes;
      assert.throws(() => applyActivationResident("leaky_relu", x, { negative_slope: "a" }));
      assert.throws(() => applyActivationResident("no_such_activation", x), /no_such_activation/);
      assert.equal(residentStats()!.usedBytes, used);
      assert.throws(() => applyActivationResident("relu", x, undefined, y), RangeError);
    } finally {
      x.free();
      y.free();
    }
  });

  it("without WebAssembly: createResidentF32 returns undefined, reserve false, applyActivation still works", () => {
    const script = path.join(__dirname, "no-wasm-check.ts");
    const out = execFileSync(process.execPath, ["--jitless", "--import", "tsx", script], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    assert.deepEqual(JSON.parse(out.trim().split("\n").pop()!), {
      wasm: false,
      available: false,
      created: "undefined",
      reserved: false,
      stats: "undefined",
      relu: [0, 2, 0],
    });
  });
});
