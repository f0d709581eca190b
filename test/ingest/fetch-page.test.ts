import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedFetch } from "../../src/ingest/bounded-fetch.js";
import { decodeBody } from "../../src/ingest/decode-body.js";
import { FetchError } from "../../src/ingest/fetch-error.js";
import { fetchPage } from "../../src/ingest/fetch-page.js";
import { NewsSite } from "../fakes/news-site.js";
import { newsPage, SEAFARERS } from "../helpers/news-pages.js";

const limits = { timeoutMs: 2_000, maxBytes: 100_000, userAgent: "dossier-test/1.0" };
let site: NewsSite;

beforeAll(async () => {
  site = await NewsSite.start();
  site
    .page("/a/1", newsPage(SEAFARERS))
    .page("/xhtml", "<html><body><p>x</p></body></html>", "application/xhtml+xml")
    .page("/pdf", "%PDF-1.4", "application/pdf")
    .set("/untyped", { kind: "page", body: "hello", type: "" })
    .set("/r1", { kind: "redirect", to: "/r2", status: 301 })
    .set("/r2", { kind: "redirect", to: "/r3", status: 307 })
    .set("/r3", { kind: "redirect", to: "/a/1", status: 308 })
    .set("/loop-a", { kind: "redirect", to: "/loop-b" })
    .set("/loop-b", { kind: "redirect", to: "/loop-a" })
    .set("/ftp", { kind: "redirect", to: "ftp://127.0.0.1/file" })
    .set("/slow", { kind: "slow", delayMs: 5_000, body: "<p>late</p>" })
    .set("/huge", { kind: "stream", chunk: "<p>".padEnd(16_384, "x"), chunks: 20 })
    .set("/huge-declared", { kind: "stream", chunk: "<p>".padEnd(16_384, "x"), chunks: 20, declareLength: true })
    .set("/gone", { kind: "page", body: "gone", status: 410 });
  for (let i = 0; i < 7; i++) site.set(`/hop${i}`, { kind: "redirect", to: `/hop${i + 1}` });
});
afterAll(() => site.close());

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error("expected a FetchError");
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("fetchPage", () => {
  it("fetches an HTML page with our User-Agent and an HTML Accept header", async () => {
    const page = await fetchPage({ url: site.url("/a/1"), limits });
    expect(page.url).toBe(site.url("/a/1"));
    expect(page.html).toContain("Kalev Tamm");
    const request = site.hits("/a/1").at(-1);
    expect(request?.headers["user-agent"]).toBe("dossier-test/1.0");
    expect(request?.headers.accept).toMatch(/^text\/html/);
  });

  it("accepts application/xhtml+xml", async () => {
    expect((await fetchPage({ url: site.url("/xhtml"), limits })).html).toContain("<p>x</p>");
  });

  it("follows a chain of redirects (301, 307, 308) and reports where it ended", async () => {
    const page = await fetchPage({ url: site.url("/r1"), limits });
    expect(page.url).toBe(site.url("/a/1"));
  });

  it("names a redirect loop, too many redirects and a redirect to another scheme", async () => {
    const loop = await failure(fetchPage({ url: site.url("/loop-a"), limits }));
    expect(loop.kind).toBe("redirect-loop");
    expect(loop.userMessage).toBe(`redirect loop: ${site.url("/loop-a")} → ${site.url("/loop-b")} → ${site.url("/loop-a")}`);
    const hops = await failure(fetchPage({ url: site.url("/hop0"), limits }));
    expect(hops).toMatchObject({ kind: "too-many-redirects", userMessage: "more than 5 redirects" });
    expect((await failure(fetchPage({ url: site.url("/ftp"), limits }))).kind).toBe("invalid-url");
  });

  it("refuses non-HTML responses before reading them", async () => {
    expect(await failure(fetchPage({ url: site.url("/pdf"), limits }))).toMatchObject({ kind: "not-html", userMessage: "not an HTML page (application/pdf)" });
    expect((await failure(fetchPage({ url: site.url("/untyped"), limits }))).userMessage).toBe("not an HTML page (no content type)");
  });

  it("reports the HTTP status of an error response", async () => {
    expect(await failure(fetchPage({ url: site.url("/missing"), limits }))).toMatchObject({ kind: "http-status", userMessage: "HTTP 404 Not Found" });
    expect((await failure(fetchPage({ url: site.url("/gone"), limits }))).userMessage).toBe("HTTP 410 Gone");
  });

  it("times out a slow server within the limit", async () => {
    const started = Date.now();
    const error = await failure(fetchPage({ url: site.url("/slow"), limits: { ...limits, timeoutMs: 300 } }));
    expect(error).toMatchObject({ kind: "timeout", userMessage: "timed out after 300 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops reading a page over the size limit, with or without a Content-Length", async () => {
    for (const path of ["/huge", "/huge-declared"]) {
      const error = await failure(fetchPage({ url: site.url(path), limits }));
      expect(error).toMatchObject({ kind: "too-large", userMessage: "page over the size limit (more than 97.7 KB)" });
    }
  });

  it("says when the host cannot be reached, and refuses what is not an http(s) URL", async () => {
    const port = await closedPort();
    const error = await failure(fetchPage({ url: `http://127.0.0.1:${port}/a`, limits }));
    expect(error).toMatchObject({ kind: "unreachable", userMessage: `could not reach 127.0.0.1:${port}: connection refused` });
    expect((await failure(fetchPage({ url: "file:///etc/passwd", limits }))).userMessage).toBe("not an http(s) URL (file:)");
    expect((await failure(fetchPage({ url: "not a url", limits }))).userMessage).toBe("not a valid URL");
  });

  it("decodes the charset the server or the page declares", async () => {
    const bytes = Buffer.from([0x3c, 0x70, 0x3e, 0xcf, 0xf0, 0xee, 0xf4, 0xf1, 0xee, 0xfe, 0xe7, 0x3c, 0x2f, 0x70, 0x3e]); // <p>Профсоюз</p> in windows-1251
    site.page("/cp1251", bytes, "text/html; charset=windows-1251");
    site.page("/cp1251-meta", Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body>'), bytes]), "text/html");
    expect((await fetchPage({ url: site.url("/cp1251"), limits })).html).toBe("<p>Профсоюз</p>");
    expect((await fetchPage({ url: site.url("/cp1251-meta"), limits })).html).toContain("<p>Профсоюз</p>");
    expect(decodeBody(Buffer.from("<p>Профсоюз</p>"), null)).toBe("<p>Профсоюз</p>");
    expect(decodeBody(Buffer.from("<p>x</p>"), "text/html; charset=no-such-charset")).toBe("<p>x</p>");
  });
});

describe("boundedFetch conditional requests", () => {
  it("sends the validators and reports a 304 as not modified", async () => {
    site.set("/feed.xml", { kind: "feed", body: "<rss/>", type: "application/rss+xml", etag: '"v1"', lastModified: "Tue, 12 Mar 2024 09:30:00 GMT" });
    const first = await boundedFetch({ ...limits, url: site.url("/feed.xml"), accept: "*/*" });
    expect(first).toMatchObject({ status: "ok", validators: { etag: '"v1"', lastModified: "Tue, 12 Mar 2024 09:30:00 GMT" } });
    const second = await boundedFetch({ ...limits, url: site.url("/feed.xml"), accept: "*/*", validators: first.validators });
    expect(second).toMatchObject({ status: "not-modified", validators: first.validators });
    expect(site.hits("/feed.xml").at(-1)?.headers["if-none-match"]).toBe('"v1"');
  });
});
