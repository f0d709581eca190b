import path from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import layers, { layerOf } from "../../eslint/layers.js";

const SRC = path.resolve("src");
const linter = new Linter({ configType: "flat", cwd: path.resolve(".") });
const config: Linter.Config[] = [
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser as Linter.Parser }, plugins: { dossier: layers }, rules: { "dossier/layers": "error" } },
];

/** Messages the layer rule reports for `code` written in `file` (relative to src/). */
function lint(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: path.join(SRC, file) }).map((m) => m.message);
}

describe("the layer rule", () => {
  it("names the layer of a file", () => {
    expect(layerOf(path.join(SRC, "core/types.ts"), SRC)).toBe("core");
    expect(layerOf(path.join(SRC, "adapters/telegram/x.ts"), SRC)).toBe("adapters/telegram");
    expect(layerOf(path.join(SRC, "compose.ts"), SRC)).toBe("top");
    expect(layerOf(path.join(SRC, "cli/ask.ts"), SRC)).toBe("top");
    expect(layerOf(path.resolve("test/x.ts"), SRC)).toBeNull();
  });

  it("allows imports down the layers", () => {
    expect(lint("answer/reader.ts", `import { tokenize } from "../text/tokenize.js";\nimport type { Passage } from "../core/passage.js";`)).toEqual([]);
    expect(lint("service/x.ts", `import { HybridRetriever } from "../retrieval/hybrid-retriever.js";`)).toEqual([]);
    expect(lint("adapters/discord/x.ts", `import { AdmissionRules } from "../../service/admission.js";`)).toEqual([]);
    expect(lint("compose.ts", `import { x } from "./adapters/telegram/telegram-adapter.js";`)).toEqual([]);
  });

  it("refuses imports against the arrows", () => {
    expect(lint("core/types.ts", `import { x } from "../answer/y.js";`)).toEqual([expect.stringContaining("core/ may not import answer/")]);
    expect(lint("answer/x.ts", `import type { LoadedIndex } from "../index/loaded-index.js";`)).toEqual([expect.stringContaining("answer/ may not import index/")]);
    expect(lint("index/x.ts", `import { retrieve } from "../retrieval/hybrid-retriever.js";`)).toHaveLength(1);
    expect(lint("ingest/x.ts", `import { x } from "../retrieval/date-intent.js";`)).toHaveLength(1);
    expect(lint("providers/x.ts", `import { x } from "../config.js";`)).toEqual([expect.stringContaining("providers/ may not import top/")]);
    expect(lint("adapters/discord/x.ts", `import { x } from "../telegram/html.js";`)).toHaveLength(1);
    expect(lint("text/x.ts", `export { y } from "../index/top-k.js";`)).toHaveLength(1);
    expect(lint("service/x.ts", `const m = await import("../providers/console-logger.js");`)).toHaveLength(1);
  });

  it("keeps platform libraries in their folders and core free of runtime imports", () => {
    expect(lint("service/x.ts", `import { Client } from "discord.js";`)).toEqual([expect.stringContaining("discord.js lives in src/adapters/discord")]);
    expect(lint("adapters/discord/x.ts", `import { Client } from "discord.js";`)).toEqual([]);
    expect(lint("adapters/discord/x.ts", `import { Telegraf } from "telegraf";`)).toHaveLength(1);
    expect(lint("retrieval/x.ts", `import hnswlib from "hnswlib-node";`)).toHaveLength(1);
    expect(lint("index/x.ts", `import hnswlib from "hnswlib-node";`)).toEqual([]);
    expect(lint("answer/x.ts", `import { ChatOpenAI } from "@langchain/openai";`)).toHaveLength(1);
    expect(lint("providers/x.ts", `import { ChatOpenAI } from "@langchain/openai";`)).toEqual([]);
    expect(lint("core/x.ts", `import fs from "node:fs";`)).toEqual([expect.stringContaining("core/ holds types and interfaces only")]);
  });
});
