import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, devMailbox } from "../../schema/notifications";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import { emptyD1Usage, meterD1 } from "../../workers/platform/d1-usage";
import { createDb } from "../../workers/platform/db";

const app = createApp();
const benchEnv = { ...env, BENCH_MODE: "1" } as Env;
const get = (path: string, withEnv: Env) => app.request(path, {}, withEnv, createExecutionContext());

async function seedMailbox(to: string, count: number) {
  const db = createDb(env.DB);
  for (let i = 0; i < count; i++) {
    const id = `mail_${to}_${i}`;
    await db.insert(devMailbox).values({
      id,
      to,
      from: "shop@bazaar.test",
      subject: `hello ${i}`,
      text: "hi",
      template: "welcome",
      sentAt: 1_700_000_000_000 + i,
    });
    await db
      .insert(deliveries)
      .values({ id: `dlv_${id}`, eventId: `evt_${id}`, template: "welcome", to, provider: "dev-mailbox", sentAt: 1 });
  }
}

describe("bench mode", () => {
  it("is off by default and refused in production", () => {
    expect(loadConfig(env).BENCH_MODE).toBe(false);
    expect(() =>
      loadConfig({
        ENVIRONMENT: "production",
        CORS_ORIGINS: "https://shop.example",
        MAIL_ADAPTER: "http",
        MAIL_API_URL: "https://mail.example/emails",
        MAIL_API_KEY: "k",
        BENCH_MODE: "1",
      } as unknown as Env),
    ).toThrow(/BENCH_MODE/);
  });

  it("reports no query costs outside bench mode", async () => {
    const response = await get("/v1/health", env);
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toBeNull();
  });

  it("reports the rows a request's D1 queries read in Server-Timing", async () => {
    await seedMailbox("reader@bazaar.test", 3);
    const path = "/v1/dev/mailbox?to=reader@bazaar.test";
    await get(path, benchEnv); // the first run of a statement learns its columns and is marked partial
    const response = await get(path, benchEnv);
    expect(response.status).toBe(200);
    expect((await response.json<{ items: unknown[] }>()).items).toHaveLength(3);
    const timing = response.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/^d1;dur=[\d.]+;desc="queries=1 rows_read=(\d+) rows_written=0"$/);
    expect(Number(/rows_read=(\d+)/.exec(timing)?.[1])).toBeGreaterThanOrEqual(3);

    const missing = await get("/v1/no-such-route", benchEnv);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("server-timing")).toMatch(/queries=0 rows_read=0/);
  });

  it("returns exactly what the bare binding returns, joins with repeated column names included", async () => {
    await seedMailbox("join@bazaar.test", 2);
    const usage = emptyD1Usage();
    const plain = createDb(env.DB);
    const metered = createDb(meterD1(env.DB, usage));
    const mail = (db: typeof plain) =>
      db.select().from(devMailbox).where(eq(devMailbox.to, "join@bazaar.test")).orderBy(devMailbox.sentAt);
    // Both columns are named `id` in the result, which objects cannot hold twice.
    const joined = (db: typeof plain) =>
      db
        .select({ mail: devMailbox.id, delivery: deliveries.id })
        .from(devMailbox)
        .innerJoin(deliveries, eq(deliveries.eventId, sql`'evt_' || ${devMailbox.id}`))
        .where(eq(devMailbox.to, "join@bazaar.test"))
        .orderBy(devMailbox.sentAt);

    const expectedMail = await mail(plain);
    const expectedJoin = await joined(plain);
    expect(expectedMail).toHaveLength(2);
    expect(expectedJoin).toEqual([
      { mail: "mail_join@bazaar.test_0", delivery: "dlv_mail_join@bazaar.test_0" },
      { mail: "mail_join@bazaar.test_1", delivery: "dlv_mail_join@bazaar.test_1" },
    ]);

    for (let round = 0; round < 2; round++) {
      expect(await mail(metered)).toEqual(expectedMail);
      expect(await joined(metered)).toEqual(expectedJoin);
    }
    const rowsBeforeBatch = usage.rowsRead;
    expect(await metered.batch([mail(metered)])).toEqual([expectedMail]);
    expect(usage.rowsRead).toBeGreaterThan(rowsBeforeBatch);
    expect(usage.queries).toBe(5);
    // The join is counted but cannot report its rows, so the usage says it is a floor.
    expect(usage.partial).toBe(true);
  });
});
