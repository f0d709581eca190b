// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // House rule 1: core/ and answer/ never import a platform library.
    files: ["src/core/**/*.ts", "src/answer/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["discord.js", "telegraf", "telegraf/*", "@discordjs/*"] }],
    },
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
