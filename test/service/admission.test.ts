import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import type { RateLimiter } from "../../src/core/rate-limiter.js";
import {
  AdmissionRules,
  checkQuestion,
  notAllowedMessage,
  rateLimitedMessage,
  tooLongMessage,
  type Admission,
  type Asker,
} from "../../src/service/admission.js";
import { SlidingWindowRateLimiter } from "../../src/service/sliding-window-rate-limiter.js";

function invalid(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const asker = (platform: string, userId: string, chat = "1"): Asker => ({ platform, userId, place: { ids: { chat: [chat] }, name: `this chat (chat id ${chat})` } });

/** Rules with a fake clock shared by the rules and a limiter of `max` requests per second. */
function rules(max = 1, access?: Record<string, Record<string, string[]>>) {
  const clock = { t: 1_000_000 };
  const now = () => clock.t;
  const rateLimiter = new SlidingWindowRateLimiter({ max, windowMs: 1_000, now });
  return { clock, admission: new AdmissionRules({ maxQuestionLength: 10, rateLimiter, ...(access ? { access } : {}) }) };
}

function refusal(a: Admission): { code: string; message: string; notify: boolean } {
  if (a.ok) throw new Error("expected a refusal");
  return { code: a.error.code, message: a.error.userMessage, notify: a.notify };
}

describe("checkQuestion", () => {
  it("collapses and trims whitespace", () => {
    expect(checkQuestion("  who \n\t met   whom? ", 100)).toBe("who met whom?");
  });

  it("rejects an empty or blank question", () => {
    for (const q of ["", "  \n\t "]) {
      expect(invalid(() => checkQuestion(q, 100))).toMatchObject({ code: "QUESTION_INVALID", userMessage: "Please ask a question about the articles." });
    }
  });

  it("counts code points of the collapsed question", () => {
    expect(checkQuestion("😀😀😀", 3)).toBe("😀😀😀"); // six UTF-16 units
    expect(checkQuestion("привет", 6)).toBe("привет");
    expect(checkQuestion("a      b", 3)).toBe("a b");
  });

  it("rejects a question over the limit with the shared message, counting code points", () => {
    const error = invalid(() => checkQuestion("😀😀😀😀", 3));
    expect(error.code).toBe("QUESTION_INVALID");
    expect(error.userMessage).toBe(tooLongMessage(4, 3));
    expect(error.userMessage).toContain("4 characters; the limit is 3");
    expect(invalid(() => checkQuestion("приветы", 6)).userMessage).toBe(tooLongMessage(7, 6));
  });
});

describe("rateLimitedMessage", () => {
  it("rounds up to whole seconds, at least one", () => {
    expect(rateLimitedMessage(1_500)).toContain("wait 2 s");
    expect(rateLimitedMessage(0)).toContain("wait 1 s");
  });
});

describe("AdmissionRules", () => {
  const lists = { telegram: { chat: ["1"] } };

  it("refuses a place off the allow-list with its name, and allows a listed one", async () => {
    const { admission } = rules(5, lists);
    const outside = asker("telegram", "u", "2");
    expect(refusal(admission.checkAccess(outside))).toEqual({ code: "NOT_ALLOWED", message: notAllowedMessage(outside.place.name), notify: true });
    expect(refusal(await admission.admit({ asker: outside, question: "who?" })).code).toBe("NOT_ALLOWED");
    expect(await admission.admit({ asker: asker("telegram", "u", "1"), question: "who?" })).toEqual({ ok: true });
  });

  it("leaves platforms without lists open", async () => {
    const { admission } = rules(5, lists);
    expect(admission.checkAccess(asker("discord", "u", "2"))).toEqual({ ok: true });
  });

  it("takes no token for checkAccess, a refused place or a too-long question", async () => {
    let takes = 0;
    const rateLimiter: RateLimiter = {
      take: async () => {
        takes++;
        return { ok: true };
      },
    };
    const admission = new AdmissionRules({ maxQuestionLength: 5, rateLimiter, access: lists });
    admission.checkAccess(asker("telegram", "u"));
    await admission.admit({ asker: asker("telegram", "u", "2"), question: "hi" });
    expect(refusal(await admission.admit({ asker: asker("telegram", "u"), question: "far too long" }))).toMatchObject({ code: "QUESTION_INVALID", notify: true });
    expect(takes).toBe(0);
    await admission.admit({ asker: asker("telegram", "u"), question: "short" });
    await admission.admit({ asker: asker("telegram", "u") }); // a command such as /sources
    expect(takes).toBe(2);
  });

  it("refuses the request over the limit and notifies only the first refusal of an episode", async () => {
    const { admission, clock } = rules(1);
    const u = asker("telegram", "u");
    expect(await admission.admit({ asker: u, question: "q1" })).toEqual({ ok: true });
    clock.t += 400;
    expect(refusal(await admission.admit({ asker: u, question: "q2" }))).toEqual({ code: "RATE_LIMITED", message: rateLimitedMessage(600), notify: true });
    clock.t += 100;
    expect(refusal(await admission.admit({ asker: u, question: "q3" }))).toMatchObject({ code: "RATE_LIMITED", notify: false });
    expect(refusal(await admission.admit({ asker: u }))).toMatchObject({ code: "RATE_LIMITED", notify: false });
  });

  it("notifies again in a new episode", async () => {
    const { admission, clock } = rules(1);
    const u = asker("telegram", "u");
    await admission.admit({ asker: u, question: "q1" }); // t0
    clock.t += 400;
    expect(refusal(await admission.admit({ asker: u, question: "q2" })).notify).toBe(true);
    clock.t += 700; // t0 + 1100: the window has slid
    expect(await admission.admit({ asker: u, question: "q3" })).toEqual({ ok: true });
    clock.t += 10;
    expect(refusal(await admission.admit({ asker: u, question: "q4" })).notify).toBe(true);
    clock.t += 10;
    expect(refusal(await admission.admit({ asker: u, question: "q5" })).notify).toBe(false);
  });

  it("notifies a refusal that follows an admitted question in the same millisecond", async () => {
    const { admission, clock } = rules(1);
    const u = asker("telegram", "u");
    await admission.admit({ asker: u, question: "q1" });
    clock.t += 400;
    await admission.admit({ asker: u, question: "q2" }); // told, retry after 600 ms
    clock.t += 600;
    expect(await admission.admit({ asker: u, question: "q3" })).toEqual({ ok: true });
    expect(refusal(await admission.admit({ asker: u, question: "q4" })).notify).toBe(true);
  });

  it("keeps rate limits of platforms and users apart", async () => {
    const { admission } = rules(1);
    expect((await admission.admit({ asker: asker("telegram", "42") })).ok).toBe(true);
    expect((await admission.admit({ asker: asker("discord", "42") })).ok).toBe(true);
    expect((await admission.admit({ asker: asker("telegram", "43") })).ok).toBe(true);
    expect((await admission.admit({ asker: asker("telegram", "42") })).ok).toBe(false);
  });

  it("exposes the length limit", () => {
    expect(rules().admission.maxQuestionLength).toBe(10);
  });
});

describe("AdmissionRules: refusals are reported", () => {
  it("tells onRefused the asker and the code of every request turned away, and nothing for admitted ones", async () => {
    const refused: string[] = [];
    const rules = new AdmissionRules({
      maxQuestionLength: 10,
      rateLimiter: new SlidingWindowRateLimiter({ max: 1, windowMs: 60_000 }),
      onRefused: (asker, code) => refused.push(`${asker.platform}:${asker.userId}:${code}`),
    });
    const who = asker("telegram", "7");
    expect((await rules.admit({ asker: who, question: "short?" })).ok).toBe(true);
    expect((await rules.admit({ asker: who, question: "short?" })).ok).toBe(false);
    expect((await rules.admit({ asker: who, question: "a question far too long" })).ok).toBe(false);
    expect(refused).toEqual(["telegram:7:RATE_LIMITED", "telegram:7:QUESTION_INVALID"]);
  });
});
