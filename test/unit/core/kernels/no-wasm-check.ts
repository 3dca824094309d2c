/**
 * Run by resident.test.ts in a child `node --jitless` (no WebAssembly global): prints, as the last line of
 * JSON, what the kernels' resident API does where WebAssembly is unavailable.
 */
import {
  applyActivation,
  createResidentF32,
  reserveResidentF32,
  residentAvailable,
  residentStats,
  wasmKernelsAvailable,
} from "../../../../src/core/kernels/index";

console.log(
  JSON.stringify({
    wasm: wasmKernelsAvailable(),
    available: residentAvailable(),
    created: typeof createResidentF32(4),
    reserved: reserveResidentF32(4),
    stats: typeof residentStats(),
    relu: Array.from(applyActivation("relu", Float32Array.of(-1, 2, -3))),
  }),
);
