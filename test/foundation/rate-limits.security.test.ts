import { describe, expect, it } from "vitest";
import { json, signUp } from "../support/identity";
import { apiWithBudgets, expectRateLimited, freshIp, from } from "../support/rate-limits";

const HIGH = "1000000/60";
const rename = (headers: Record<string, string>) =>
  json({ name: "Renamed" }, { method: "PATCH", headers: { ...headers, "content-type": "application/json" } });

describe("request budgets between users", () => {
  it("one user spending their budget leaves another user's untouched", async () => {
    const api = apiWithBudgets({ RATE_LIMIT_WRITES_PER_USER: "2/3600", RATE_LIMIT_WRITES_PER_IP: HIGH });
    const [spender, other] = await Promise.all([signUp(), signUp()]);
    const ip = freshIp();
    expect((await api("/v1/me", rename(from(ip, spender.auth)))).status).toBe(200);
    expect((await api("/v1/me", rename(from(ip, spender.auth)))).status).toBe(200);
    await expectRateLimited(await api("/v1/me", rename(from(ip, spender.auth))), "writes");
    expect((await api("/v1/me", rename(from(ip, other.auth)))).status).toBe(200);
    expect((await api("/v1/me", rename(from(freshIp(), other.auth)))).status).toBe(200);
  });
});

describe("payment webhooks", () => {
  it("are not counted against any user or write budget", async () => {
    const api = apiWithBudgets({ RATE_LIMIT_WRITES_PER_USER: "1/3600", RATE_LIMIT_WRITES_PER_IP: "1/3600" });
    const reader = await signUp();
    const ip = freshIp();
    expect((await api("/v1/me", rename(from(ip, reader.auth)))).status).toBe(200);
    await expectRateLimited(await api("/v1/me", rename(from(ip, reader.auth))), "writes");
    for (const provider of ["simulated", "stripe"]) {
      for (let i = 0; i < 3; i++) {
        const response = await api(
          `/v1/webhooks/${provider}`,
          json({ id: `evt_${i}` }, { headers: from(ip, reader.auth) }),
        );
        // An unsigned event is refused for its signature (404 from a provider not configured here), never for a
        // budget.
        expect([400, 404]).toContain(response.status);
      }
    }
  });

  it("still refuse an oversized body with 413", async () => {
    const api = apiWithBudgets({ MAX_BODY_BYTES: "1024" });
    const big = JSON.stringify({ id: "evt_big", padding: "x".repeat(4096) });
    for (const provider of ["simulated", "stripe"]) {
      const response = await api(`/v1/webhooks/${provider}`, {
        method: "POST",
        headers: from(freshIp(), { "content-type": "application/json" }),
        body: big,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: "payload_too_large" });
    }
  });
});
