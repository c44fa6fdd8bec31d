import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { Outbox, queueSenders, RELAY_GRACE_MS } from "../../queues/outbox";
import { devMailbox } from "../../schema/notifications";
import { outbox, processedEvents } from "../../schema/platform";
import worker from "../../workers/index";
import { createLogger } from "../../workers/lib/log";
import { testDatabase, testDb } from "../support/database";
import { eventually } from "../support/eventually";

const db = testDb();
const log = createLogger({ test: "outbox" });

/** A confirmed address's welcome: the mail event that needs no account behind it. */
function registered(email: string) {
  return createEvent("EmailVerified", { userId: "usr_test", email, name: "Ada" });
}

/** The real queue binding, except that its first send fails the way a queue outage would. */
function failingOnce(queue: Queue): Queue {
  let failed = false;
  return new Proxy(queue, {
    get(target, key) {
      if (key === "sendBatch" && !failed) {
        return async () => {
          failed = true;
          throw new Error("queue unavailable");
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("transactional outbox", () => {
  it("delivers an event exactly once even when the first queue send throws", async () => {
    const pending: Promise<unknown>[] = [];
    const senders = queueSenders(env);
    const flaky = new Outbox(
      db,
      { ...senders, notifications: failingOnce(env.NOTIFICATIONS) },
      (p) => pending.push(p),
      log,
    );
    const event = registered("exactly-once@bazaar.test");

    await flaky.commit([], [event]);
    await Promise.all(pending);
    const [row] = await db.select().from(outbox).where(eq(outbox.eventId, event.id));
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row?.lastError).toContain("queue unavailable");

    // The cron relay picks the row up once it is past the grace period, and only once.
    const relay = new Outbox(db, senders, () => {}, log);
    expect(await relay.relayPending(Date.now() + RELAY_GRACE_MS + 1)).toBe(1);
    expect(await relay.relayPending(Date.now() + RELAY_GRACE_MS + 1)).toBe(0);

    const mails = await eventually(async () => {
      const rows = await db.select().from(devMailbox).where(eq(devMailbox.to, "exactly-once@bazaar.test"));
      return rows.length > 0 ? rows : undefined;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.template).toBe("welcome");
  });

  it("does not relay rows younger than the grace period (their request is still sending them)", async () => {
    const relay = new Outbox(db, queueSenders(env), () => {}, log);
    await db.insert(outbox).values({
      eventId: "evt_fresh",
      queue: "notifications",
      type: "UserRegistered",
      envelope: "{}",
      createdAt: Date.now(),
    });
    expect(await relay.relayPending()).toBe(0);
    await db.delete(outbox).where(eq(outbox.eventId, "evt_fresh"));
  });

  it("runs the relay from the every-minute cron trigger", async () => {
    const event = registered("cron-relay@bazaar.test");
    await db.insert(outbox).values({
      eventId: event.id,
      queue: "notifications",
      type: event.type,
      envelope: JSON.stringify(event),
      createdAt: Date.now() - RELAY_GRACE_MS - 1_000,
    });
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const [row] = await db.select().from(outbox).where(eq(outbox.eventId, event.id));
    expect(row?.sentAt).not.toBeNull();
  });
});

describe("idempotent consumers", () => {
  it("gives a message delivered twice one effect", async () => {
    const event = registered("twice@bazaar.test");
    const batch = createMessageBatch("notifications", [
      { id: "m-1", timestamp: new Date(), attempts: 1, body: event },
      { id: "m-2", timestamp: new Date(), attempts: 1, body: event },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m-1", "m-2"]);
    expect(result.retryMessages).toEqual([]);
    const mails = await db.select().from(devMailbox).where(eq(devMailbox.to, "twice@bazaar.test"));
    expect(mails).toHaveLength(1);
  });
});

describe("large commits", () => {
  it("sends a commit of more events than D1 binds parameters or a queue batch holds", async () => {
    const events = Array.from({ length: 230 }, (_, i) => registered(`many-${i}@bazaar.test`));
    const pending: Promise<unknown>[] = [];
    const box = new Outbox(db, queueSenders(env), (promise) => void pending.push(promise), log);
    await box.commit([], events);
    await Promise.all(pending);
    const unsent = await testDatabase
      .prepare("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND envelope LIKE '%many-%'")
      .first<number>("n");
    expect(unsent).toBe(0);
  });
});

describe("daily housekeeping", () => {
  it("purges relayed outbox rows after 7 days and processed-event markers after 30, and keeps the rest", async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const row = (eventId: string, createdAt: number, sentAt: number | null) => ({
      eventId,
      queue: "notifications",
      type: "EmailVerified",
      envelope: "{}",
      createdAt,
      sentAt,
    });
    await db
      .insert(outbox)
      .values([
        row("evt_relayed_old", now - 9 * day, now - 8 * day),
        row("evt_relayed_recent", now - 2 * day, now - 2 * day),
        row("evt_never_sent", now - 9 * day, null),
      ]);
    await db.insert(processedEvents).values([
      { consumer: "housekeeping.test", eventId: "evt_marker_old", processedAt: now - 31 * day },
      { consumer: "housekeeping.test", eventId: "evt_marker_recent", processedAt: now - 29 * day },
    ]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "30 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    const kept = await db
      .select({ eventId: outbox.eventId })
      .from(outbox)
      .where(inArray(outbox.eventId, ["evt_relayed_old", "evt_relayed_recent", "evt_never_sent"]));
    expect(kept.map((r) => r.eventId).sort()).toEqual(["evt_never_sent", "evt_relayed_recent"]);
    const markers = await db
      .select({ eventId: processedEvents.eventId })
      .from(processedEvents)
      .where(eq(processedEvents.consumer, "housekeeping.test"));
    expect(markers.map((m) => m.eventId)).toEqual(["evt_marker_recent"]);
  });
});
