import { expect, it } from "vitest";
import type { Cache } from "../../workers/platform/cache/cache";
import type { RateLimiter } from "../../workers/platform/rate-limit/rate-limiter";

/**
 * What every rate limiter and cache adapter must do, run against each implementation so the embedded
 * defaults and the production adapters cannot drift apart. Keys are unique per run: the stores outlive a test.
 */
const run = crypto.randomUUID().slice(0, 8);
const unique = (name: string) => `${name}:${run}:${crypto.randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function rateLimiterContract(limiter: () => RateLimiter) {
  it("allows up to the limit, refuses with a retry time, and allows again once that time has passed", async () => {
    const rule = { limit: 3, windowSeconds: 1 };
    const key = unique("ip");
    // Start just after a window boundary so the burst falls in one window.
    await sleep(1000 - (Date.now() % 1000) + 20);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter().hit(key, rule));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    const retryAfter = decisions[3]?.retryAfterSeconds ?? 0;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2 * rule.windowSeconds);

    await sleep(retryAfter * 1000);
    expect(await limiter().hit(key, rule)).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
  });

  it("keeps separate counts per key", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    const [buyer, other] = [unique("usr"), unique("usr")];
    expect((await limiter().hit(buyer, rule)).allowed).toBe(true);
    expect((await limiter().hit(buyer, rule)).allowed).toBe(false);
    expect((await limiter().hit(other, rule)).allowed).toBe(true);
  });

  it("counts every key of a hitAll, each under its own rule, answering in order", async () => {
    const [user, ip] = [unique("usr"), unique("ip")];
    const [strict, loose] = [
      { limit: 1, windowSeconds: 60 },
      { limit: 5, windowSeconds: 60 },
    ];
    const first = await limiter().hitAll([
      { key: user, rule: strict },
      { key: ip, rule: loose },
    ]);
    expect(first.map((d) => d.allowed)).toEqual([true, true]);
    const second = await limiter().hitAll([
      { key: user, rule: strict },
      { key: ip, rule: loose },
    ]);
    expect(second.map((d) => d.allowed)).toEqual([false, true]);
    expect(second[0]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(second[1]?.remaining).toBe(3);
  });

  it("forgets a key's hits on reset, and only that key's", async () => {
    const rule = { limit: 2, windowSeconds: 60 };
    const [account, other] = [unique("login"), unique("login")];
    for (const key of [account, account, other, other]) expect((await limiter().hit(key, rule)).allowed).toBe(true);
    await limiter().reset(account, rule);
    expect((await limiter().hit(account, rule)).allowed).toBe(true);
    expect((await limiter().hit(other, rule)).allowed).toBe(false);
  });
}

export function cacheContract(cache: () => Cache) {
  it("returns what was put, as JSON, and nothing for a key never put", async () => {
    const key = unique("edition");
    const edition = { isbn: "9780441013593", title: "Dune", price: { amount: 1299, currency: "EUR" }, tags: ["sf"] };
    await cache().put(key, edition, 60);
    expect(await cache().get(key)).toEqual(edition);
    expect(await cache().get(unique("edition"))).toBeUndefined();
  });

  it("keeps a string a string, even one that looks like a number", async () => {
    const key = unique("isbn");
    await cache().put(key, "9780441013593", 60);
    expect(await cache().get(key)).toBe("9780441013593");
  });

  it("forgets an entry once its time to live has passed", async () => {
    const key = unique("listing");
    await cache().put(key, { listingId: "lst_1" }, 1);
    expect(await cache().get(key)).toEqual({ listingId: "lst_1" });
    await sleep(1500);
    expect(await cache().get(key)).toBeUndefined();
  });

  it("drops an entry on delete", async () => {
    const key = unique("listing");
    await cache().put(key, { listingId: "lst_2" }, 60);
    await cache().delete(key);
    expect(await cache().get(key)).toBeUndefined();
  });
}
