/**
 * Loader and runner for the float32 WebAssembly SIMD kernels (`wasm/kernels.wat`, embedded as base64 in the
 * generated `wasm/kernels-wasm.ts`).
 *
 * - Instantiated synchronously (`new WebAssembly.Module(bytes)`, ~7 KB) on first use, once per realm.
 * - Returns `undefined` (callers fall back to the JS kernels) when `WebAssembly` is missing, when the engine
 *   lacks 128-bit SIMD (compilation fails), or when a Content-Security-Policy forbids compiling wasm: a VS
 *   Code webview needs `script-src 'wasm-unsafe-eval'` for it.
 * - Kernels take (src, dst, n) addresses in the module's memory. Where an array is a view into that memory
 *   (a resident array, see resident.ts) the kernel reads or writes it directly — no copy. Other arrays go
 *   through a 32768-float work buffer (128 KiB, at byte 65536), chunk by chunk: copy in
 *   (`Float32Array.prototype.set`, a memcpy), run, copy out. A chunk stays in L2 cache, so these copies add
 *   little main-memory traffic, but the three passes over each chunk are not free: for the piecewise-linear
 *   ops this path runs at about 0.4–0.6× a plain copy (bench/results/kernels.md), where resident arrays
 *   run at about 1×.
 * - Kernels run whole vectors of 4 floats only; the 1–3 floats of a tail always go through the work buffer,
 *   so a kernel never reads or writes outside the arrays it was given, whatever their offsets.
 * - `out` may be `input` itself (in place). No allocation per element; one `subarray` view per chunk.
 */
import { base64Decode } from "../base64";
import { KERNELS_WASM_BASE64 } from "./wasm/kernels-wasm";

/** Byte address of the module's work buffer (see the memory layout in kernels.wat). */
export const WASM_WORK_BASE = 65536;
/** Floats in the work buffer: bytes [WASM_WORK_BASE, WASM_WORK_BASE + 4·WASM_CHUNK) of the memory. */
export const WASM_CHUNK = 32768;

/** The structural slice of the WebAssembly JS API the loader uses (the core compiles without DOM/Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The slice of `WebAssembly.Memory` used here: its buffer, replaced (old views detached) by `grow`. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Adds `pages` 64 KiB pages; returns the previous size in pages; throws a RangeError when it cannot. */
  grow(pages: number): number;
}

/** A kernel on whole vectors: src, dst are byte addresses, n a multiple of 4 floats. */
type RawKernel = (src: number, dst: number, n: number) => void;

interface RawExports {
  memory: WasmMemory;
  relu(src: number, dst: number, n: number): void;
  leaky_relu(src: number, dst: number, n: number, slope: number): void;
  clamp(src: number, dst: number, n: number, lo: number, hi: number): void;
  sigmoid(src: number, dst: number, n: number): void;
  silu(src: number, dst: number, n: number): void;
  tanh(src: number, dst: number, n: number): void;
  elu(src: number, dst: number, n: number, alpha: number, thr: number): void;
  gelu(src: number, dst: number, n: number): void;
  gelu_tanh(src: number, dst: number, n: number): void;
}
/** float32 kernels; each maps `input` to `out` (same length; `out` may be `input`). */
export interface WasmF32Kernels {
  /** max(0, x) with relu(−0) = −0 and NaN kept (compare + and-not). */
  relu(input: Float32Array, out: Float32Array): void;
  /** x > 0 ? x : x·slope (slope rounded to float32). */
  leakyRelu(input: Float32Array, out: Float32Array, slope: number): void;
  /** x < lo ? lo : x > hi ? hi : x (bounds rounded to float32); NaN and −0 pass through. */
  clamp(input: Float32Array, out: Float32Array, lo: number, hi: number): void;
  /** 1 / (1 + e^−x). */
  sigmoid(input: Float32Array, out: Float32Array): void;
  /** x·sigmoid(x); silu(−∞) = NaN. */
  silu(input: Float32Array, out: Float32Array): void;
  /** tanh(x). */
  tanh(input: Float32Array, out: Float32Array): void;
  /** x > 0 ? x : alpha·expm1(x) (alpha rounded to float32); `negZeroPasses` picks elu(−0) = −0 (true) or alpha·(+0) (false). */
  elu(input: Float32Array, out: Float32Array, alpha: number, negZeroPasses: boolean): void;
  /** x·Φ(x), computed in float64 lanes (Mills-ratio polynomial × exp) and rounded once. */
  gelu(input: Float32Array, out: Float32Array): void;
  /** x / (1 + exp(−2√(2/π)(x + 0.044715x³))), computed in float64 lanes and rounded once. */
  geluTanh(input: Float32Array, out: Float32Array): void;
  /** The module's memory: resident arrays are views into `memory.buffer` (see resident.ts). */
  readonly memory: WasmMemory;
}

let cached: WasmF32Kernels | null | undefined;

/** The float32 SIMD kernels, or `undefined` where WebAssembly SIMD cannot be used here (see above). */
export function wasmF32Kernels(): WasmF32Kernels | undefined {
  if (cached === undefined) {
    cached = instantiate();
  }
  return cached ?? undefined;
}

function instantiate(): WasmF32Kernels | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) {
    return null;
  }
  const bytes = base64Decode(KERNELS_WASM_BASE64);
  if (bytes === undefined) {
    return null;
  }
  let raw: RawExports;
  try {
    const module = new api.Module(bytes);
    raw = new api.Instance(module, {}).exports as unknown as RawExports;
  } catch {
    return null;
  }
  const memory = raw.memory;
  let heap = new Float32Array(memory.buffer, WASM_WORK_BASE, WASM_CHUNK);
  /** The work buffer, re-derived after the memory grew (growing detaches the old view). */
  function work(): Float32Array {
    if (heap.buffer !== memory.buffer) {
      heap = new Float32Array(memory.buffer, WASM_WORK_BASE, WASM_CHUNK);
    }
    return heap;
  }

  /**
   * Runs `kernel` over `input`, writing `out`: whole vectors of 4 floats directly from/to whichever of the two
   * arrays lives in the module's memory (both: one call, no copy), through the work buffer otherwise (chunks
   * of WASM_CHUNK floats); the last n mod 4 floats through the work buffer.
   */
  function run(input: Float32Array, out: Float32Array, kernel: RawKernel): void {
    const buf = memory.buffer;
    const inHere = input.buffer === buf;
    const outHere = out.buffer === buf;
    const n = input.length;
    const n4 = n & ~3;
    if (inHere && outHere) {
      if (n4 > 0) {
        kernel(input.byteOffset, out.byteOffset, n4);
      }
    } else {
      const h = work();
      for (let i = 0; i < n4; i += WASM_CHUNK) {
        const m = Math.min(WASM_CHUNK, n4 - i);
        let src = WASM_WORK_BASE;
        if (inHere) {
          src = input.byteOffset + 4 * i;
        } else {
          h.set(i === 0 && m === n ? input : input.subarray(i, i + m));
        }
        kernel(src, outHere ? out.byteOffset + 4 * i : WASM_WORK_BASE, m);
        if (!outHere) {
          out.set(m === WASM_CHUNK ? h : h.subarray(0, m), i);
        }
      }
    }
    if (n4 < n) {
      const h = work();
      h.set(input.subarray(n4));
      kernel(WASM_WORK_BASE, WASM_WORK_BASE, 4);
      out.set(h.subarray(0, n - n4), n4);
    }
  }

  return {
    memory,
    relu: (input, out) => run(input, out, raw.relu),
    leakyRelu: (input, out, slope) => run(input, out, (s, d, n) => raw.leaky_relu(s, d, n, slope)),
    clamp: (input, out, lo, hi) => run(input, out, (s, d, n) => raw.clamp(s, d, n, lo, hi)),
    sigmoid: (input, out) => run(input, out, raw.sigmoid),
    silu: (input, out) => run(input, out, raw.silu),
    tanh: (input, out) => run(input, out, raw.tanh),
    gelu: (input, out) => run(input, out, raw.gelu),
    geluTanh: (input, out) => run(input, out, raw.gelu_tanh),
    elu: (input, out, alpha, negZeroPasses) =>
      run(input, out, (s, d, n) => raw.elu(s, d, n, alpha, negZeroPasses ? -1.401298464324817e-45 : 0)),
  };
}
