/**
 * Latency of the adapter itself (with the fake answer service, so this is discord.js + adapter +
 * loopback HTTP): dispatch at the fake → reply request at the fake, 200 mentions and 200 `/ask`.
 * Printed, not asserted; `npx tsx test/fakes/discord-latency.ts` measures with the real answer
 * service on the bundled index.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { Harness } from "./discord-harness.js";
import { describeLatency, measureLatency } from "./measure-latency.js";

let h: Harness;
beforeAll(async () => {
  h = await new Harness().start();
});
afterAll(async () => {
  await h.close();
});

test("200 mentions and 200 /ask are all answered; latency printed", async () => {
  const report = await measureLatency(h, 200);
  console.log(
    [
      "Discord adapter latency with the FAKE answer service (dispatch → request at the fake):",
      describeLatency("  mention → reply", report.mention),
      describeLatency("  /ask → deferred response", report.slashDefer),
      describeLatency("  /ask → @original edit with the answer", report.slashAnswer),
    ].join("\n"),
  );
  expect(report.mention).toHaveLength(200);
  expect(report.slashAnswer).toHaveLength(200);
  expect(h.service.asks).toHaveLength(400);
});
