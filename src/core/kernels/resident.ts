/**
 * Resident float32 arrays: Float32Arrays that live in the WebAssembly kernels' own memory, so the kernels
 * read and write them in place with no copy — the footing tfjs-backend-wasm gives its resident tensors.
 *
 * Memory design (why `.array` is a getter):
 * - The kernels' memory is pages 0–2 (constants, work buffer) followed by a heap from byte 196608, managed here
 *   by a first-fit free list (blocks aligned to 64 bytes, a cache line; neighbouring free blocks coalesce).
 * - `WebAssembly.Memory.grow` replaces `memory.buffer` and DETACHES every view of the old buffer (their
 *   length becomes 0). The memory grows only inside {@link createResidentF32} / {@link reserveResidentF32},
 *   never inside a kernel call. Each {@link ResidentF32} re-derives its view on access: `r.array` (or
 *   `r.view()`) is always a live view. A Float32Array obtained earlier and kept in a variable stays valid
 *   until the next allocation that grows the memory; re-read `r.array` after allocating, or reserve the
 *   space up front with {@link reserveResidentF32} (then allocations within it never grow the memory).
 * - Growth is geometric (at least doubling the heap, at most 256 MiB at a time) so that growths, and thus
 *   detachments, are rare; the memory is capped at 2 GiB (allocation beyond throws a RangeError).
 * - `free()` returns the block to the free list (reused by later allocations; the memory itself never
 *   shrinks: WebAssembly memories cannot). Using a freed array throws; `free()` twice is a no-op.
 * - New arrays are zero-filled, like `new Float32Array(n)`.
 * - Single-threaded: the memory is not shared; each realm (extension host, each webview) has its own.
 */
import { WASM_CHUNK, WASM_WORK_BASE, wasmF32Kernels, type WasmMemory } from "./wasm-runtime";

/** A float32 array living in the kernels' WebAssembly memory. */
export interface ResidentF32 {
  /** Number of floats. */
  readonly length: number;
  /** Byte address of element 0 in the kernels' memory (a multiple of 64). */
  readonly byteOffset: number;
  /**
   * A live Float32Array view of the data (length `length`), re-derived when the memory has grown since the
   * last access. Throws after `free()`.
   */
  readonly array: Float32Array;
  /** Same as `array`. */
  view(): Float32Array;
  /** Whether `free()` was called. */
  readonly freed: boolean;
  /** Returns the space to the allocator; the object (and views of it) must not be used afterwards. */
  free(): void;
}

/** Byte address where the heap starts: after the kernels' constants and work buffer (see kernels.wat). */
export const RESIDENT_HEAP_BASE = WASM_WORK_BASE + 4 * WASM_CHUNK;
/** Alignment of every block, in bytes (a cache line). */
export const RESIDENT_ALIGN = 64;
const PAGE = 65536;
/** The memory's largest size: 2 GiB (32768 pages) keeps every address and address + 64 below 2^31. */
const MAX_PAGES = 32768;
/** Largest single growth step, in pages (256 MiB). */
const MAX_STEP_PAGES = 4096;

interface Block {
  start: number;
  size: number;
}

/** The heap's state, per realm, created with the kernels' memory. */
interface Heap {
  memory: WasmMemory;
  /** Free blocks, sorted by address, never adjacent (coalesced). */
  free: Block[];
  /** Bytes handed out and not freed. */
  used: number;
  /** Live blocks. */
  live: number;
}

let heap: Heap | null | undefined;

function getHeap(): Heap | undefined {
  if (heap === undefined) {
    const k = wasmF32Kernels();
    if (k === undefined) {
      heap = null;
    } else {
      const end = k.memory.buffer.byteLength;
      heap = {
        memory: k.memory,
        free: end > RESIDENT_HEAP_BASE ? [{ start: RESIDENT_HEAP_BASE, size: end - RESIDENT_HEAP_BASE }] : [],
        used: 0,
        live: 0,
      };
    }
  }
  return heap ?? undefined;
}

/** Whether resident arrays can be created here (the WebAssembly SIMD kernels are available). */
export function residentAvailable(): boolean {
  return getHeap() !== undefined;
}

/** Whether `a` is a view into the kernels' memory (then the kernels use it without copying). */
export function isResidentView(a: ArrayBufferView): boolean {
  const h = getHeap();
  return h !== undefined && a.buffer === h.memory.buffer;
}

/**
 * Allocates a zero-filled resident Float32Array of `length` floats; `undefined` where WebAssembly SIMD is
 * unavailable (use a plain Float32Array and `applyActivation` then). May grow the memory, which detaches
 * Float32Array views kept from earlier `.array` reads (see the module comment). Throws a RangeError for a
 * length that is not a non-negative integer or does not fit in the 2 GiB memory.
 */
export function createResidentF32(length: number): ResidentF32 | undefined {
  checkLength(length);
  const h = getHeap();
  if (h === undefined) {
    return undefined;
  }
  const size = roundUp(Math.max(4 * length, 1));
  const start = take(h, size);
  h.used += size;
  h.live++;
  const r = new Resident(h, start, size, length);
  if (length > 0) {
    r.array.fill(0);
  }
  return r;
}

/**
 * Grows the memory ahead of time so that it has at least `floats` floats' worth of free space in one block
 * (beyond what is already allocated): allocations that fit in it afterwards never grow the memory, so no
 * view is detached. Returns false where resident arrays are unavailable. Throws a RangeError past 2 GiB.
 */
export function reserveResidentF32(floats: number): boolean {
  checkLength(floats);
  const h = getHeap();
  if (h === undefined) {
    return false;
  }
  const size = roundUp(4 * floats);
  if (size > 0 && !h.free.some((b) => b.size >= size)) {
    grow(h, size);
  }
  return true;
}

/** Allocator figures: memory size, bytes and blocks in use, free bytes and free blocks (for tests/diagnostics). */
export function residentStats():
  { memoryBytes: number; usedBytes: number; liveBlocks: number; freeBytes: number; freeBlocks: number } | undefined {
  const h = getHeap();
  if (h === undefined) {
    return undefined;
  }
  return {
    memoryBytes: h.memory.buffer.byteLength,
    usedBytes: h.used,
    liveBlocks: h.live,
    freeBytes: h.free.reduce((s, b) => s + b.size, 0),
    freeBlocks: h.free.length,
  };
}

class Resident implements ResidentF32 {
  private cached: Float32Array | undefined;
  private isFreed = false;

  constructor(
    private readonly heap: Heap,
    readonly byteOffset: number,
    private readonly size: number,
    readonly length: number,
  ) {}

  get array(): Float32Array {
    if (this.isFreed) {
      throw new Error("ResidentF32: used after free()");
    }
    const buf = this.heap.memory.buffer;
    if (this.cached === undefined || this.cached.buffer !== buf) {
      this.cached = new Float32Array(buf, this.byteOffset, this.length);
    }
    return this.cached;
  }

  view(): Float32Array {
    return this.array;
  }

  get freed(): boolean {
    return this.isFreed;
  }

  free(): void {
    if (this.isFreed) {
      return;
    }
    this.isFreed = true;
    this.cached = undefined;
    this.heap.used -= this.size;
    this.heap.live--;
    release(this.heap, this.byteOffset, this.size);
  }
}

function checkLength(n: number): void {
  if (!(Number.isInteger(n) && n >= 0 && n <= (MAX_PAGES * PAGE) / 4)) {
    throw new RangeError(`resident array length must be an integer in [0, ${(MAX_PAGES * PAGE) / 4}], got ${n}`);
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / RESIDENT_ALIGN) * RESIDENT_ALIGN;
}

/** First fit: carves `size` bytes from the first free block large enough, growing the memory if none is. */
function take(h: Heap, size: number): number {
  let i = h.free.findIndex((b) => b.size >= size);
  if (i < 0) {
    grow(h, size);
    i = h.free.findIndex((b) => b.size >= size);
  }
  const b = h.free[i];
  const start = b.start;
  if (b.size === size) {
    h.free.splice(i, 1);
  } else {
    b.start += size;
    b.size -= size;
  }
  return start;
}

/** Puts [start, start + size) back on the free list, merging it with free neighbours. */
function release(h: Heap, start: number, size: number): void {
  const f = h.free;
  let i = 0;
  while (i < f.length && f[i].start < start) {
    i++;
  }
  const prev = i > 0 ? f[i - 1] : undefined;
  const next = i < f.length ? f[i] : undefined;
  if (prev !== undefined && prev.start + prev.size === start) {
    prev.size += size;
    if (next !== undefined && prev.start + prev.size === next.start) {
      prev.size += next.size;
      f.splice(i, 1);
    }
  } else if (next !== undefined && start + size === next.start) {
    next.start = start;
    next.size += size;
  } else {
    f.splice(i, 0, { start, size });
  }
}

/**
 * Grows the memory so that the free block at its end (extended, or new) holds at least `size` bytes:
 * by the pages needed, or the heap's current size (doubling) when larger, at most 256 MiB beyond the need.
 */
function grow(h: Heap, size: number): void {
  const end = h.memory.buffer.byteLength;
  const last = h.free[h.free.length - 1];
  const tail = last !== undefined && last.start + last.size === end ? last.size : 0;
  const pagesNow = end / PAGE;
  const needed = Math.ceil((size - tail) / PAGE);
  let pages = Math.min(Math.max(needed, Math.min(pagesNow, MAX_STEP_PAGES)), MAX_PAGES - pagesNow);
  if (needed > MAX_PAGES - pagesNow) {
    throw new RangeError(`resident arrays: ${size} more bytes do not fit in the kernels' 2 GiB memory`);
  }
  try {
    h.memory.grow(pages);
  } catch (e) {
    // the geometric step may be refused where the exact need is not
    try {
      if (pages === needed) {
        throw e;
      }
      h.memory.grow(needed);
      pages = needed;
    } catch (e2) {
      throw new RangeError(`resident arrays: the kernels' memory could not grow by ${needed} pages (${String(e2)})`);
    }
  }
  const added = pages * PAGE;
  if (tail > 0) {
    last.size += added;
  } else {
    h.free.push({ start: end, size: added });
  }
}
