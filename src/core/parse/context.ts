/** Shared state of one `parseNumbers` call: the text, the limits and a growable value buffer. */
import { ParseError } from "./errors";
import type { ParseFormat } from "./types";

export class ParseContext {
  /** Values written so far (row-major), `data[0 .. n)`. */
  data: Float64Array;
  n = 0;
  readonly warnings: string[] = [];

  constructor(
    readonly text: string,
    readonly maxValues: number,
    readonly allowSummarized: boolean,
  ) {
    // Prints of real data take ~8–20 chars per value; start at one value per 12 chars (a 1000×1000
    // print then needs no growth) and double when needed (a dense "1,1,1" text grows 3 times).
    const guess = Math.max(16, Math.min(maxValues, Math.ceil(text.length / 12)));
    this.data = new Float64Array(Math.min(guess, maxValues));
  }

  /** Room for `k` more values, or a ParseError at `offset` beyond `maxValues`. */
  reserve(k: number, offset: number): Float64Array {
    const need = this.n + k;
    if (need > this.maxValues) {
      throw new ParseError(
        `too many values: more than ${this.maxValues} (the limit set by options.maxValues)`,
        this.text,
        offset,
      );
    }
    if (need > this.data.length) {
      let cap = this.data.length * 2;
      while (cap < need) {
        cap *= 2;
      }
      const next = new Float64Array(Math.min(cap, this.maxValues));
      next.set(this.data.subarray(0, this.n));
      this.data = next;
    }
    return this.data;
  }

  /** Appends one value. */
  push(v: number, offset: number): void {
    if (this.n >= this.data.length) {
      this.reserve(1, offset);
    }
    this.data[this.n++] = v;
  }

  /** The values as an exact-length array. */
  take(): Float64Array {
    return this.n === this.data.length ? this.data : this.data.slice(0, this.n);
  }

  error(reason: string, offset: number): ParseError {
    return new ParseError(reason, this.text, offset);
  }

  /** The error for a summarised print read without `allowSummarized`. */
  summarizedError(offset: number, family: SummaryFamily): ParseError {
    return this.error(`${summarizedReason(family)}`, offset);
  }
}

export type SummaryFamily = "numpy" | "torch" | "julia" | "unknown";

/** Which tool's print options to suggest for a format. */
export function summaryFamily(format: ParseFormat | undefined): SummaryFamily {
  switch (format) {
    case "torch-repr":
      return "torch";
    case "numpy-repr":
    case "numpy-str":
    case "tf-tensor":
    case "tf-eager-repr":
    case "jax-array":
      return "numpy";
    case "julia":
    case "julia-display":
      return "julia";
    default:
      return "unknown";
  }
}

function summarizedReason(family: SummaryFamily): string {
  const base = "the print is summarised ('...'): values are missing";
  const numpy = "np.set_printoptions(threshold=sys.maxsize) (numpy, also for TensorFlow and JAX prints)";
  const torch = 'torch.set_printoptions(profile="full")';
  switch (family) {
    case "numpy":
      return `${base}. Print it in full with ${numpy}, or read what is there with allowSummarized`;
    case "torch":
      return `${base}. Print it in full with ${torch}, or read what is there with allowSummarized`;
    case "julia":
      return `${base}. Print it in full with show(IOContext(stdout, :limit => false), "text/plain", A), or read what is there with allowSummarized`;
    default:
      return `${base}. Print it in full with ${numpy} or ${torch}, or read what is there with allowSummarized`;
  }
}
