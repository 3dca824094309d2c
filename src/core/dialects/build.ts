/** Small constructors that keep the per-framework tables readable. */
import type { Dialect, ParamValue, Params } from "../types";
import type { ArgSpec, DialectForm, FormKind, ReluFamily } from "./types";

/** The input tensor argument. */
export function input(name = "x"): ArgSpec {
  return { name, input: true };
}

/** An argument mapped to PyTorch parameter `torch` (same name when omitted). */
export function arg(name: string, torch: string = name, opts: Omit<ArgSpec, "name" | "torch"> = {}): ArgSpec {
  return { name, torch, ...opts };
}

/** An argument that does not shape the curve (`inplace`, `dim`, `axis`, `name`): read and ignored. */
export function ignored(name: string, opts: Omit<ArgSpec, "name" | "torch"> = {}): ArgSpec {
  return { name, ...opts };
}

/** An argument with no PyTorch counterpart whose `neutral` value leaves PyTorch's curve unchanged. */
export function neutral(name: string, value: ParamValue, opts: Omit<ArgSpec, "name" | "torch" | "neutral"> = {}): ArgSpec {
  return { name, neutral: value, ...opts };
}

export interface FormExtras {
  readonly defaults?: Params;
  readonly optionsObject?: boolean;
  readonly reluFamily?: ReluFamily;
  readonly variant?: string;
  readonly notes?: readonly string[];
}

/** Builds forms of one dialect. */
export function formsOf(dialect: Dialect) {
  const make =
    (kind: FormKind) =>
    (
      id: string,
      names: string | readonly string[],
      modules: readonly string[],
      args: readonly ArgSpec[] = [],
      extras: FormExtras = {},
    ): DialectForm => ({
      id,
      dialect,
      kind,
      names: typeof names === "string" ? [names] : names,
      modules,
      args,
      defaults: extras.defaults ?? {},
      ...(extras.optionsObject ? { optionsObject: true } : {}),
      ...(extras.reluFamily ? { reluFamily: extras.reluFamily } : {}),
      ...(extras.variant ? { variant: extras.variant } : {}),
      ...(extras.notes ? { notes: extras.notes } : {}),
    });
  const stringForm = make("string");
  return {
    fn: make("function"),
    layer: make("layer"),
    method: make("method"),
    /** Activation identifier strings: `str(id, names, defaults?)`. */
    str: (id: string, names: string | readonly string[], defaults: Params = {}, variant?: string): DialectForm =>
      stringForm(id, names, [], [], variant ? { defaults, variant } : { defaults }),
  };
}
