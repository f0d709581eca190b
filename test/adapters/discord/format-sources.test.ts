/** `/sources` and `/help` texts built from the corpus. */
import { expect, test } from "vitest";
import { formatHelp, formatSources } from "../../../src/adapters/discord/format-sources.js";
import type { CorpusInfo } from "../../../src/core/types.js";
import { fakeCorpus } from "../../fakes/discord-answer-service.js";

test("/sources lists articles newest first with outlet, date and link", () => {
  const [text, ...rest] = formatSources(fakeCorpus);
  expect(rest).toEqual([]);
  expect(text).toBe(
    "**Indexed articles** — 2 news articles from AZERTAC and Mehr News Agency, 2019-06-18 to 2025-11-04\n\n" +
      "1\\. **[Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation](<https://azertag.az/en/xeber/example-3884393>)** · AZERTAC · 2025-11-04\n" +
      "2\\. **Iran, Azerbaijan to expand labor cooperation** · Mehr News Agency · 2019-06-18",
  );
});

test("a big corpus is capped and split under 2,000 characters", () => {
  const many: CorpusInfo = {
    ...fakeCorpus,
    articles: Array.from({ length: 60 }, (_, i) => ({ ...fakeCorpus.articles[0]!, path: `a${i}.md`, title: `A fairly long article title number ${i} about trade unions and cooperation` })),
  };
  const texts = formatSources(many);
  for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
  expect(texts.join("\n")).toContain("…and 35 more.");
});

test("an empty index says how to fill it", () => {
  expect(formatSources({ articles: [], dateRange: null, sources: [], builtAt: null })[0]).toContain("npm run reindex");
});

test("/help mentions the commands, mention usage or its absence, and the length limit", () => {
  const on = formatHelp(fakeCorpus, { maxQuestionLength: 500, messageContent: true, botMention: "<@42>" }).join("\n");
  expect(on).toContain("<@42> who signed the agreement?");
  expect(on).toContain("up to 500 characters");
  expect(on).toContain("`/sources`");
  const off = formatHelp(fakeCorpus, { maxQuestionLength: 500, messageContent: false }).join("\n");
  expect(off).toContain("mentions are off");
});
