// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import layers from "./eslint/layers.js";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", ".cache/**", "coverage/**", "bench-out/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // DESIGN.md "Layers": imports point one way; discord.js, telegraf, hnswlib-node and LangChain stay in their folders.
    files: ["src/**/*.ts"],
    plugins: { dossier: layers },
    rules: { "dossier/layers": "error" },
  },
  {
    // House rule 2: only src/config.ts reads the environment.
    files: ["src/**/*.ts"],
    ignores: ["src/config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through src/config.ts." }],
    },
  },
);
