import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Redis } from "@upstash/redis/cloudflare";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { UpstashCache } from "../../workers/platform/cache/upstash";
import { UpstashRateLimiter } from "../../workers/platform/rate-limit/upstash";
import { buildServices } from "../../workers/platform/services";
import { cacheContract, rateLimiterContract } from "../support/adapter-contracts";
import { envWith } from "../support/env";
import { upstash } from "../support/outside";

/** The real Worker configuration switched to the Upstash adapters, pointed at the local stand-in. */
function upstashServices(token = upstash.token) {
  const config = loadConfig(
    envWith({
      RATE_LIMIT_ADAPTER: "upstash",
      CACHE_ADAPTER: "upstash",
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: token,
    }),
  );
  return buildServices(env, config, createExecutionContext(), createLogger({ test: "upstash" }));
}

const title = upstash.url
  ? "Upstash adapters against a real redis-server"
  : "Upstash adapters (skipped: redis-server is not installed; apt-get install -y redis-server)";

describe.skipIf(!upstash.url)(title, () => {
  it("are what the configuration builds", () => {
    const services = upstashServices();
    expect(services.rateLimiter).toBeInstanceOf(UpstashRateLimiter);
    expect(services.cache).toBeInstanceOf(UpstashCache);
  });

  describe("rate limiter", () => rateLimiterContract(() => upstashServices().rateLimiter));
  describe("cache", () => cacheContract(() => upstashServices().cache));

  it("keeps cache entries in Redis under their own prefix, with the time to live", async () => {
    await upstashServices().cache.put("edition:ttl-check", { title: "Emma" }, 60);
    // One command per request here, where the adapters' client batches commands into pipelines.
    const redis = new Redis({ url: upstash.url, token: upstash.token, enableAutoPipelining: false });
    expect(await redis.get("cache:edition:ttl-check")).toEqual({ title: "Emma" });
    expect(await redis.ttl("cache:edition:ttl-check")).toBeGreaterThan(50);
  });

  it("fails on a wrong token instead of reporting a miss or letting traffic through", async () => {
    const services = upstashServices("not-the-token");
    await expect(services.cache.get("edition:any")).rejects.toThrow(/Unauthorized/);
    await expect(services.cache.put("edition:any", { title: "Emma" }, 60)).rejects.toThrow(/Unauthorized/);
    await expect(services.rateLimiter.hit("ip:any", { limit: 5, windowSeconds: 60 })).rejects.toThrow(/Unauthorized/);
  });

  it("has a stand-in that answers as the Upstash REST API does", async () => {
    const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${upstash.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${upstash.token}`, ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const notAnInteger = "ERR value is not an integer or out of range";
    const base64 = { "Upstash-Encoding": "base64" };
    const emile = btoa(String.fromCharCode(...new TextEncoder().encode("Émile")));

    expect(await call("/", ["SET", "protocol:title", "Émile"])).toEqual({ status: 200, body: { result: "OK" } });
    expect(await call("/", ["GET", "protocol:title"], base64)).toEqual({ status: 200, body: { result: emile } });
    expect(await call("/", ["INCR", "protocol:title"])).toEqual({ status: 400, body: { error: notAnInteger } });
    const pipeline = [
      ["GET", "protocol:title"],
      ["INCR", "protocol:title"],
      ["GET", "protocol:none"],
    ];
    expect(await call("/pipeline", pipeline)).toEqual({
      status: 200,
      body: [{ result: "Émile" }, { error: notAnInteger }, { result: null }],
    });
    const transaction = [
      ["SET", "protocol:copies", 1],
      ["INCR", "protocol:copies"],
    ];
    expect(await call("/multi-exec", transaction)).toEqual({ status: 200, body: [{ result: "OK" }, { result: 2 }] });
    expect(await call("/", ["GET", "protocol:title"], { authorization: "Bearer wrong" })).toEqual({
      status: 401,
      body: { error: "Unauthorized" },
    });
  });
});
