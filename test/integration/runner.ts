import fs from "node:fs";
import path from "node:path";
import Mocha from "mocha";

/**
 * Runs every `*.test.js` of one folder with mocha, inside the VS Code extension host. The contract is
 * the one `@vscode/test-electron` and the code-server launcher share: `run(): Promise<void>`, rejected
 * when a test fails. Mocha's spec reporter prints to the console, which the launcher forwards.
 */
export function runFolder(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec" });
  const grep = process.env.AL_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".test.js")).sort()) {
    mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`[integration] ${failures === 0 ? "all passed" : `${failures} failed`}`);
      if (failures > 0) {
        reject(new Error(`${failures} integration test(s) failed`));
      } else {
        resolve();
      }
    });
  });
}
