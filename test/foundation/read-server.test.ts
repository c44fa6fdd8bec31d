import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createEvent } from "../../queues/events";
import { ConfigError, loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { MemoryCache } from "../../workers/platform/cache/memory";
import { buildServices } from "../../workers/platform/services";
import { createReadApp } from "../../workers/read-app";
import { cacheContract } from "../support/adapter-contracts";

/** What servers/read-api.ts gives the read app: variables only, READ_SERVER set, no bindings. */
const READ_SERVER_VARS = {
  READ_SERVER: "true",
  DATABASE: "planetscale",
  PLANETSCALE_HOST: "db.example.psdb.cloud",
  PLANETSCALE_USERNAME: "reader",
  PLANETSCALE_PASSWORD: "pscale_pw_reader",
  CACHE_ADAPTER: "memory",
};
const readServerEnv = (overrides: Record<string, string> = {}) =>
  ({ ...READ_SERVER_VARS, ...overrides }) as unknown as Env;

interface Document {
  paths: Record<string, Record<string, unknown>>;
  tags: { name: string }[];
  components: { schemas: Record<string, unknown> };
}

/** The read app's document, built on the test Worker's bindings (only the routes matter here). */
async function readDocument(): Promise<Document> {
  const response = await createReadApp().request("http://bazaar.test/openapi.json", {}, env, createExecutionContext());
  expect(response.status).toBe(200);
  return response.json<Document>();
}

async function workerDocument(): Promise<Document> {
  return (await exports.default.fetch("http://bazaar.test/openapi.json")).json<Document>();
}

describe("the read app (servers/, on Bun and Deno)", () => {
  it("serves health and the public catalog reads, described exactly as the Worker describes them", async () => {
    const [read, worker] = await Promise.all([readDocument(), workerDocument()]);
    expect(Object.keys(read.paths)).toEqual([
      "/v1/health",
      "/v1/books",
      "/v1/books/suggest",
      "/v1/books/{isbn}",
      "/v1/categories",
      "/v1/listings/{id}",
      "/v1/listings/{id}/price-history",
    ]);
    for (const [path, item] of Object.entries(read.paths)) expect(item, path).toEqual(worker.paths[path]);
    for (const [name, schema] of Object.entries(read.components.schemas)) {
      expect(schema, name).toEqual(worker.components.schemas[name]);
    }
    expect(read.tags.map((tag) => tag.name)).toEqual(["Catalog", "Operations"]);
    expect(worker.tags.length).toBeGreaterThan(read.tags.length);
  });

  it("answers writes, carts and media with a 404 problem: they stay on the Worker", async () => {
    const app = createReadApp();
    for (const [method, path] of [
      ["POST", "/v1/cart/items"],
      ["POST", "/v1/auth/register"],
      ["POST", "/v1/seller/listings"],
      ["GET", "/v1/media/abc"],
    ] as const) {
      const response = await app.request(`http://bazaar.test${path}`, { method }, env, createExecutionContext());
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
  });
});

describe("read server configuration", () => {
  const issuesOf = (variables: Record<string, string>) => {
    try {
      loadConfig(readServerEnv(variables));
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues;
    }
  };

  it("refuses D1 and the Workers Cache API, which it does not have, naming the setting to change", () => {
    expect(issuesOf({ DATABASE: "d1" })).toEqual([
      "DATABASE: the read server has no D1 binding: set DATABASE=planetscale",
    ]);
    expect(issuesOf({ CACHE_ADAPTER: "cache-api" })).toEqual([
      "CACHE_ADAPTER: the read server has no Workers Cache API: set CACHE_ADAPTER=memory or upstash",
    ]);
  });

  it("needs no secret of writes, payments or sign-in, even in production, and still refuses a local database there", () => {
    const production = { ENVIRONMENT: "production", CORS_ORIGINS: "https://shop.example" };
    expect(issuesOf(production)).toEqual([]);
    expect(issuesOf({ ...production, PLANETSCALE_HOST: "127.0.0.1:3900" })).toEqual([
      "PLANETSCALE_HOST: a local proxy host is for development and tests only",
    ]);
    expect(issuesOf({ ...production, CACHE_ADAPTER: "upstash" }).join("\n")).toMatch(/UPSTASH_REDIS_REST_URL/);
  });

  it("shares one in-memory cache between requests, and drops the signals a read sends", async () => {
    const readEnv = readServerEnv({ CACHE_MEMORY_MB: "1" });
    const config = loadConfig(readEnv);
    const log = createLogger({ test: "read-server" });
    const first = buildServices(readEnv, config, createExecutionContext(), log);
    expect(first.cache).toBeInstanceOf(MemoryCache);
    expect(buildServices(readEnv, config, createExecutionContext(), log).cache).toBe(first.cache);

    const lines = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const ctx = createExecutionContext();
      const services = buildServices(readEnv, config, ctx, log);
      const viewed = createEvent("ProductViewed", { editionId: "edn_1", isbn13: "9780261102217", userId: null });
      services.outbox.signal([viewed]);
      await waitOnExecutionContext(ctx);
      const logged = lines.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(logged).toContainEqual(
        expect.objectContaining({ level: "debug", queue: "catalog-events", messages: 1, test: "read-server" }),
      );
    } finally {
      lines.mockRestore();
    }
  });
});

describe("in-memory cache", () => {
  const shared = new MemoryCache(1024 * 1024);
  cacheContract(() => shared);

  it("lets the least recently read entries go first when it is over its size", async () => {
    const entry = (n: number) => ({ edition: n, padding: "x".repeat(80) });
    const size = JSON.stringify(entry(1)).length;
    const cache = new MemoryCache(size * 3);
    for (const n of [1, 2, 3]) await cache.put(`e${n}`, entry(n), 60);
    expect(await cache.get("e1")).toEqual(entry(1));
    await cache.put("e4", entry(4), 60);
    expect(await cache.get("e2")).toBeUndefined();
    for (const n of [1, 3, 4]) expect(await cache.get(`e${n}`)).toEqual(entry(n));
  });

  it("keeps nothing larger than itself", async () => {
    const cache = new MemoryCache(10);
    await cache.put("big", { title: "A Brief History of Time" }, 60);
    expect(await cache.get("big")).toBeUndefined();
  });
});
