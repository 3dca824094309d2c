/**
 * Loader and chunked runner for the float32 WebAssembly SIMD kernels (`wasm/kernels.wat`, embedded as
 * base64 in the generated `wasm/kernels-wasm.ts`).
 *
 * - Instantiated synchronously (`new WebAssembly.Module(bytes)`, ~2 KB) on first use, once per realm.
 * - Returns `undefined` (callers fall back to the JS kernels) when `WebAssembly` is missing, when the engine
 *   lacks 128-bit SIMD (compilation fails), or when a Content-Security-Policy forbids compiling wasm: a VS
 *   Code webview needs `script-src 'wasm-unsafe-eval'` for it.
 * - The kernels work in place on a 4096-float buffer at the start of the module's memory: each call copies
 *   one chunk of the input in (`Float32Array.prototype.set`, a memcpy), runs the kernel, copies the chunk
 *   out. Chunks stay in L1 cache, so the copies cost little beside the unavoidable main-memory traffic.
 *   `out` may be `input` itself (in place). No allocation per element; one `subarray` view per chunk.
 */
import { base64Decode } from "../base64";
import { KERNELS_WASM_BASE64 } from "./wasm/kernels-wasm";

/** Floats in the module's work buffer (bytes [0, 16384) of its memory; see kernels.wat). */
export const WASM_CHUNK = 4096;

/** The structural slice of the WebAssembly JS API the loader uses (the core compiles without DOM/Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface RawExports {
  memory: { buffer: ArrayBuffer };
  relu(n: number): void;
  leaky_relu(n: number, slope: number): void;
  clamp(n: number, lo: number, hi: number): void;
  sigmoid(n: number): void;
  silu(n: number): void;
  tanh(n: number): void;
  elu(n: number, alpha: number, thr: number): void;
  gelu(n: number): void;
  gelu_tanh(n: number): void;
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
  const heap = new Float32Array(raw.memory.buffer, 0, WASM_CHUNK);

  /** Runs `kernel(nRoundedUpTo4)` over `input` chunk by chunk, writing `out`. */
  function run(input: Float32Array, out: Float32Array, kernel: (n: number) => void): void {
    const n = input.length;
    for (let i = 0; i < n; i += WASM_CHUNK) {
      const m = Math.min(WASM_CHUNK, n - i);
      heap.set(i === 0 && m === n ? input : input.subarray(i, i + m));
      kernel((m + 3) & ~3);
      out.set(m === WASM_CHUNK ? heap : heap.subarray(0, m), i);
    }
  }

  return {
    relu: (input, out) => run(input, out, raw.relu),
    leakyRelu: (input, out, slope) => run(input, out, (n) => raw.leaky_relu(n, slope)),
    clamp: (input, out, lo, hi) => run(input, out, (n) => raw.clamp(n, lo, hi)),
    sigmoid: (input, out) => run(input, out, raw.sigmoid),
    silu: (input, out) => run(input, out, raw.silu),
    tanh: (input, out) => run(input, out, raw.tanh),
    gelu: (input, out) => run(input, out, raw.gelu),
    geluTanh: (input, out) => run(input, out, raw.gelu_tanh),
    elu: (input, out, alpha, negZeroPasses) => run(input, out, (n) => raw.elu(n, alpha, negZeroPasses ? -1.401298464324817e-45 : 0)),
  };
}
