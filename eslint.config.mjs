// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "assert", "buffer", "child_process", "crypto", "events", "fs", "fs/promises", "http", "https", "module",
  "net", "os", "path", "perf_hooks", "process", "stream", "url", "util", "worker_threads", "zlib",
];

/** Pure code: runs in the extension host, a web worker and the webviews. */
const pureRestriction = {
  "no-restricted-imports": [
    "error",
    {
      paths: [
        { name: "vscode", message: "src/core and src/webview must not import vscode (see ARCHITECTURE.md)." },
        ...nodeBuiltins.map((name) => ({ name, message: "src/core and src/webview must not import Node built-ins." })),
      ],
      patterns: [{ group: ["node:*"], message: "src/core and src/webview must not import Node built-ins." }],
    },
  ],
};

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", ".vscode-test/**", "test-results/**", "bench/.tmp/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mjs"],
    rules: {
      curly: ["error", "all"],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/core/**/*.ts", "src/webview/**/*.ts", "src/shared/**/*.ts"], rules: pureRestriction },
  {
    files: ["scripts/**/*.mjs", "eslint.config.mjs", "test/**/*.mjs"],
    languageOptions: {
      // Node globals, plus the browser ones used inside page.evaluate callbacks of the test host.
      globals: { process: "readonly", console: "readonly", URL: "readonly", URLSearchParams: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly", fetch: "readonly", requestAnimationFrame: "readonly", Event: "readonly" },
    },
  },
);
