import { describe, expect, it } from "vitest";
import { onPlanetScale } from "../support/database";
import { api } from "../support/http";

describe("HTTP conventions", () => {
  it("answers an unknown route with a 404 problem", async () => {
    const response = await api("/v1/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 404, code: "not_found", title: "Not found", instance: "/v1/no-such-thing" });
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("echoes a valid incoming request id and replaces an unsafe one", async () => {
    const echoed = await api("/v1/health", { headers: { "x-request-id": "storefront-1234abcd" } });
    expect(echoed.headers.get("x-request-id")).toBe("storefront-1234abcd");
    const replaced = await api("/v1/health", { headers: { "x-request-id": "bad id with spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it("reports the relational store's reachability on /v1/health, naming the store it runs on", async () => {
    const response = await api("/v1/health");
    expect(response.status).toBe(200);
    const store = onPlanetScale ? "planetscale" : "d1";
    expect(await response.json()).toMatchObject({
      status: "ok",
      checks: { d1: { ok: true }, database: { store, ok: true } },
    });
  });

  it("sends security headers and CORS for storefronts", async () => {
    const response = await api("/v1/health", { headers: { origin: "https://shop.example" } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("serves the interactive reference page and its bundled assets", async () => {
    const page = await api("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/docs/swagger-ui-bundle.js");
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.match(/script-src[^;]*/)?.[0]).not.toContain("unsafe");
    const bundle = await api("/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
