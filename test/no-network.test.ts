import { describe, expect, it } from "vitest";
import net from "node:net";

describe("test network guard", () => {
  it("refuses a connection to a non-loopback host", () => {
    expect(() => net.connect({ host: "192.0.2.1", port: 80 })).toThrow(/Blocked network connection/);
  });

  it("refuses fetch to a public host", async () => {
    await expect(fetch("http://203.0.113.5:9/")).rejects.toThrow();
  });

  it("allows loopback", async () => {
    const server = net.createServer((s) => s.end("hi"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      const c = net.connect({ host: "127.0.0.1", port }, () => undefined);
      let buf = "";
      c.on("data", (d) => (buf += d.toString()));
      c.on("end", () => resolve(buf));
      c.on("error", reject);
    });
    expect(text).toBe("hi");
    await new Promise((r) => server.close(r));
  });
});
