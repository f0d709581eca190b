/**
 * Small inline SVG charts for the HTML report — no script, no library, no network: bars per day
 * (answered and refused stacked), horizontal bars (per platform) and a split bar (outcomes). Each
 * scales to its container (viewBox) and carries a title for screen readers; every text is escaped.
 */
import { escapeHtml } from "./escape-html.js";

export interface StackedBar {
  label: string;
  /** Bottom to top. */
  values: readonly number[];
  /** Tooltip of the bar. */
  title: string;
}

export interface Series {
  name: string;
  color: string;
}

export interface LabelledValue {
  label: string;
  value: number;
  color: string;
}

const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="#2d3748"`;

/**
 * The top of a count axis: the smallest round number at or above `max` (at least 1) whose half is
 * a whole number too (below 10: 1, 2, 4, 6, 8, 10; then 1, 2 or 5 × 10^k), so the ticks read 0, half, top.
 */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const steps = power === 1 ? [2, 4, 6, 8, 10] : [1, 2, 5, 10];
  for (const step of steps) if (step * power >= max) return step * power;
  return 10 * power;
}

function legend(series: readonly Series[], x: number, y: number): string {
  let at = x;
  return series
    .map((s) => {
      const item = `<rect x="${at}" y="${y - 10}" width="12" height="12" rx="2" fill="${s.color}"/><text x="${at + 17}" y="${y}">${escapeHtml(s.name)}</text>`;
      at += 30 + s.name.length * 7;
      return item;
    })
    .join("");
}

/** Vertical stacked bars with a value axis and a date label every few bars. */
export function stackedBarsSvg(bars: readonly StackedBar[], series: readonly Series[], title: string): string {
  const width = 1000;
  const height = 260;
  const left = 44;
  const right = 12;
  const top = 34;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.values.reduce((s, v) => s + v, 0))));
  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.max(1, Math.min(48, slot * 0.78));
  const every = Math.max(1, Math.ceil(bars.length / 12));
  const parts: string[] = [];
  for (const tick of max === 1 ? [0, 1] : [0, max / 2, max]) {
    const y = top + plotH - (tick / max) * plotH;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${tick}</text>`);
  }
  bars.forEach((b, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = top + plotH;
    const segments = b.values.map((v, s) => {
      const h = (v / max) * plotH;
      y -= h;
      return h <= 0 ? "" : `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${series[s]?.color ?? "#a0aec0"}"/>`;
    });
    parts.push(`<g><title>${escapeHtml(b.title)}</title>${segments.join("")}</g>`);
    if (i % every === 0) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle">${escapeHtml(b.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#a0aec0"/>`);
  parts.push(legend(series, left, 16));
  return svg(width, height, title, parts);
}

/** One horizontal bar per item, with its value at the end. */
export function horizontalBarsSvg(items: readonly LabelledValue[], title: string): string {
  const width = 480;
  const row = 30;
  const labelW = 110;
  const valueW = 50;
  const height = Math.max(1, items.length) * row + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const parts = items.map((item, i) => {
    const y = 6 + i * row;
    const w = ((width - labelW - valueW) * item.value) / max;
    return (
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(item.label)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${Math.max(w, item.value > 0 ? 2 : 0).toFixed(1)}" height="${row - 10}" rx="3" fill="${item.color}"><title>${escapeHtml(`${item.label}: ${item.value}`)}</title></rect>` +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}">${item.value}</text>`
    );
  });
  return svg(width, height, title, parts);
}

/** One bar split by share (outcomes), with a legend of counts and percentages below. */
export function splitBarSvg(parts: readonly LabelledValue[], title: string): string {
  const width = 480;
  const total = parts.reduce((s, p) => s + p.value, 0);
  const shown = parts.filter((p) => p.value > 0);
  const out: string[] = [];
  let x = 0;
  for (const p of shown) {
    const w = (width * p.value) / Math.max(total, 1);
    out.push(`<rect x="${x.toFixed(1)}" y="4" width="${w.toFixed(1)}" height="30" fill="${p.color}"><title>${escapeHtml(`${p.label}: ${p.value}`)}</title></rect>`);
    x += w;
  }
  if (total === 0) out.push(`<rect x="0" y="4" width="${width}" height="30" fill="#edf2f7"/>`);
  parts.forEach((p, i) => {
    const y = 58 + i * 22;
    const share = total === 0 ? 0 : Math.round((p.value / total) * 1000) / 10;
    out.push(`<rect x="0" y="${y - 11}" width="12" height="12" rx="2" fill="${p.color}"/><text x="18" y="${y}">${escapeHtml(p.label)}</text>`);
    out.push(`<text x="${width}" y="${y}" text-anchor="end">${p.value} (${share}%)</text>`);
  });
  return svg(width, 58 + parts.length * 22, title, out);
}

function svg(width: number, height: number, title: string, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}" ${FONT}><title>${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}
