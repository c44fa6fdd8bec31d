import { describe, expect, it } from "vitest";
import { consoleAssets } from "../../workers/console/assets.generated";
import { ConsoleClient } from "../support/console";

/** What a response body weighs gzipped, as a browser downloads it from Cloudflare's edge. */
async function gzippedBytes(response: Response): Promise<number> {
  const compressed = response.body!.pipeThrough(new CompressionStream("gzip"));
  return (await new Response(compressed).arrayBuffer()).byteLength;
}

const scriptsOf = (html: string) => [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]!);

describe("console page weight", () => {
  it("ships under 100 KB of JavaScript, compressed, on a page that loads every script (charts too)", async () => {
    const browser = new ConsoleClient();
    const scripts = Object.entries(consoleAssets).filter(([, asset]) => asset.type === "text/javascript");
    let total = 0;
    for (const [name, asset] of scripts) {
      const response = await browser.get(`/console/assets/${asset.hash}/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("cache-control"), name).toContain("immutable");
      total += await gzippedBytes(response);
    }
    expect(scripts.map(([name]) => name).sort()).toEqual(["console.js", "htmx.js", "uplot.js"]);
    expect(total).toBeLessThan(100 * 1024);
  });

  it("loads only scripts the Worker serves itself, and no chart library where there is no chart", async () => {
    const login = await (await new ConsoleClient().get("/console/login")).text();
    const scripts = scriptsOf(login);
    expect(scripts.every((src) => src.startsWith("/console/assets/"))).toBe(true);
    expect(scripts.some((src) => src.endsWith("/uplot.js"))).toBe(false);
    expect(login).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("answers an asset under a stale hash 404, so a page never runs a script it was not built with", async () => {
    const browser = new ConsoleClient();
    expect((await browser.get("/console/assets/000000000000/htmx.js")).status).toBe(404);
    expect((await browser.get(`/console/assets/${consoleAssets["htmx.js"]!.hash}/nope.js`)).status).toBe(404);
  });
});
