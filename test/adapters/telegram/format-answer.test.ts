import { describe, expect, it } from "vitest";
import { formatAnswer, formatArticle, formatArticleHeader, formatQuote } from "../../../src/adapters/telegram/format-answer.js";
import { formatSources, formatStart } from "../../../src/adapters/telegram/format-sources.js";
import { escapeHtml, formatDate } from "../../../src/adapters/telegram/html.js";
import { packBlocks, splitPlainText } from "../../../src/adapters/telegram/split-message.js";
import { SAMPLE_CITATION, SAMPLE_CORPUS, makeAnswer } from "../../fakes/telegram-answer-service.js";
import { parseTelegramHtml } from "../../fakes/telegram-html.js";
import { GROUPED_CITATIONS, groupedAnswer, notCoveredAnswer, translatedAnswer } from "../../fakes/grouped-answer.js";

describe("formatAnswer", () => {
  it("renders the answer, then the article's header (outlet, date, linked title) and its numbered quote", () => {
    const [part, ...rest] = formatAnswer(makeAnswer("q", "Muradil Jumadilde chairs it [1]."));
    expect(rest).toEqual([]);
    expect(part!.html).toBe(
      "Muradil Jumadilde chairs it [1].\n\n<b>Sources</b>\n<b>AZERTAC</b> · 4 Nov 2025 · " +
        '<a href="https://azertag.az/en/xeber/kyrgyz_trade_unions-1">Kyrgyz and Azerbaijani trade unions sign cooperation memorandum</a>\n' +
        `<blockquote>[1] ${SAMPLE_CITATION.quote}</blockquote>`,
    );
    expect(part!.text).toBe(
      "Muradil Jumadilde chairs it [1].\n\nSources\n" +
        "AZERTAC · 4 Nov 2025 · Kyrgyz and Azerbaijani trade unions sign cooperation memorandum (https://azertag.az/en/xeber/kyrgyz_trade_unions-1)\n" +
        `[1] “${SAMPLE_CITATION.quote}”`,
    );
  });

  it("two quotes from one article get one header, each quote with its own number", () => {
    const [part, ...rest] = formatAnswer(groupedAnswer());
    expect(rest).toEqual([]);
    const [tehran, babayev, kyrgyz, twoSides] = [GROUPED_CITATIONS[0]!, GROUPED_CITATIONS[0]!.quote, GROUPED_CITATIONS[1]!.quote, GROUPED_CITATIONS[2]!.quote];
    expect(part!.html).toBe(
      "Iran [1] [3] and Kyrgyzstan [2].\n\n<b>Sources</b>\n" +
        `<b>Tehran Times</b> · 19 Jun 2019 · <a href="${tehran.url}">${tehran.title}</a>\n` +
        `<blockquote>[1] ${babayev}</blockquote>\n<blockquote>[3] ${twoSides}</blockquote>\n\n` +
        "<b>AZERTAC</b> · 4 Nov 2025 · Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK\n" +
        `<blockquote>[2] ${kyrgyz}</blockquote>`,
    );
    expect(part!.text.match(/Tehran Times/g)).toHaveLength(1);
    expect(parseTelegramHtml(part!.html)).toMatchObject({ ok: true });
  });

  it("shows an ungrounded answer (with its optional reason) without a sources section", () => {
    const parts = formatAnswer(makeAnswer("q", "The articles do not say.", []));
    expect(parts).toEqual([{ html: "The articles do not say.", text: "The articles do not say." }]);
    expect(formatAnswer(notCoveredAnswer())).toEqual([{ html: "The indexed articles don't cover that.", text: "The indexed articles don't cover that." }]);
  });

  it("never links a non-http URL and falls back to the path for a missing title", () => {
    const header = formatArticleHeader({ ...SAMPLE_CITATION, url: "javascript:alert(1)", title: "", source: "", date: null });
    expect(header.html).toBe(SAMPLE_CITATION.path);
    expect(formatQuote(SAMPLE_CITATION).html).toBe(`<blockquote>[1] ${escapeHtml(SAMPLE_CITATION.quote)}</blockquote>`);
    expect(formatQuote({ ...SAMPLE_CITATION, quote: " " })).toEqual({ html: "[1]", text: "[1]" });
  });

  it("escapes every piece of text so Telegram's parser accepts it and shows it verbatim", () => {
    const citation = { ...SAMPLE_CITATION, title: `A <b> & "c"`, source: "X&Y", quote: `"<i>" & '</i>'` };
    const [part] = formatAnswer(makeAnswer("q", `1 < 2 & "3" > 0 [1]`, [citation]));
    const parsed = parseTelegramHtml(part!.html);
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.text).toContain(`1 < 2 & "3" > 0 [1]`);
    expect(parsed.ok && parsed.text).toContain(`X&Y · 4 Nov 2025 · A <b> & "c"\n[1] "<i>" & '</i>'`);
  });

  it("spreads one article's many quotes over messages, repeating its header, never splitting a quote", () => {
    const quotes = Array.from({ length: 6 }, (_, i) => ({ ...SAMPLE_CITATION, n: i + 1, quote: `Quote ${i + 1} ${"long & ".repeat(120)}`.trim() }));
    const blocks = formatArticle({ article: quotes[0]!, citations: quotes }, {}, 2000);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(block.html.length).toBeLessThanOrEqual(2000);
      expect(block.html.startsWith("<b>AZERTAC</b> · 4 Nov 2025 · <a")).toBe(true);
    }
    const parts = formatAnswer(makeAnswer("q", "Answer [1].", quotes), { limit: 2000 });
    for (const part of parts) {
      expect(part.html.length).toBeLessThanOrEqual(2000);
      expect(parseTelegramHtml(part.html)).toMatchObject({ ok: true });
    }
    for (let n = 1; n <= 6; n++) {
      const holder = parts.filter((p) => p.text.includes(`[${n}] “Quote ${n} `));
      expect(holder).toHaveLength(1);
      expect(holder[0]!.text).toMatch(new RegExp(`Kyrgyz and Azerbaijani[^\\n]*\\n(\\[\\d\\] “[^\\n]*\\n)*\\[${n}\\] “Quote ${n} [^\\n]*”`));
    }
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
    for (let n = 1; n <= 8; n++) expect(texts.filter((t) => t.includes(`[${n}] “q & `))).toHaveLength(1);
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

describe("translations of quotes (LLM mode)", () => {
  it("shows the model's translation under the quote, marked as a translation", () => {
    const [message] = formatAnswer(translatedAnswer());
    expect(message?.html).toContain("Muradil Jumadilde, Chairman");
    expect(message?.html).toMatch(/<i>Translation \(by the model\): Мурадил Джумадилде, председатель/);
    expect(message?.text).toContain("Translation (by the model): Мурадил");
    expect(() => parseTelegramHtml(message?.html ?? "")).not.toThrow();
  });
});
