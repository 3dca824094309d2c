/**
 * Errors thrown by the activation registry. Messages always start with the activation id, then say which
 * parameter is wrong and why, e.g. `hardtanh: min_val (2) must be less than max_val (1)`.
 */

/** A parameter was unknown, of the wrong type, or out of range (or a vector input had the wrong shape). */
export class ActivationParamError extends Error {
  /** Canonical id of the activation (or the name as given when it did not resolve). */
  readonly activation: string;
  /** The offending parameter, when one parameter is to blame. */
  readonly param?: string;

  constructor(activation: string, param: string | undefined, reason: string) {
    super(`${activation}: ${reason}`);
    this.name = "ActivationParamError";
    this.activation = activation;
    if (param !== undefined) {
      this.param = param;
    }
  }
}

/** No activation has this id or alias. */
export class UnknownActivationError extends Error {
  readonly activation: string;

  constructor(name: string, detail?: string) {
    super(`unknown activation '${name}'${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "UnknownActivationError";
    this.activation = name;
  }
}
