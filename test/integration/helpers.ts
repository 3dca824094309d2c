import * as vscode from "vscode";
import type { ActivationLensApi } from "../../src/extension/extension";

export const EXTENSION_ID = "activation-lens.activation-lens";

export async function activateExtension(): Promise<ActivationLensApi> {
  const ext = vscode.extensions.getExtension<ActivationLensApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  }
  return await ext.activate();
}

/** Resolves with the first event that satisfies `pred`, or rejects after `ms`. */
export function nextEvent<T>(event: vscode.Event<T>, pred: (e: T) => boolean = () => true, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for an event`));
    }, ms);
    const sub = event((e) => {
      if (pred(e)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      }
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
