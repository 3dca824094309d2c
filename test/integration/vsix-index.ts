import path from "node:path";
import { runFolder } from "./runner";

/** Entry for the extension host when Activation Lens is installed from its .vsix. */
export function run(): Promise<void> {
  return runFolder(path.join(__dirname, "vsix"));
}
