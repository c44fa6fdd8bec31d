import { describe, expect, it } from "vitest";
import { json, signUp } from "../support/identity";
import { apiWithBudgets, expectRateLimited, freshIp, from } from "../support/rate-limits";

const HIGH = "1000000/60";
const rename = (name: string) => json({ name }, { method: "PATCH" });
const withHeaders = (init: RequestInit, headers: Record<string, string>) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), ...headers },
});

describe("request budgets", () => {
  it("counts a user's writes across addresses: the fourth is 429 with Retry-After", async () => {
    const api = apiWithBudgets({ RATE_LIMIT_WRITES_PER_USER: "3/3600", RATE_LIMIT_WRITES_PER_IP: HIGH });
    const reader = await signUp();
    const [first, second] = [freshIp(), freshIp()];
    const send = (ip: string) => api("/v1/me", withHeaders(rename("Renamed"), from(ip, reader.auth)));
    expect((await send(first)).status).toBe(200);
    expect((await send(first)).status).toBe(200);
    expect((await send(second)).status).toBe(200);
    await expectRateLimited(await send(second), "writes");
    await expectRateLimited(await send(freshIp()), "writes");
  });

  it("counts an address's writes across users: the fourth user from it is 429", async () => {
    const api = apiWithBudgets({ RATE_LIMIT_WRITES_PER_USER: HIGH, RATE_LIMIT_WRITES_PER_IP: "3/3600" });
    const readers = await Promise.all([signUp(), signUp(), signUp(), signUp()]);
    const shared = freshIp();
    const send = (auth: Record<string, string>, ip = shared) =>
      api("/v1/me", withHeaders(rename("Renamed"), from(ip, auth)));
    for (const reader of readers.slice(0, 3)) expect((await send(reader.auth)).status).toBe(200);
    await expectRateLimited(await send(readers[3]!.auth), "writes");
    expect((await send(readers[3]!.auth, freshIp())).status).toBe(200);
  });

  it("limits searches and suggestions per address, signed in or not", async () => {
    const api = apiWithBudgets({ RATE_LIMIT_SEARCH_PER_IP: "2/3600", RATE_LIMIT_SUGGEST_PER_IP: "2/3600" });
    const ip = freshIp();
    for (const path of ["/v1/books?q=dune", "/v1/books/suggest?q=dun"]) {
      const budget = path.includes("suggest") ? "suggest" : "search";
      expect((await api(path, { headers: from(ip) })).status).toBe(200);
      expect((await api(path, { headers: from(ip) })).status).toBe(200);
      await expectRateLimited(await api(path, { headers: from(ip) }), budget);
      expect((await api(path, { headers: from(freshIp()) })).status).toBe(200);
    }
  });
});
