import { afterEach, describe, expect, it } from "vitest";
import { alice, privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";
import { SAMPLE_CITATION, makeAnswer } from "../../fakes/telegram-answer-service.js";

/** HTML escaping and splitting as Telegram (our fake parses HTML as strictly as Telegram) sees them. */
describe("Telegram adapter: escaping and long answers", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("escapes <, & and quotes in the question and in article text", async () => {
    h = await startHarness();
    const nasty = {
      ...SAMPLE_CITATION,
      title: `"Unions & <Employers>" sign 'pact'`,
      source: "R&D <News>",
      url: "https://example.org/a?x=1&y=\"2\"",
      quote: `He said: "<b>not bold</b> & <script>alert(1)</script>".`,
    };
    h.service.respond = (q) => makeAnswer(q, `You asked "${q}" — see [1].`, [nasty]);
    const question = `Is 3 < 5 && "AT&T" > 'B'? <i>really</i>`;
    const { replies } = await h.ask(privateChat(alice), alice, question);
    const reply = replies[0]!;
    expect(reply.parseMode).toBe("HTML"); // accepted as HTML, not the plain fallback
    expect(reply.raw).not.toContain("<i>really");
    expect(reply.text).toContain(`You asked "${question}" — see [1].`);
    expect(reply.text).toContain(`R&D <News> · 4 Nov 2025 · "Unions & <Employers>" sign 'pact'`);
    expect(reply.text).toContain(`[1] He said: "<b>not bold</b> & <script>alert(1)</script>".`);
    expect(reply.links).toEqual([{ text: `"Unions & <Employers>" sign 'pact'`, href: "https://example.org/a?x=1&y=%222%22" }]);
  });

  it("splits a long answer at paragraph boundaries, keeping every citation whole", async () => {
    h = await startHarness();
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}: ${"Workers & unions <agreed>. ".repeat(20).trim()}`);
    const citations = Array.from({ length: 10 }, (_, i) => ({ ...SAMPLE_CITATION, n: i + 1, quote: `Quote ${i + 1}: ${"a verbatim sentence & more. ".repeat(15)}` }));
    h.service.respond = (q) => makeAnswer(q, paragraphs.join("\n\n"), citations);
    const chat = privateChat(alice);
    const messageId = h.api.sendUserMessage({ chat, from: alice, text: "tell me everything" });
    await h.api.waitFor(() => h!.api.sent.some((m) => m.text.includes("Quote 10:")), "the last citation");
    const parts = h.api.sent;
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]!.replyTo).toBe(messageId);
    expect(parts.slice(1).every((p) => p.replyTo === undefined)).toBe(true);
    for (const part of parts) {
      expect(part.parseMode).toBe("HTML");
      expect(part.raw.length).toBeLessThanOrEqual(4096);
      expect(part.linkPreviewDisabled).toBe(true);
    }
    const all = parts.map((p) => p.text).join("\n\n");
    for (const p of paragraphs) expect(all).toContain(p); // no paragraph broken
    for (const c of citations) {
      const holder = parts.filter((p) => p.text.includes(`[${c.n}] ${c.quote.trim()}`));
      expect(holder).toHaveLength(1); // a quote is never split or repeated
      expect(holder[0]!.text).toContain("AZERTAC · 4 Nov 2025 · Kyrgyz"); // its article's header is in the same message
    }
  });
});
