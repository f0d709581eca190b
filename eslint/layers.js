// @ts-check
/**
 * The layer rule of DESIGN.md ("Layers"): imports inside src/ point one way, and the outside
 * libraries that tie us to a platform stay in the one folder that wraps them.
 *
 *   core ← text ← index ← {ingest, retrieval} ← answer ← service ← adapters
 *   providers depend on core and text only; compose.ts, main.ts, config.ts, cli/ and bench/ may
 *   import anything. answer/ never sees the index (only passages), adapters never import each other.
 */
import path from "node:path";

/** What each layer may import (itself included). */
export const ALLOWED = {
  core: ["core"],
  text: ["core", "text"],
  index: ["core", "text", "index"],
  ingest: ["core", "text", "index", "ingest"],
  retrieval: ["core", "text", "index", "retrieval"],
  answer: ["core", "text", "answer"],
  service: ["core", "text", "index", "retrieval", "answer", "service"],
  "adapters/discord": ["core", "text", "service", "adapters/discord"],
  "adapters/telegram": ["core", "text", "service", "adapters/telegram"],
  "adapters/terminal": ["core", "text", "service", "adapters/terminal"],
  providers: ["core", "text", "providers"],
  report: ["core", "text", "report"],
};

/** Outside packages that only one folder may import (a prefix of the module name → the folders). */
export const PACKAGE_HOMES = [
  { match: /^(discord\.js|@discordjs\/)/, homes: ["adapters/discord"], why: "discord.js lives in src/adapters/discord" },
  { match: /^telegraf(\/|$)/, homes: ["adapters/telegram"], why: "telegraf lives in src/adapters/telegram" },
  { match: /^hnswlib-node$/, homes: ["index"], why: "hnswlib-node lives in src/index" },
  { match: /^(langchain|@langchain\/)/, homes: ["providers", "bench"], why: "LangChain lives in src/providers (and the benchmark)" },
  { match: /^(better-sqlite3|prom-client|ioredis|pg)$/, homes: ["providers"], why: "storage and metrics clients live in src/providers" },
  { match: /^(@mozilla\/readability|linkedom|@extractus\/feed-extractor)$/, homes: ["ingest"], why: "page and feed extraction live in src/ingest" },
];

const TOP = "top";

/** The layer of a file under src/ ("top" for the composition root, cli/ and bench/), or null outside src/. */
export function layerOf(file, srcDir) {
  const rel = path.relative(srcDir, file).split(path.sep).join("/");
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const parts = rel.split("/");
  if (parts.length === 1 || parts[0] === "cli" || parts[0] === "bench") return parts[0] === "bench" ? "bench" : TOP;
  if (parts[0] === "adapters") return `adapters/${parts[1]}`;
  return parts[0] ?? null;
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layer direction of DESIGN.md; platform libraries stay in their folder." },
    schema: [{ type: "object", properties: { srcDir: { type: "string" } }, additionalProperties: false }],
    messages: {
      layer: "{{from}}/ may not import {{to}}/ (layers point one way: see DESIGN.md \"Layers\").",
      package: "{{why}}; {{from}}/ may not import {{name}}.",
      coreRuntime: "core/ holds types and interfaces only: no imports of libraries or Node modules ({{name}}).",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const srcDir = path.resolve(context.cwd, options.srcDir ?? "src");
    const file = context.filename;
    const from = layerOf(file, srcDir);
    if (from === null) return {};
    const check = (node, spec) => {
      if (typeof spec !== "string") return;
      if (spec.startsWith(".")) {
        const to = layerOf(path.resolve(path.dirname(file), spec), srcDir);
        if (to === null || from === TOP || from === "bench") return;
        const allowed = ALLOWED[from];
        if (allowed !== undefined && !allowed.includes(to)) context.report({ node, messageId: "layer", data: { from, to } });
        return;
      }
      if (from === "core") {
        context.report({ node, messageId: "coreRuntime", data: { name: spec } });
        return;
      }
      for (const p of PACKAGE_HOMES) {
        if (p.match.test(spec) && !p.homes.includes(from)) context.report({ node, messageId: "package", data: { from, name: spec, why: p.why } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers: rule } };
