import { describe, expect, it } from "vitest";
import { credentialsOf, urlWithoutCredentials } from "../../src/text/url-without-credentials.js";

describe("urlWithoutCredentials", () => {
  it("drops the user name and password, keeps host, port, path and query", () => {
    expect(urlWithoutCredentials("redis://:s3cret@cache.internal:6380/2")).toBe("redis://cache.internal:6380/2");
    expect(urlWithoutCredentials("postgres://bot:p%40ss@db:5432/dossier?sslmode=require")).toBe("postgres://db:5432/dossier?sslmode=require");
    expect(urlWithoutCredentials("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });

  it("hides a password given in the query", () => {
    expect(urlWithoutCredentials("postgres://db/x?user=bot&password=s3cretpw&sslmode=require")).toBe("postgres://db/x?user=bot&password=***&sslmode=require");
    expect(credentialsOf("postgres://db/x?password=s3cretpw")).toEqual(["s3cretpw"]);
  });

  it("never echoes a string that is not a URL", () => {
    expect(urlWithoutCredentials("hunter2hunter2")).toBe("(an unparseable URL)");
  });
});

describe("credentialsOf", () => {
  it("gives the password as written and decoded, for redaction", () => {
    expect(credentialsOf("postgres://bot:p%40ssword@db/x")).toEqual(["p@ssword", "p%40ssword"]);
    expect(credentialsOf("redis://127.0.0.1:6379")).toEqual([]);
  });
});
