import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_API_RUNTIMES } from "../../servers/runtimes";
import { createPlanetScaleDb } from "../../workers/platform/planetscale";
import { type LocalPlanetScale, startLocalPlanetScale } from "../support/local-planetscale";
import { freePort } from "../support/local-process";
import { type RedisServer, startRedisServer } from "../support/redis-server";
import { type RunningServer, startServer, startWorker } from "../support/servers";
import { startUpstashProxy, type UpstashProxy } from "../support/upstash-proxy";
import { addEditions, isbn } from "./catalog";

/**
 * The read API on Bun and on Deno, started as `npm run serve:bun` and `npm run serve:deno` start it, and the
 * Worker on workerd (`wrangler dev`), all three reading one MariaDB through the PlanetScale HTTP API. Bun caches
 * in memory; Deno in Upstash (a local stand-in over redis-server), or in memory where redis-server is missing.
 */

const HOBBIT = isbn("978026110221");
const HOBBIT_HARDCOVER = isbn("979800000001");
const DER_HOBBIT = isbn("979800000008");
const NOT_IN_CATALOG = isbn("979899999999");

const EDITIONS = [
  {
    isbn13: HOBBIT,
    title: "The Hobbit",
    subtitle: "or There and Back Again",
    authors: ["J. R. R. Tolkien"],
    publishedYear: 1937,
    description: "Bilbo Baggins is swept into a quest.",
  },
  { isbn13: HOBBIT_HARDCOVER, title: "The Hobbit", authors: ["J. R. R. Tolkien"], format: "hardcover" as const },
  { isbn13: isbn("979800000002"), title: "The Fellowship of the Ring", authors: ["J. R. R. Tolkien"] },
  { isbn13: isbn("979800000004"), title: "The Habit of Art", authors: ["Alan Bennett"] },
  { isbn13: isbn("979800000006"), title: "A Brief History of Time", authors: ["Stephen Hawking"] },
  { isbn13: DER_HOBBIT, title: "Der Hobbit", authors: ["J. R. R. Tolkien"], language: "de" },
];

/** A search with a typo, on one short page so that the order of the first page is what is compared. */
const TYPO_SEARCH = "/v1/books?q=the%20hobbitt&limit=2";

/** Known when tests are collected, before any server starts (CI installs redis-server). */
const WITH_REDIS = spawnSync("redis-server", ["--version"]).status === 0;

type Target = "bun" | "deno" | "worker";
const servers = {} as Record<Target, RunningServer>;
let mysql: LocalPlanetScale;
let workerState: string;
let redis: RedisServer | undefined;
let upstash: UpstashProxy | undefined;

beforeAll(async () => {
  mysql = await startLocalPlanetScale({ username: "bazaar-smoke" });
  await addEditions(createPlanetScaleDb(mysql.proxy), EDITIONS);
  const database = mysql.vars;
  redis = await startRedisServer();
  upstash = redis ? await startUpstashProxy(redis.url, randomUUID()) : undefined;
  if (!upstash) console.warn("redis-server is not installed: Deno caches in memory, the Upstash check is skipped");
  const caches = {
    bun: { CACHE_ADAPTER: "memory" },
    deno: upstash
      ? { CACHE_ADAPTER: "upstash", UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token }
      : { CACHE_ADAPTER: "memory" },
  };
  const readServer = async (runtime: "bun" | "deno") => {
    const [command, args] = READ_API_RUNTIMES[runtime];
    const port = await freePort();
    const env = { ...process.env, ...database, ...caches[runtime], READ_API_PORT: String(port) };
    return startServer({ name: runtime, command, args, port, env });
  };
  workerState = mkdtempSync(join(tmpdir(), "bazaar-smoke-worker-"));
  [servers.bun, servers.deno, servers.worker] = await Promise.all([
    readServer("bun"),
    readServer("deno"),
    startWorker({ persistTo: workerState, vars: database }),
  ]);
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  await mysql?.stop();
  await upstash?.close();
  await redis?.stop();
  if (workerState) rmSync(workerState, { recursive: true, force: true });
});

const get = (target: Target, path: string) => fetch(`${servers[target].url}${path}`);

describe.each(["bun", "deno"] as const)("the read API on %s", (runtime) => {
  it("answers a search with a typo with the expected first page", async () => {
    const response = await get(runtime, TYPO_SEARCH);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      items: { isbn13: string; title: string }[];
      nextCursor: string | null;
      correctedQuery?: string;
    };
    expect(page.correctedQuery).toBe("the hobbit");
    expect(page.items.map((item) => [item.isbn13, item.title])).toEqual([
      [HOBBIT, "The Hobbit"],
      [HOBBIT_HARDCOVER, "The Hobbit"],
    ]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("answers a book page", async () => {
    const response = await get(runtime, `/v1/books/${HOBBIT}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      isbn13: HOBBIT,
      work: { title: "The Hobbit", subtitle: "or There and Back Again", authors: ["J. R. R. Tolkien"] },
      offers: [],
    });
  });

  it("drops the view the book page signals, with a debug line, and keeps serving", async () => {
    await get(runtime, `/v1/books/${DER_HOBBIT}`);
    await expect
      .poll(() => servers[runtime].output())
      .toMatch(/"level":"debug","message":"queue messages dropped: the read server has no queues"/);
    expect((await get(runtime, "/v1/health")).status).toBe(200);
  });

  it("answers an unknown edition or listing, an unknown route and a write with a 404 problem", async () => {
    for (const [path, method] of [
      [`/v1/books/${NOT_IN_CATALOG}`, "GET"],
      [`/v1/listings/lst_${"0".repeat(32)}`, "GET"],
      ["/v1/nowhere", "GET"],
      ["/v1/cart/items", "POST"],
    ]) {
      const response = await fetch(`${servers[runtime].url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 404, code: "not_found", instance: path });
    }
  });

  it("describes in /openapi.json exactly the operations it serves, as the Worker describes them", async () => {
    type Document = { paths: Record<string, unknown> };
    const read = (await (await get(runtime, "/openapi.json")).json()) as Document;
    const worker = (await (await get("worker", "/openapi.json")).json()) as Document;
    expect(Object.keys(read.paths)).toContain("/v1/books");
    expect(Object.keys(read.paths)).not.toContain("/v1/cart/items");
    for (const [path, item] of Object.entries(read.paths)) expect(item, path).toEqual(worker.paths[path]);
  });
});

describe("Bun, Deno and the Worker on one database", () => {
  it("answer the same search with the same first page, and the same book page, browse and suggestions", async () => {
    const someItems = { items: expect.arrayContaining([expect.anything()]) };
    const reads: [string, object][] = [
      [TYPO_SEARCH, someItems],
      [`/v1/books/${HOBBIT}`, { isbn13: HOBBIT }],
      ["/v1/books?limit=3", someItems],
      ["/v1/books/suggest?q=tolk", someItems],
    ];
    for (const [path, shape] of reads) {
      const [bun, deno, worker] = await Promise.all(
        (["bun", "deno", "worker"] as const).map(async (target) => {
          const response = await get(target, path);
          expect(response.status, `${target} ${path}`).toBe(200);
          return response.json();
        }),
      );
      expect(worker, path).toMatchObject(shape);
      expect(bun, path).toEqual(worker);
      expect(deno, path).toEqual(worker);
    }
  });
});

describe("the read API's caches", () => {
  it.skipIf(!WITH_REDIS)("Deno's search was cached in Upstash", async () => {
    await get("deno", TYPO_SEARCH);
    await expect
      .poll(async () => {
        const response = await fetch(upstash!.url, {
          method: "POST",
          headers: { authorization: `Bearer ${upstash!.token}` },
          body: JSON.stringify(["KEYS", "cache:*"]),
        });
        return ((await response.json()) as { result: string[] }).result.length;
      })
      .toBeGreaterThan(0);
  });
});
