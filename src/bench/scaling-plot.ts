/**
 * A hand-written SVG of the scaling sweep: latency (p50/p99) and resident memory against corpus
 * size, two small line charts with labelled axes and the targets drawn in. No plotting library:
 * the file is plain text, reviewable in a diff.
 */

export interface ScalingPoint {
  articles: number;
  latencyMs: { dossierP50: number; dossierP99: number; denseP50: number; denseP99: number; bm25P50: number };
  rssMb: { dossier: number | null; dense: number | null; bm25: number | null };
}

interface Series {
  label: string;
  colour: string;
  dashed?: boolean;
  values: (number | null)[];
}

const W = 420;
const H = 300;
const M = { left: 58, right: 16, top: 34, bottom: 78 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function chart(options: { x0: number; title: string; yLabel: string; sizes: number[]; series: Series[]; target?: { value: number; label: string } }): string {
  const { x0, sizes, series } = options;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const yMax = niceMax(Math.max(...all, options.target?.value ?? 0) * 1.05);
  // x on a log scale: corpus sizes span orders of magnitude.
  const lx = sizes.map((s) => Math.log10(s));
  const xMin = Math.min(...lx);
  const xMax = Math.max(...lx);
  const X = (n: number) => x0 + M.left + (xMax === xMin ? pw / 2 : ((Math.log10(n) - xMin) / (xMax - xMin)) * pw);
  const Y = (v: number) => M.top + ph - (v / yMax) * ph;
  const out: string[] = [];
  out.push(`<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(options.title)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x0 + M.left - 6}" y="${Y(v) + 4}" text-anchor="end" font-size="11">${Number(v.toPrecision(3))}</text>`);
  }
  for (const n of sizes) {
    out.push(`<line x1="${X(n)}" x2="${X(n)}" y1="${M.top + ph}" y2="${M.top + ph + 4}" stroke="#333"/>`);
    out.push(`<text x="${X(n)}" y="${M.top + ph + 17}" text-anchor="middle" font-size="11">${n >= 1000 ? `${n / 1000}k` : n}</text>`);
  }
  out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#333"/>`);
  out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#333"/>`);
  out.push(`<text x="${x0 + M.left + pw / 2}" y="${M.top + ph + 34}" text-anchor="middle" font-size="12">generated articles (log scale)</text>`);
  out.push(`<text transform="translate(${x0 + 14} ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(options.yLabel)}</text>`);
  if (options.target !== undefined) {
    const y = Y(options.target.value);
    out.push(`<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${y}" y2="${y}" stroke="#c00" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${x0 + M.left + pw - 2}" y="${y - 4}" text-anchor="end" font-size="10" fill="#c00">${esc(options.target.label)}</text>`);
  }
  series.forEach((s, i) => {
    const pts = s.values.map((v, j) => (v === null ? null : `${X(sizes[j] ?? 1).toFixed(1)},${Y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
    const dash = s.dashed === true ? ` stroke-dasharray="6 3"` : "";
    out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2"${dash} points="${pts.join(" ")}"/>`);
    for (const p of pts) {
      const [cx, cy] = p.split(",");
      out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${s.colour}"/>`);
    }
    const lyOffset = M.top + ph + 50 + Math.floor(i / 2) * 14;
    const lxOffset = x0 + M.left + (i % 2) * (pw / 2);
    out.push(`<line x1="${lxOffset}" x2="${lxOffset + 18}" y1="${lyOffset - 4}" y2="${lyOffset - 4}" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lxOffset + 22}" y="${lyOffset}" font-size="11">${esc(s.label)}</text>`);
  });
  return out.join("\n");
}

/** The two charts side by side, as an SVG document. */
export function scalingSvg(points: readonly ScalingPoint[]): string {
  const sizes = points.map((p) => p.articles);
  const latency = chart({
    x0: 0,
    title: "Latency per question (in-process)",
    yLabel: "milliseconds",
    sizes,
    target: { value: 30, label: "p99 target 30 ms" },
    series: [
      { label: "dossier p50", colour: "#1f77b4", values: points.map((p) => p.latencyMs.dossierP50) },
      { label: "dossier p99", colour: "#1f77b4", dashed: true, values: points.map((p) => p.latencyMs.dossierP99) },
      { label: "HNSWLib p50", colour: "#ff7f0e", values: points.map((p) => p.latencyMs.denseP50) },
      { label: "HNSWLib p99", colour: "#ff7f0e", dashed: true, values: points.map((p) => p.latencyMs.denseP99) },
    ],
  });
  const memory = chart({
    x0: W,
    title: "Resident memory after answering",
    yLabel: "MB (RSS)",
    sizes,
    target: { value: 500, label: "target 500 MB at 50k" },
    series: [
      { label: "dossier", colour: "#1f77b4", values: points.map((p) => p.rssMb.dossier) },
      { label: "HNSWLib", colour: "#ff7f0e", values: points.map((p) => p.rssMb.dense) },
      { label: "BM25 only", colour: "#2ca02c", values: points.map((p) => p.rssMb.bm25) },
    ],
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W * 2}" height="${H}" viewBox="0 0 ${W * 2} ${H}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${latency}\n${memory}\n</svg>\n`;
}
