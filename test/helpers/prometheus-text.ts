/**
 * A small parser for the Prometheus text exposition format (version 0.0.4), strict enough that a
 * malformed `/metrics` page fails the test: every sample must belong to a family announced by
 * `# HELP` and `# TYPE` lines, label values are unescaped, values are numbers.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram" | "summary" | "untyped";
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
const SUFFIXES = ["_bucket", "_sum", "_count", "_total", "_created"];

function parseValue(raw: string): number {
  // Go's ParseFloat rules, which Prometheus uses: Inf and NaN in any case (prom-client writes "Nan").
  if (/^\+?inf$/i.test(raw)) return Infinity;
  if (/^-inf$/i.test(raw)) return -Infinity;
  if (/^nan$/i.test(raw)) return NaN;
  const n = Number(raw);
  if (raw === "" || Number.isNaN(n)) throw new Error(`not a number: ${raw}`);
  return n;
}

function parseLabels(raw: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  if (raw === undefined || raw.trim() === "") return labels;
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < raw.length) {
    const m = LABEL.exec(raw);
    if (m === null) throw new Error(`bad labels: {${raw}}`);
    labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
  }
  return labels;
}

/** Families by name; throws on any line that is not valid exposition text. */
export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const family = (name: string) => {
    let f = families.get(name);
    if (f === undefined) families.set(name, (f = { name, help: "", type: "untyped", samples: [] }));
    return f;
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (line.startsWith("# HELP ")) {
      const [, name = "", help = ""] = /^# HELP (\S+) ?(.*)$/.exec(line) ?? [];
      if (!NAME.test(name)) throw new Error(`bad HELP line: ${line}`);
      family(name).help = help;
      continue;
    }
    if (line.startsWith("# TYPE ")) {
      const [, name = "", type = ""] = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line) ?? [];
      if (!NAME.test(name)) throw new Error(`bad TYPE line: ${line}`);
      family(name).type = type as MetricFamily["type"];
      continue;
    }
    if (line.startsWith("#")) continue;
    const m = SAMPLE.exec(line);
    if (m === null) throw new Error(`bad sample line: ${line}`);
    const name = m[1] as string;
    const owner =
      families.get(name) ??
      SUFFIXES.map((s) => (name.endsWith(s) ? families.get(name.slice(0, -s.length)) : undefined)).find((f) => f !== undefined);
    if (owner === undefined) throw new Error(`sample without HELP/TYPE: ${line}`);
    owner.samples.push({ name, labels: parseLabels(m[2]), value: parseValue(m[3] as string) });
  }
  for (const f of families.values()) if (f.help === "" || f.type === "untyped") throw new Error(`family ${f.name} lacks HELP or TYPE`);
  return families;
}

/** The value of the one sample with this name and exactly these labels, or undefined. */
export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const f of families.values()) {
    for (const s of f.samples) {
      if (s.name !== name) continue;
      const keys = Object.keys(s.labels);
      if (keys.length === Object.keys(labels).length && keys.every((k) => s.labels[k] === labels[k])) return s.value;
    }
  }
  return undefined;
}
