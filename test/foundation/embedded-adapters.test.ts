import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { CacheApiCache } from "../../workers/platform/cache/cache-api";
import { DurableObjectRateLimiter } from "../../workers/platform/rate-limit/durable-object";
import { MemoryRateLimiter } from "../../workers/platform/rate-limit/memory";
import { buildServices } from "../../workers/platform/services";
import { cacheContract, rateLimiterContract } from "../support/adapter-contracts";

/** The services a fresh clone runs with: no accounts, no network. */
function defaultServices() {
  return buildServices(env, loadConfig(env), createExecutionContext(), createLogger({ test: "embedded" }));
}

describe("embedded default adapters", () => {
  it("are what the default configuration builds", () => {
    const services = defaultServices();
    expect(services.rateLimiter).toBeInstanceOf(DurableObjectRateLimiter);
    expect(services.cache).toBeInstanceOf(CacheApiCache);
  });

  describe("Durable Object rate limiter", () => rateLimiterContract(() => defaultServices().rateLimiter));
  describe("the read server's in-process rate limiter", () => {
    const limiter = new MemoryRateLimiter();
    rateLimiterContract(() => limiter);
  });
  describe("Cache API cache", () => cacheContract(() => defaultServices().cache));
});
