import { describe, expect, it } from "vitest";
import { redact } from "../../src/text/redact-secrets.js";

// Made-up tokens of the real shapes.
const TELEGRAM = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const DISCORD = "MTA1OTk4NzY1NDMyMTAxMjM0NQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789";
const OPENAI = "sk-proj-abcdefghijklmnop1234567890";

describe("redact", () => {
  it("replaces every occurrence of a configured secret", () => {
    expect(redact("pw=hunter22 again hunter22.", ["hunter22"])).toBe("pw=[redacted] again [redacted].");
    expect(redact("a.b*c+d and a.b*c+d", ["a.b*c+d"])).toBe("[redacted] and [redacted]");
    expect(redact("first s3cret, then t0ken", ["s3cret", "t0ken"])).toBe("first [redacted], then [redacted]");
  });

  it("does not redact configured secrets shorter than 4 characters", () => {
    expect(redact("abc and abcd", ["abc"])).toBe("abc and abcd");
    expect(redact("abc and abcd", ["abcd"])).toBe("abc and [redacted]");
    expect(redact("any text", [""])).toBe("any text");
  });

  it("redacts token-shaped strings that were never configured", () => {
    expect(redact(`telegram ${TELEGRAM} failed`)).toBe("telegram [redacted] failed");
    expect(redact(`discord token=${DISCORD};`)).toBe("discord token=[redacted];");
    expect(redact(`OPENAI_API_KEY=${OPENAI}`)).toBe("OPENAI_API_KEY=[redacted]");
    expect(redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature")).toBe("Authorization: [redacted]");
    expect(redact("Authorization: Bot abcdefghijklmnopqrstuv")).toBe("Authorization: [redacted]");
  });

  it("leaves ordinary text, short ids and look-alikes alone", () => {
    const text = "On 2019-06-19 at 10:30 the minister said: task-force sk-1 meets. Bearer of news, ratio 12345:67.";
    expect(redact(text)).toBe(text);
    expect(redact("call 123456789:short")).toBe("call 123456789:short");
    expect(redact("")).toBe("");
  });

  it("redacts a configured secret wherever a library put it", () => {
    const secret = "my-very-own-secret-value";
    expect(redact(`GET https://example.test/x?key=${secret}&y=1 failed`, [secret])).toBe("GET https://example.test/x?key=[redacted]&y=1 failed");
  });

  it("redacts an unconfigured Telegram token inside a Bot API URL", () => {
    expect(redact(`GET https://api.telegram.org/bot${TELEGRAM}/getMe failed`)).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
  });

  it("redacts a Bearer token that contains / or +", () => {
    expect(redact("Authorization: Bearer ab/cdefghijklmnopqrstuvwxyz+0==")).toBe("Authorization: [redacted]");
  });
});
