import { describe, expect, it } from "vitest";
import { formatAnswer, formatCitation } from "../../../src/adapters/telegram/format-answer.js";
import { formatSources, formatStart } from "../../../src/adapters/telegram/format-sources.js";
import { escapeHtml, formatDate } from "../../../src/adapters/telegram/html.js";
import { packBlocks, splitPlainText } from "../../../src/adapters/telegram/split-message.js";
import { SAMPLE_CITATION, SAMPLE_CORPUS, makeAnswer } from "../../fakes/telegram-answer-service.js";
import { parseTelegramHtml } from "../../fakes/telegram-html.js";

describe("formatAnswer", () => {
  it("renders answer, then numbered sources with outlet, date, linked title and quote", () => {
    const [part, ...rest] = formatAnswer(makeAnswer("q", "Muradil Jumadilde chairs it [1]."));
    expect(rest).toEqual([]);
    expect(part!.html).toBe(
      "Muradil Jumadilde chairs it [1].\n\n<b>Sources</b>\n[1] <b>AZERTAC</b> · 4 Nov 2025 · " +
        '<a href="https://azertag.az/en/xeber/kyrgyz_trade_unions-1">Kyrgyz and Azerbaijani trade unions sign cooperation memorandum</a>\n' +
        `<blockquote>${SAMPLE_CITATION.quote}</blockquote>`,
    );
    expect(part!.text).toContain("[1] AZERTAC · 4 Nov 2025 · Kyrgyz and Azerbaijani trade unions sign cooperation memorandum (https://azertag.az/");
  });

  it("shows an ungrounded answer without a sources section", () => {
    const parts = formatAnswer(makeAnswer("q", "The articles do not say.", []));
    expect(parts).toEqual([{ html: "The articles do not say.", text: "The articles do not say." }]);
  });

  it("never links a non-http URL and falls back to the path for a missing title", () => {
    const part = formatCitation({ ...SAMPLE_CITATION, url: "javascript:alert(1)", title: "", source: "", date: null });
    expect(part.html).toBe(`[1] ${SAMPLE_CITATION.path}\n<blockquote>${escapeHtml(SAMPLE_CITATION.quote)}</blockquote>`);
  });

  it("escapes every piece of text so Telegram's parser accepts it and shows it verbatim", () => {
    const citation = { ...SAMPLE_CITATION, title: `A <b> & "c"`, source: "X&Y", quote: `"<i>" & '</i>'` };
    const [part] = formatAnswer(makeAnswer("q", `1 < 2 & "3" > 0 [1]`, [citation]));
    const parsed = parseTelegramHtml(part!.html);
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.text).toContain(`1 < 2 & "3" > 0 [1]`);
    expect(parsed.ok && parsed.text).toContain(`[1] X&Y · 4 Nov 2025 · A <b> & "c"\n"<i>" & '</i>'`);
  });

  it("splits at paragraph boundaries into messages within the limit, each valid on its own", () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `P${i} ${"word & <tag> ".repeat(30)}`.trim());
    const citations = Array.from({ length: 8 }, (_, i) => ({ ...SAMPLE_CITATION, n: i + 1, quote: "q & ".repeat(300) }));
    const parts = formatAnswer(makeAnswer("q", paragraphs.join("\n\n"), citations), { limit: 1500 });
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.html.length).toBeLessThanOrEqual(1500);
      expect(part.text.length).toBeLessThanOrEqual(1500);
      expect(parseTelegramHtml(part.html)).toMatchObject({ ok: true });
    }
    const texts = parts.map((p) => p.text);
    for (const p of paragraphs) expect(texts.some((t) => t.includes(p))).toBe(true);
    for (let n = 1; n <= 8; n++) expect(texts.filter((t) => t.includes(`[${n}] AZERTAC`))).toHaveLength(1);
    // Over-long quotes are shortened so one citation always fits one message.
    expect(texts.join("").includes("…")).toBe(true);
  });

  it("splits one huge paragraph at sentence, then word boundaries", () => {
    const sentence = "The unions agreed to cooperate & share experience. ";
    const pieces = splitPlainText(sentence.repeat(200), 1000);
    for (const piece of pieces) {
      expect(escapeHtml(piece).length).toBeLessThanOrEqual(1000);
      expect(piece.endsWith("experience.")).toBe(true);
    }
    const word = splitPlainText(`${"x".repeat(2500)} y`, 1000);
    expect(word.map((w) => w.length)).toEqual([1000, 1000, 500, 1]);
  });

  it("packs blocks without exceeding the limit", () => {
    const blocks = Array.from({ length: 10 }, (_, i) => ({ html: `<b>${i}</b>${"a".repeat(90)}`, text: `${i}${"a".repeat(90)}` }));
    const packed = packBlocks(blocks, { limit: 250 });
    expect(packed.map((p) => p.html.length <= 250)).toEqual(packed.map(() => true));
    expect(packed).toHaveLength(5);
  });
});

describe("formatStart / formatSources", () => {
  it("handles an empty corpus", () => {
    const empty = { articles: [], dateRange: null, sources: [], builtAt: null };
    expect(formatStart(empty, { botUsername: "b", group: false })[0]!.text).toMatch(/no articles indexed yet/);
    expect(formatSources(empty)[0]!.text).toBe("No articles are indexed yet.");
  });

  it("gives group users the group way to ask", () => {
    const [start] = formatStart(SAMPLE_CORPUS, { botUsername: "dossier_bot", group: true });
    expect(start!.text.split("\n")[1]).toBe(
      "Here, write /ask followed by your question, mention @dossier_bot, or reply to one of my messages. /help lists the commands.",
    );
  });

  it("formats ISO dates readably and leaves anything else alone", () => {
    expect(formatDate("2019-06-07")).toBe("7 Jun 2019");
    expect(formatDate("2019-13-07")).toBe("2019-13-07");
    expect(formatDate(null)).toBe("");
  });
});
