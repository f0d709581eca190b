/** The pure Answer → Discord Markdown formatter: layout, escaping, links, splitting. */
import { describe, expect, test } from "vitest";
import { formatAnswer, formatAnswerText, formatArticle, formatArticleHeader, formatQuote } from "../../../src/adapters/discord/format-answer.js";
import { escapeMarkdown, safeLinkUrl } from "../../../src/adapters/discord/escape-markdown.js";
import { packBlocks, splitText } from "../../../src/adapters/discord/split-message.js";
import type { Answer, Citation } from "../../../src/core/types.js";
import { citationOne } from "../../fakes/discord-answer-service.js";
import { GROUPED_CITATIONS, groupedAnswer, notCoveredAnswer, translatedAnswer } from "../../fakes/grouped-answer.js";

const timings = { retrieveMs: 1, answerMs: 1, totalMs: 2 };
const answer = (text: string, citations: Citation[] = [citationOne]): Answer => ({ question: "Who?", answer: text, grounded: citations.length > 0, citations, timings });

describe("formatAnswer", () => {
  test("answer, then Sources: the article's linked title, outlet, date, and its numbered quote", () => {
    const [text, ...rest] = formatAnswerText(answer("Muradil Jumadilde chairs it [1]."));
    expect(rest).toEqual([]);
    expect(text).toBe(
      "Muradil Jumadilde chairs it [1].\n\n**Sources**\n" +
        "[Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation](<https://azertag.az/en/xeber/example-3884393>) · AZERTAC · 2025-11-04\n" +
        "> **[1]** Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared information about the activities of the federation.",
    );
  });

  test("two quotes from one article get one header, each quote with its own number", () => {
    const [text, ...rest] = formatAnswerText(groupedAnswer());
    expect(rest).toEqual([]);
    const [babayev, kyrgyz, twoSides] = GROUPED_CITATIONS.map((c) => c.quote);
    expect(text).toBe(
      "Iran [1] [3] and Kyrgyzstan [2].\n\n**Sources**\n" +
        "[Azerbaijan calls for stronger ties with Iranian labor unions](<https://www.tehrantimes.com/news/437555/Azerbaijan-calls-for-stronger-ties>) · Tehran Times · 2019-06-19\n" +
        `> **[1]** ${babayev}\n> **[3]** ${twoSides}\n` +
        "*Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK* · AZERTAC · 2025-11-04\n" +
        `> **[2]** ${kyrgyz}`,
    );
  });

  test("a source without URL or date is shown unlinked; an ungrounded answer (with a reason) has no Sources", () => {
    expect(formatArticleHeader({ ...citationOne, url: null, date: null, source: "" })).toBe("*Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation*");
    expect(formatQuote({ ...citationOne, quote: "" })).toBe("> **[1]**");
    expect(formatAnswerText(answer("The articles do not cover that.", []))).toEqual(["The articles do not cover that."]);
    expect(formatAnswerText(notCoveredAnswer())).toEqual(["The indexed articles don't cover that."]);
  });

  test("non-http URLs are never linked; link-breaking characters are encoded", () => {
    expect(safeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl("not a url")).toBeNull();
    expect(safeLinkUrl("https://example.org/a_(b)>c")).toBe("https://example.org/a_%28b%29%3Ec");
  });

  test("payloads never ping and suppress link embeds; only the first may ping the asker", () => {
    const payloads = formatAnswer(answer("x [1]."), { pingAsker: true });
    expect(payloads[0]).toMatchObject({ allowedMentions: { parse: [], repliedUser: true }, flags: 4 });
    const many = formatAnswer(longAnswer(), { pingAsker: true });
    expect(many.length).toBeGreaterThan(1);
    expect(many.slice(1).every((p) => p.allowedMentions.repliedUser === false && p.allowedMentions.parse.length === 0)).toBe(true);
  });

  test("echoes the question for slash commands, escaped", () => {
    const [text] = formatAnswerText({ ...answer("Yes [1]."), question: "Is **this** <@1> @everyone?" }, { echoQuestion: true });
    expect(text?.startsWith("**Q:** Is \\*\\*this\\*\\* \\<@1> @\u200beveryone?\n\nYes [1].")).toBe(true);
  });

  test("article text is escaped: titles and quotes cannot format, link, mention or ping", () => {
    const hostile: Citation = { ...citationOne, title: "[Click](https://evil.example) *now*", quote: "# Heading\n> quote || spoiler || <@&1> @here `code` ~~x~~ __u__" };
    expect(formatArticleHeader(hostile)).toContain("[\\[Click\\](https://evil.example) \\*now\\*](<https://azertag.az");
    expect(formatQuote(hostile)).toContain("> **[1]** \\# Heading > quote \\|\\| spoiler \\|\\| \\<@&1> @\u200bhere \\`code\\` \\~\\~x\\~\\~ \\_\\_u\\_\\_");
  });

  test("long answers split under the limit; each citation stays whole with its quote", () => {
    const texts = formatAnswerText(longAnswer());
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
    const all = texts.join("\n");
    for (let n = 1; n <= 8; n += 1) {
      const holder = texts.filter((t) => t.includes(`> **[${n}]** Quote ${n} `));
      expect(holder).toHaveLength(1);
      // The quote is whole, and its article's header is in the same message above it.
      expect(holder[0]).toMatch(new RegExp(`\\[Trade unions[^\\n]+\\n(> [^\\n]+\\n)*> \\*\\*\\[${n}\\]\\*\\* Quote ${n} (of some length )+`));
    }
    expect(all).toContain("Sentence 60");
  });

  test("very long quotes and titles are shortened at a word boundary", () => {
    const long = { ...citationOne, quote: "word ".repeat(400), title: "title ".repeat(100) };
    const [text, ...rest] = formatArticle({ article: long, citations: [long] });
    expect(rest).toEqual([]);
    expect(text!.length).toBeLessThan(900);
    expect(text).toMatch(/word…$/);
  });

  test("one article's quotes that do not fit one message are spread over several, each under the header", () => {
    const quotes = Array.from({ length: 5 }, (_, i) => ({ ...citationOne, n: i + 1, quote: `Quote ${i + 1} ${"word ".repeat(110)}` }));
    const blocks = formatArticle({ article: quotes[0]!, citations: quotes }, 1500);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(block.length).toBeLessThanOrEqual(1500);
      expect(block.startsWith("[Trade unions of Azerbaijan")).toBe(true);
    }
    expect(blocks.join("\n").match(/> \*\*\[\d\]\*\* Quote/g)).toHaveLength(5);
  });
});

describe("escapeMarkdown", () => {
  test("keeps citation markers readable and plain text untouched", () => {
    expect(escapeMarkdown("Plain text, with (parentheses) and 2025-11-04 [1][2].")).toBe("Plain text, with (parentheses) and 2025-11-04 [1][2].");
  });

  test("escapes line-start syntax: headings, quotes, lists, subtext, ordered lists", () => {
    expect(escapeMarkdown("# a\n> b\n- c\n-# d\n+ e\n12. f")).toBe("\\# a\n\\> b\n\\- c\n\\-# d\n\\+ e\n12\\. f");
  });
});

describe("splitting", () => {
  test("never splits inside a citation marker or an escape, and prefers sentence ends", () => {
    const sentence = "This sentence is about cooperation between the unions [12]. ";
    const pieces = splitText(sentence.repeat(80).trim(), 500);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p).toMatch(/\[12\]\.$/);
    }
    const unbroken = `${"a".repeat(1998)}\\*b`;
    const [head] = splitText(unbroken, 2000);
    expect(head?.endsWith("\\")).toBe(false);
    const marker = `${"a".repeat(1997)}[12]`;
    expect(splitText(marker, 2000)[0]).toBe("a".repeat(1997));
  });

  test("a space before a marker is never a cut point", () => {
    const text = `${"word ".repeat(399)}end [3] tail`;
    const [head, tail] = splitText(text, 2003);
    expect(head?.endsWith("[3]") || !head?.endsWith("end")).toBe(true);
    expect(tail?.startsWith("[")).toBe(false);
  });

  test("packs whole blocks greedily", () => {
    expect(packBlocks([{ text: "a".repeat(10) }, { text: "b".repeat(10), separator: "\n" }, { text: "c".repeat(10) }], 21)).toEqual([`${"a".repeat(10)}\n${"b".repeat(10)}`, "c".repeat(10)]);
  });
});

function longAnswer(): Answer {
  const citations: Citation[] = Array.from({ length: 8 }, (_, i) => ({ ...citationOne, n: i + 1, quote: `Quote ${i + 1} ${"of some length ".repeat(25)}` }));
  const text = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} explains a point of the agreement [${(i % 8) + 1}].`).join(" ");
  return answer(text, citations);
}

describe("translations of quotes (LLM mode)", () => {
  test("shows the model's translation under the quote, marked as a translation", () => {
    const text = formatAnswer(translatedAnswer()).map((p) => p.content).join("\n");
    expect(text).toContain("Muradil Jumadilde, Chairman");
    expect(text).toContain("> *Translation (by the model):* Мурадил Джумадилде, председатель");
  });
});
