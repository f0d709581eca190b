/**
 * The content-gap report as one standalone HTML page: inline CSS and SVG only (a Content Security
 * Policy forbids loading anything), so it opens offline and can be mailed around. Every question
 * and path is escaped: the page shows what users typed.
 */
import type { GapReport } from "./build-report.js";
import { escapeHtml as e } from "./escape-html.js";
import { percent, reasonText } from "./format-text.js";
import { horizontalBarsSvg, splitBarSvg, stackedBarsSvg } from "./svg-charts.js";

export const COLORS = { grounded: "#2f855a", notCovered: "#dd6b20", outOfScope: "#718096", unsupportedLanguage: "#805ad5", platform: "#3182ce" };

const CSS = `
*{box-sizing:border-box}body{margin:0;background:#f7fafc;color:#1a202c;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1100px;margin:0 auto;padding:28px 24px 48px}h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 12px}
.sub{color:#4a5568;margin:0 0 22px}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-bottom:20px}
.card,section{background:#fff;border:1px solid #e2e8f0;border-radius:8px}.card{padding:12px 14px}.card b{display:block;font-size:24px}
.card span{color:#4a5568;font-size:13px}section{padding:16px 18px;margin-bottom:18px}.two{display:grid;grid-template-columns:1fr 1fr;gap:18px}
.two section{margin-bottom:0}.two{margin-bottom:18px}@media(max-width:760px){.two{grid-template-columns:1fr}main{padding:18px 10px 32px}section{padding:12px}}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:7px 8px;border-bottom:1px solid #edf2f7;vertical-align:top}
th{font-size:13px;color:#4a5568;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;width:1%}
.label{font-weight:600}.q{color:#2d3748}details summary{cursor:pointer;color:#3182ce;font-size:13px}details ul{margin:6px 0 0;padding-left:18px}
code{font-size:13px;overflow-wrap:anywhere}.scroll{overflow-x:auto}section{min-width:0}.none{color:#718096}.note{color:#718096;font-size:13px;margin:8px 0 0}`;

function card(value: string, label: string): string {
  return `<div class="card"><b>${e(value)}</b><span>${e(label)}</span></div>`;
}

function gapsTable(report: GapReport): string {
  if (report.gaps.length === 0) return `<p class="none">No unanswered questions in this period.</p>`;
  const rows = report.gaps.map((t) => {
    const others = t.questions.filter((q) => q !== t.example.trim());
    const more = others.length === 0 ? "" : `<details><summary>${others.length} more question(s)</summary><ul>${others.map((q) => `<li>${e(q)}</li>`).join("")}</ul></details>`;
    return `<tr><td class="n">${t.count}</td><td class="label">${e(t.label)}</td><td class="n">${t.askers > 0 ? t.askers : "—"}</td><td class="q">${e(t.example)}${more}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>Questions</th><th>Topic</th><th>Askers</th><th>Example</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function citedTable(report: GapReport): string {
  if (report.mostCited.length === 0) return `<p class="none">No article was cited in this period.</p>`;
  const rows = report.mostCited.map((a) => `<tr><td class="n">${a.count}</td><td><code>${e(a.path)}</code></td></tr>`);
  return `<div class="scroll"><table><thead><tr><th>Answers</th><th>Article</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function downvotedTable(report: GapReport): string {
  if (report.downvoted.length === 0) return `<p class="none">No answer was voted down in this period.</p>`;
  const rows = report.downvoted.map((d) => {
    const outcome = d.grounded ? d.citedPaths.map((p) => `<code>${e(p)}</code>`).join("<br>") || "—" : `refused: ${e(reasonText(d.reason))}`;
    return `<tr><td class="n">−${d.down} / +${d.up}</td><td class="n">${e(d.at.slice(0, 10))}</td><td class="q">${e(d.question)}</td><td>${outcome}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>Votes</th><th>Day</th><th>Question</th><th>Answer cited</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

export function renderReportHtml(report: GapReport): string {
  const t = report.totals;
  const period = report.period === null ? "no questions yet" : report.period.from === report.period.to ? report.period.from : `${report.period.from} – ${report.period.to}`;
  const since = report.since === null ? "" : ` · since ${report.since}`;
  const days = stackedBarsSvg(
    report.perDay.map((d) => ({ label: d.date.slice(5), values: [d.grounded, d.refused], title: `${d.date}: ${d.questions} question(s), ${d.refused} refused` })),
    [
      { name: "answered", color: COLORS.grounded },
      { name: "refused", color: COLORS.notCovered },
    ],
    "Questions per day",
  );
  const platforms = horizontalBarsSvg(
    report.perPlatform.map((p) => ({ label: p.platform, value: p.questions, color: COLORS.platform })),
    "Questions per platform",
  );
  const outcomes = splitBarSvg(
    [
      { label: "answered from the articles", value: t.grounded, color: COLORS.grounded },
      { label: "not covered", value: t.notCovered, color: COLORS.notCovered },
      { label: "out of scope", value: t.outOfScope, color: COLORS.outOfScope },
      { label: "unsupported language", value: t.unsupportedLanguage, color: COLORS.unsupportedLanguage },
    ],
    "Outcomes",
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>dossier — question log report (${e(period)})</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Question log report</h1>
<p class="sub">${e(period)}${e(since)} · generated ${e(report.generatedAt.slice(0, 16).replace("T", " "))} UTC</p>
<div class="cards">
${card(String(t.questions), "questions")}
${card(String(t.askers), "askers")}
${card(percent(t.refusalRate), `refused (${t.refused})`)}
${card(String(t.notCovered), "not covered")}
${card(percent(t.llmFallbackRate), `LLM fallback (${t.llmFallbacks})`)}
${card(`+${t.upVotes} / −${t.downVotes}`, "votes")}
</div>
<section><h2>Not covered by the articles</h2>${gapsTable(report)}
<p class="note">Questions the articles did not answer, grouped by shared rare words (stemmed, stopwords dropped; names weigh more, places less).</p></section>
${
  t.questions === 0
    ? `<section><h2>Traffic</h2><p class="none">No questions were logged in this period.</p></section>`
    : `<section><h2>Questions per day <small class="none">(UTC)</small></h2>${days}</section>
<div class="two">
<section><h2>Per platform</h2>${platforms}</section>
<section><h2>Outcomes</h2>${outcomes}</section>
</div>`
}
<section><h2>Most-cited articles</h2>${citedTable(report)}</section>
<section><h2>Downvoted answers</h2>${downvotedTable(report)}</section>
</main>
</body>
</html>
`;
}
