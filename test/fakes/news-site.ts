/**
 * A fake news site on 127.0.0.1: article pages, feeds with ETag / Last-Modified (304 on a matching
 * conditional request), redirects, loops, 404s, non-HTML responses, slow and oversize responses —
 * every way a real site answers "add by URL" and the feeds. Records every request.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SiteRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type Route =
  | { kind: "page"; body: string | Uint8Array; type?: string; status?: number }
  | { kind: "redirect"; to: string; status?: number }
  | { kind: "slow"; delayMs: number; body: string }
  | { kind: "stream"; chunk: string; chunks: number; type?: string; declareLength?: boolean }
  | { kind: "feed"; body: string; type: string; etag?: string; lastModified?: string };

export class NewsSite {
  readonly requests: SiteRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly server: http.Server;
  private origin = "";

  private constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(): Promise<NewsSite> {
    const site = new NewsSite();
    await new Promise<void>((resolve) => site.server.listen(0, "127.0.0.1", resolve));
    site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
    return site;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  set(path: string, route: Route): this {
    this.routes.set(path, route);
    return this;
  }

  page(path: string, body: string | Uint8Array, type = "text/html; charset=utf-8"): this {
    return this.set(path, { kind: "page", body, type });
  }

  /** Requests made for a path. */
  hits(path: string): SiteRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? "/";
    this.requests.push({ path, headers: req.headers });
    const route = this.routes.get(path);
    if (route === undefined) {
      res.writeHead(404, { "content-type": "text/html" }).end("<html><body><h1>Not found</h1></body></html>");
      return;
    }
    switch (route.kind) {
      case "page":
        res.writeHead(route.status ?? 200, { "content-type": route.type ?? "text/html; charset=utf-8" }).end(route.body);
        return;
      case "redirect":
        res.writeHead(route.status ?? 302, { location: route.to }).end();
        return;
      case "slow": {
        const timer = setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(route.body), route.delayMs);
        res.on("close", () => clearTimeout(timer));
        return;
      }
      case "stream": {
        const headers: http.OutgoingHttpHeaders = { "content-type": route.type ?? "text/html" };
        if (route.declareLength === true) headers["content-length"] = Buffer.byteLength(route.chunk) * route.chunks;
        res.writeHead(200, headers);
        let sent = 0;
        const pump = () => {
          while (sent < route.chunks) {
            sent++;
            if (!res.write(route.chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => undefined);
        pump();
        return;
      }
      case "feed": {
        const matches =
          (route.etag !== undefined && req.headers["if-none-match"] === route.etag) ||
          (route.lastModified !== undefined && req.headers["if-modified-since"] === route.lastModified);
        const headers: http.OutgoingHttpHeaders = { "content-type": route.type };
        if (route.etag !== undefined) headers["etag"] = route.etag;
        if (route.lastModified !== undefined) headers["last-modified"] = route.lastModified;
        if (matches) res.writeHead(304, headers).end();
        else res.writeHead(200, headers).end(route.body);
        return;
      }
    }
  }
}

/** An RSS 2.0 feed of these items. */
export function rssFeed(items: readonly { title: string; link: string; description?: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Labour News</title><link>http://news.example/</link><description>Labour news</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><description>${esc(i.description ?? "")}</description><pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate></item>`).join("\n")}
</channel></rss>`;
}

/** An Atom feed of these entries. */
export function atomFeed(entries: readonly { title: string; link: string; summary?: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Dockside Wire</title><id>urn:dockside</id><updated>2024-03-12T09:30:00Z</updated>
${entries.map((e, i) => `<entry><title>${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/><id>urn:dockside:${i}</id><updated>2024-03-12T09:30:00Z</updated><summary>${esc(e.summary ?? "")}</summary></entry>`).join("\n")}
</feed>`;
}
