// One esbuild script for every bundle: the extension host (node, cjs, `vscode` external), the webview
// bundles (browser, iife) and the integration tests (node, cjs; mocha & co. stay in node_modules).
// Flags: --production (minified, no sourcemaps: what the .vsix ships), --watch.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** Webview bundles: name -> entry. */
export const WEBVIEWS = { panel: "src/webview/panel/main.ts" };

function listTests(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: production ? false : "linked",
  minify: production,
  legalComments: "none",
  logLevel: "warning",
};

const configs = [
  {
    ...common,
    entryPoints: { extension: "src/extension/extension.ts" },
    outdir: "dist",
    platform: "node",
    format: "cjs",
    target: "node18",
    external: ["vscode"],
  },
  {
    ...common,
    entryPoints: WEBVIEWS,
    outdir: "dist/webview",
    platform: "browser",
    format: "iife",
    target: ["chrome114"],
  },
];
if (!production) {
  configs.push({
    ...common,
    sourcemap: "inline",
    entryPoints: listTests(path.join(root, "test", "integration")).map((f) => path.relative(root, f)),
    outbase: "test/integration",
    outdir: "out/test/integration",
    platform: "node",
    format: "cjs",
    target: "node18",
    packages: "external",
    external: ["vscode"],
  });
}

fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
const t0 = Date.now();
if (watch) {
  for (const c of configs) {
    const ctx = await esbuild.context(c);
    await ctx.watch();
  }
  console.log("[build] watching for changes…");
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`[build] ${production ? "production" : "development"} bundles in ${Date.now() - t0} ms`);
}
