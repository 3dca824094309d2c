import path from "node:path";
import { runFolder } from "./runner";

/** Entry for the extension host (extensionTestsPath): the suites of the development extension. */
export function run(): Promise<void> {
  return runFolder(path.join(__dirname, "suite"));
}
