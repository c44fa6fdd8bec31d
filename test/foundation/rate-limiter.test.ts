import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DurableObjectRateLimiter } from "../../workers/platform/rate-limit/durable-object";

describe("Durable Object rate limiter", () => {
  it("allows up to the limit, refuses with a retry time, and recovers after the window", async () => {
    const stub = env.RATE_LIMITER.getByName("test:window");
    const start = 1_000_000_000_000;
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await stub.hit(3, 60_000, start + i));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThan(0);
    // Two windows later the old hits no longer weigh on the sliding window.
    expect((await stub.hit(3, 60_000, start + 120_000)).allowed).toBe(true);
  });

  it("gives a retry time after which a hit is allowed, and not a second earlier", async () => {
    const stub = env.RATE_LIMITER.getByName("test:retry-after");
    const start = 1_000_000_020_000;
    for (let i = 0; i < 3; i++) await stub.hit(3, 60_000, start + i);
    const refused = await stub.hit(3, 60_000, start + 3);
    expect(refused.allowed).toBe(false);
    // The three hits weigh on the next window too, until a third of it has passed.
    expect(refused.retryAfterSeconds).toBe(80);
    expect((await stub.hit(3, 60_000, start + 3 + 79_000)).allowed).toBe(false);
    expect((await stub.hit(3, 60_000, start + 3 + 80_000)).allowed).toBe(true);
  });

  it("keeps separate counts per key", async () => {
    const limiter = new DurableObjectRateLimiter(env.RATE_LIMITER);
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await limiter.hit("ip:1", rule)).allowed).toBe(true);
    expect((await limiter.hit("ip:1", rule)).allowed).toBe(false);
    expect((await limiter.hit("ip:2", rule)).allowed).toBe(true);
  });
});
