/**
 * Sharding with the real discord.js client against one fake Discord that routes like the real
 * gateway (a guild's events to shard `(guild_id >> 22) % count`, DMs to shard 0): instances that
 * split the shards answer each guild once, only the shard-0 instance registers the commands, `auto`
 * takes Discord's count, and instances sharing claims answer an event they both receive once.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { startDiscordAdapter, type RunningAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { DiscordConfig } from "../../../src/config.js";
import { AppError } from "../../../src/core/errors.js";
import type { EventClaims } from "../../../src/core/event-claims.js";
import { createLogger } from "../../../src/providers/console-logger.js";
import { LocalEventClaims } from "../../../src/service/local-event-claims.js";
import { FakeAnswerService } from "../../fakes/discord-answer-service.js";
import type { FakeDiscordOptions, RecordedRequest } from "../../fakes/discord-fake-server.js";
import { shardOfGuild, snowflakeOnShard } from "../../fakes/discord-payloads.js";
import { Harness, TOKEN, contentOf, type Place } from "./discord-harness.js";

interface Instance {
  adapter: RunningAdapter;
  service: FakeAnswerService;
  logs: string[];
}

let h: Harness | null = null;
let instances: Instance[] = [];
afterEach(async () => {
  await Promise.all(instances.map((i) => i.adapter.stop("test finished")));
  instances = [];
  await h?.close();
  h = null;
});

/** A harness whose main guild is on shard 0 and other guild on shard 1 of 2; the fake not yet started. */
function twoShardHarness(fake: Partial<FakeDiscordOptions> = {}): Harness {
  h = new Harness({ guildIds: { main: snowflakeOnShard(0, 2), other: snowflakeOnShard(1, 2) }, fake: { shards: 2, ...fake } });
  return h;
}

/** Starts one more adapter instance on the harness's fake, with its own answer service and logs. */
async function startInstance(harness: Harness, config: Partial<DiscordConfig>, claims?: EventClaims): Promise<Instance> {
  const base = harness.adapterOptions();
  const service = new FakeAnswerService();
  const logs: string[] = [];
  const adapter = await startDiscordAdapter({
    ...base,
    config: { ...base.config, ...config },
    service,
    logger: createLogger({ level: "debug", secrets: [TOKEN], write: (line) => logs.push(line) }),
    ...(claims === undefined ? {} : { claims }),
  });
  const instance = { adapter, service, logs };
  instances.push(instance);
  return instance;
}

function otherGuild(harness: Harness): Place {
  return { channelId: harness.otherChannel, guildId: harness.otherGuildId };
}

const questionsOf = (instance: Instance): string[] => instance.service.asks.map((a) => a.question).sort();
const commandPuts = (harness: Harness): RecordedRequest[] => harness.fake.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"));
const callbacksOf = (harness: Harness, interaction: { id: string }): RecordedRequest[] =>
  harness.fake.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
const readyLine = (instance: Instance): string => instance.logs.find((l) => l.includes("discord: ready")) ?? "";
const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the fake gateway's shard rule", () => {
  test("snowflakeOnShard picks ids on the asked shard; shardOfGuild is (id >> 22) % count", () => {
    for (const count of [1, 2, 3, 7]) {
      for (let shard = 0; shard < count; shard += 1) expect(shardOfGuild(snowflakeOnShard(shard, count), count)).toBe(shard);
    }
    expect(shardOfGuild(((5n << 22n) + 17n).toString(), 4)).toBe(1);
  });
});

describe("shards split over two instances", () => {
  test("each guild is answered by the instance that owns its shard, DMs by shard 0, none twice; only shard 0 registers", async () => {
    const harness = twoShardHarness();
    await harness.fake.start();
    const [zero, one] = await Promise.all([
      startInstance(harness, { shardCount: 2, shardIds: [0] }),
      startInstance(harness, { shardCount: 2, shardIds: [1] }),
    ]);
    expect(harness.fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(readyLine(zero)).toContain("guilds=1");
    expect(readyLine(zero)).toContain("shards=0/2");
    expect(readyLine(one)).toContain("shards=1/2");
    expect(commandPuts(harness)).toHaveLength(1);
    expect(one.logs.some((l) => l.includes("slash commands are left to the instance that runs shard 0"))).toBe(true);

    const inZero = harness.sendMessage({ from: harness.alice, content: "mention in guild zero", mention: true }).message;
    const inOne = harness.sendMessage({ from: harness.bob, content: "mention in guild one", mention: true, place: otherGuild(harness) }).message;
    const inDm = harness.sendMessage({ from: harness.alice, content: "question in a DM", place: harness.inDm }).message;
    const askZero = harness.sendCommand({ from: harness.bob, name: "ask", question: "slash in guild zero" }).interaction;
    const askOne = harness.sendCommand({ from: harness.alice, name: "ask", question: "slash in guild one", place: otherGuild(harness) }).interaction;
    for (const message of [inZero, inOne, inDm]) expect(contentOf(await harness.replyTo(message.id))).toContain("[1]");
    for (const interaction of [askZero, askOne]) expect(contentOf(await harness.originalEditOf(interaction))).toContain("[1]");
    await settle();

    expect(questionsOf(zero)).toEqual(["mention in guild zero", "question in a DM", "slash in guild zero"]);
    expect(questionsOf(one)).toEqual(["mention in guild one", "slash in guild one"]);
    for (const message of [inZero, inOne, inDm]) expect(harness.repliesTo(message.id)).toHaveLength(1);
    for (const interaction of [askZero, askOne]) expect(callbacksOf(harness, interaction)).toHaveLength(1);
  });
});

describe("DISCORD_SHARD_COUNT=auto", () => {
  test("takes the count from GET /gateway/bot and runs every shard of it", async () => {
    const harness = twoShardHarness({ maxConcurrency: 2 });
    await harness.fake.start();
    const all = await startInstance(harness, { shardCount: "auto", shardIds: null });
    expect(harness.fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(readyLine(all)).toContain("shards=0,1/2");
    expect(readyLine(all)).toContain("guilds=2");
    expect(commandPuts(harness)).toHaveLength(1);
    const inOne = harness.sendMessage({ from: harness.bob, content: "mention in guild one", mention: true, place: otherGuild(harness) }).message;
    expect(contentOf(await harness.replyTo(inOne.id))).toContain("mention in guild one");
  });

  test("with DISCORD_SHARD_IDS, runs only those shards of Discord's count (and leaves the commands to shard 0)", async () => {
    const harness = twoShardHarness();
    await harness.fake.start();
    const one = await startInstance(harness, { shardCount: "auto", shardIds: [1] });
    expect(harness.fake.identifies.map((i) => i.shard)).toEqual([[1, 2]]);
    expect(readyLine(one)).toContain("shards=1/2");
    expect(commandPuts(harness)).toHaveLength(0);
  });

  test("a configured shard id beyond Discord's count fails the start with a clear AppError", async () => {
    const harness = twoShardHarness();
    await harness.fake.start();
    const error = await startInstance(harness, { shardCount: "auto", shardIds: [0, 3] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("CONFIG_INVALID");
    expect(appError.userMessage).toContain("DISCORD_SHARD_IDS lists shard 3, but Discord recommends 2 shards");
    expect(appError.userMessage).toContain("DISCORD_SHARD_COUNT");
    expect(appError.userMessage).not.toContain(TOKEN);
    expect(harness.fake.identifies).toHaveLength(0);
    expect(harness.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["GET /gateway/bot 200"]);
  });
});

describe("exactly once", () => {
  test("two instances running shard 0 with shared claims (a rolling deploy) answer each event once", async () => {
    const harness = twoShardHarness();
    await harness.fake.start();
    const claims = new LocalEventClaims();
    const [old, fresh] = await Promise.all([
      startInstance(harness, { shardCount: 2, shardIds: [0] }, claims),
      startInstance(harness, { shardCount: 2, shardIds: [0] }, claims),
    ]);
    expect(harness.fake.identifies.map((i) => i.shard)).toEqual([[0, 2], [0, 2]]);

    const message = harness.sendMessage({ from: harness.alice, content: "asked during the deploy", mention: true }).message;
    const interaction = harness.sendCommand({ from: harness.bob, name: "ask", question: "slash during the deploy" }).interaction;
    await harness.replyTo(message.id);
    await harness.originalEditOf(interaction);
    const skipped = () => [...old.logs, ...fresh.logs].filter((l) => l.includes("event handled by another delivery, skipped"));
    await vi.waitFor(() => expect(skipped()).toHaveLength(2));
    expect(skipped().join("\n")).toContain(`event=discord:message:${message.id}`);
    expect(skipped().join("\n")).toContain(`event=discord:interaction:${interaction.id}`);
    expect([...questionsOf(old), ...questionsOf(fresh)].sort()).toEqual(["asked during the deploy", "slash during the deploy"]);
    expect(harness.repliesTo(message.id)).toHaveLength(1);
    expect(callbacksOf(harness, interaction)).toHaveLength(1);
    await claims.close();
  });

  test("one instance answers a replayed event once (default claims); a failed interaction is not handled again", async () => {
    const harness = twoShardHarness();
    await harness.fake.start();
    const only = await startInstance(harness, { shardCount: 2, shardIds: [0] });
    const { message } = harness.sendMessage({ from: harness.alice, content: "asked once", mention: true });
    await harness.replyTo(message.id);
    harness.fake.dispatch("MESSAGE_CREATE", message); // discord.js itself drops a message it has cached

    harness.fake.failNext((r) => r.path.endsWith("/callback"), { status: 403, body: { message: "Missing Access", code: 50001 } });
    const interaction = harness.sendCommand({ from: harness.bob, name: "sources" }).interaction;
    await vi.waitFor(() => expect(only.logs.some((l) => l.includes("discord: interaction handler failed"))).toBe(true));
    harness.fake.dispatch("INTERACTION_CREATE", interaction);
    const skip = `skipped event=discord:interaction:${interaction.id} claim=done`;
    await vi.waitFor(() => expect(only.logs.filter((l) => l.includes(skip))).toHaveLength(1));
    await settle(100);

    expect(harness.repliesTo(message.id)).toHaveLength(1);
    expect(only.service.asks).toHaveLength(1);
    expect(callbacksOf(harness, interaction).map((r) => r.status)).toEqual([403]);
  });
});
