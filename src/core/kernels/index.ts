/**
 * Array kernels of the activation core: apply an activation, or its derivative, to a whole Float32Array or
 * Float64Array at once.
 *
 * Contract (both functions):
 * - Elementwise y[i] = f(x[i]) (resp. f′(x[i])) with the registry's scalar math (src/core/activations), params
 *   validated and filled with PyTorch's defaults once (invalid params throw `ActivationParamError`, unknown
 *   names `UnknownActivationError`).
 * - Float64Array: bit-identical to the scalar `f` / `df` (NaN for NaN; ±0 exactly as the scalar gives them).
 * - Float32Array: within 2 ulp of the float64 scalar rounded to float32 (`Math.fround(f(x))`), subnormal
 *   results included (ulp 2^−149); NaN propagates. This is not torch's own float32 arithmetic (which is
 *   less accurate in places, see the torch reference notes).
 * - `out` (same type and length as `input`, else TypeError / RangeError) receives the result and is returned;
 *   without it a new array of the input's type is allocated. `out` may be `input` itself (in place); other
 *   partial overlaps of the two arrays are not supported.
 * - No per-element allocation.
 * - Vector activations (softmax, log_softmax, glu; kind 'vector') work on rows of the last axis and are
 *   delegated: `applyActivation` → `applyVector`, `applyDerivative` → `vectorJvp` with the all-ones tangent,
 *   i.e. the directional derivative d/dt f(x + t·1) (0 for softmax, which ignores shifts of a row). Their
 *   `out` length follows `applyVector` (glu halves each row).
 *
 * Paths: Float32Array inputs of relu, relu6, leaky_relu, hardtanh, sigmoid, tanh, elu (alpha > 0), silu and gelu
 * (both forms) run
 * on the WebAssembly SIMD kernels where WebAssembly SIMD is usable (see wasm-runtime.ts; in a VS Code webview
 * that needs `'wasm-unsafe-eval'` in the CSP), else — and for everything else — on the JS kernels
 * (js-kernels.ts): specialised loops for relu, relu6, leaky_relu, hardtanh, elu, tanh, silu, and the scalar
 * lifted into one loop for the rest (sigmoid, gelu both forms, and every other activation).
 *
 * Copies: a Float32Array that is a view into the kernels' WebAssembly memory (a resident array, see
 * resident.ts and {@link createResidentF32}) is read or written by the kernels in place; any other array is
 * copied through the kernels' 32768-float work buffer chunk by chunk. With input and out both resident
 * (`applyActivationResident`, or `applyActivation` on their `.array` views) a call makes no copy at all.
 */
import { applyVector, vectorJvp } from "../activations/index";
import type { ActivationDefinition, ResolvedParams } from "../activations/registry";
import { getDefinition, resolveParams, UnknownActivationError } from "../activations/registry";
import type { Params } from "../types";
import {
  clampF32,
  clampF64,
  eluF32,
  eluF64,
  leakyReluF32,
  leakyReluF64,
  liftF32,
  liftF64,
  reluF32,
  reluF64,
  siluF32,
  siluF64,
  tanhF32,
  tanhF64,
} from "./js-kernels";
import { createResidentF32, type ResidentF32 } from "./resident";
import { wasmF32Kernels } from "./wasm-runtime";

export {
  createResidentF32,
  isResidentView,
  reserveResidentF32,
  residentAvailable,
  residentStats,
  type ResidentF32,
} from "./resident";

/** The array types the kernels take. */
export type KernelArray = Float32Array | Float64Array;

/** Which implementation a call may use: `auto` (WebAssembly SIMD where it applies, else JS) or `js` only. */
export type KernelPath = "auto" | "js";

/**
 * Applies activation `name` (id or alias) elementwise: returns `out` (or a new array of the input's type)
 * holding f(input[i]). See the module comment for the full contract.
 */
export function applyActivation<T extends KernelArray>(name: string, input: T, params?: Params, out?: T): T {
  return applyActivationWith("auto", name, input, params, out);
}

/**
 * Applies the derivative f′ of activation `name` elementwise (torch autograd's values at kinks, as the scalar
 * `df`): returns `out` (or a new array) holding f′(input[i]). See the module comment for the full contract.
 */
export function applyDerivative<T extends KernelArray>(name: string, input: T, params?: Params, out?: T): T {
  const def = lookup(name);
  checkArray(input, "input");
  const id = def.spec.id;
  if (def.spec.kind === "vector") {
    const ones = new (input.constructor as new (n: number) => T)(input.length).fill(1);
    return vectorJvp(id, input, ones, params, out);
  }
  const p = resolveParams(id, params);
  const y = prepareOut(input, out);
  const df = def.df;
  if (df === undefined) {
    throw new Error(`${id}: the registry has no derivative for this activation`);
  }
  if (input instanceof Float32Array) {
    liftF32(df, p, input, y as Float32Array);
  } else {
    liftF64(df, p, input as Float64Array, y as Float64Array);
  }
  return y;
}

/**
 * {@link applyActivation} with a chosen path: `js` never uses WebAssembly (the fallback, and the benchmark's
 * JS column); `auto` is what `applyActivation` does. Results obey the same contract on either path.
 */
export function applyActivationWith<T extends KernelArray>(
  path: KernelPath,
  name: string,
  input: T,
  params?: Params,
  out?: T,
): T {
  const def = lookup(name);
  checkArray(input, "input");
  const id = def.spec.id;
  if (def.spec.kind === "vector") {
    return applyVector(id, input, params, out);
  }
  const p = resolveParams(id, params);
  const y = prepareOut(input, out);
  if (input instanceof Float32Array) {
    const y32 = y as Float32Array;
    if (!(path === "auto" && applyWasmF32(id, p, input, y32))) {
      applyJsF32(def, p, input, y32);
    }
  } else {
    applyJsF64(def, p, input as Float64Array, y as Float64Array);
  }
  return y;
}

/**
 * {@link applyActivation} on resident arrays (zero copy): y = f(input) written into `out` (another resident
 * array of the same length, or `input` itself for in place), which is returned. Without `out` a new resident
 * array is allocated for the result: the caller owns it and must `free()` it. Same contract and results, bit
 * for bit, as `applyActivation` on plain Float32Arrays; activations without a WebAssembly kernel run on the
 * JS path directly on the views. Vector activations: `out` follows `applyVector` (glu needs an explicit
 * `out` of the halved length). Throws an Error for a freed array; errors leave a result allocated here freed.
 */
export function applyActivationResident(
  name: string,
  input: ResidentF32,
  params?: Params,
  out?: ResidentF32,
): ResidentF32 {
  return applyResident(applyActivation, name, input, params, out);
}

/** {@link applyDerivative} on resident arrays: f′(input) into `out` (or a new resident array); see {@link applyActivationResident}. */
export function applyDerivativeResident(
  name: string,
  input: ResidentF32,
  params?: Params,
  out?: ResidentF32,
): ResidentF32 {
  return applyResident(applyDerivative, name, input, params, out);
}

function applyResident(
  apply: (name: string, x: Float32Array, params?: Params, out?: Float32Array) => Float32Array,
  name: string,
  input: ResidentF32,
  params: Params | undefined,
  out: ResidentF32 | undefined,
): ResidentF32 {
  lookup(name);
  let y = out;
  if (y === undefined) {
    y = createResidentF32(input.length);
    if (y === undefined) {
      throw new Error("resident arrays need the WebAssembly SIMD kernels, which are unavailable here");
    }
  }
  try {
    // read both views only now: allocating y may have grown the memory
    apply(name, input.array, params, y.array);
  } catch (e) {
    if (out === undefined) {
      y.free();
    }
    throw e;
  }
  return y;
}

/** Whether the WebAssembly SIMD kernels are usable in this realm (false: every call takes the JS path). */
export function wasmKernelsAvailable(): boolean {
  return wasmF32Kernels() !== undefined;
}

function lookup(name: string): ActivationDefinition {
  const def = getDefinition(name);
  if (def === undefined) {
    throw new UnknownActivationError(name);
  }
  return def;
}

function checkArray(a: unknown, what: string): void {
  if (!(a instanceof Float32Array || a instanceof Float64Array)) {
    throw new TypeError(`${what} must be a Float32Array or a Float64Array`);
  }
}

function prepareOut<T extends KernelArray>(input: T, out: T | undefined): T {
  if (out === undefined) {
    return new (input.constructor as new (n: number) => T)(input.length);
  }
  checkArray(out, "out");
  if (out.constructor !== input.constructor) {
    throw new TypeError(`out (${out.constructor.name}) must have the input's type (${input.constructor.name})`);
  }
  if (out.length !== input.length) {
    throw new RangeError(`out has length ${out.length}, input has length ${input.length}`);
  }
  return out;
}

function n(p: ResolvedParams, name: string): number {
  return p[name] as number;
}

/** The WebAssembly path for float32; false when it does not apply (then the JS path runs). */
function applyWasmF32(id: string, p: ResolvedParams, x: Float32Array, y: Float32Array): boolean {
  const k = wasmF32Kernels();
  if (k === undefined) {
    return false;
  }
  switch (id) {
    case "relu":
      k.relu(x, y);
      return true;
    case "relu6":
      k.clamp(x, y, 0, 6);
      return true;
    case "hardtanh":
      // comparing with the bounds rounded to float32 selects the same rounded result (rounding is monotone)
      k.clamp(x, y, Math.fround(n(p, "min_val")), Math.fround(n(p, "max_val")));
      return true;
    case "leaky_relu":
      k.leakyRelu(x, y, Math.fround(n(p, "negative_slope")));
      return true;
    case "sigmoid":
      k.sigmoid(x, y);
      return true;
    case "silu":
      k.silu(x, y);
      return true;
    case "tanh":
      k.tanh(x, y);
      return true;
    case "elu": {
      const alpha = n(p, "alpha");
      if (!(alpha > 0)) {
        return false; // ±0 and the sign of alpha·expm1(x) are simplest left to the JS path
      }
      k.elu(x, y, Math.fround(alpha), true); // scalar: elu(−0) = alpha·expm1(−0) = −0 for alpha > 0
      return true;
    }
    case "gelu":
      if (p["approximate"] === "tanh") {
        k.geluTanh(x, y);
      } else {
        k.gelu(x, y);
      }
      return true;
    default:
      return false;
  }
}

function applyJsF32(def: ActivationDefinition, p: ResolvedParams, x: Float32Array, y: Float32Array): void {
  switch (def.spec.id) {
    case "relu":
      return reluF32(x, y);
    case "relu6":
      return clampF32(x, y, 0, 6);
    case "hardtanh":
      return clampF32(x, y, n(p, "min_val"), n(p, "max_val"));
    case "leaky_relu":
      return leakyReluF32(x, y, n(p, "negative_slope"));
    case "elu":
      return eluF32(x, y, n(p, "alpha"));
    case "tanh":
      return tanhF32(x, y);
    case "silu":
      return siluF32(x, y);
    default:
      return liftF32(scalarOf(def), p, x, y);
  }
}

function applyJsF64(def: ActivationDefinition, p: ResolvedParams, x: Float64Array, y: Float64Array): void {
  switch (def.spec.id) {
    case "relu":
      return reluF64(x, y);
    case "relu6":
      return clampF64(x, y, 0, 6);
    case "hardtanh":
      return clampF64(x, y, n(p, "min_val"), n(p, "max_val"));
    case "leaky_relu":
      return leakyReluF64(x, y, n(p, "negative_slope"));
    case "elu":
      return eluF64(x, y, n(p, "alpha"));
    case "tanh":
      return tanhF64(x, y);
    case "silu":
      return siluF64(x, y);
    default:
      return liftF64(scalarOf(def), p, x, y);
  }
}

function scalarOf(def: ActivationDefinition): (x: number, p: ResolvedParams) => number {
  if (def.f === undefined) {
    throw new Error(`${def.spec.id}: the registry has no scalar f for this activation`);
  }
  return def.f;
}
