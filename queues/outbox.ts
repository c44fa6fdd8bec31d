import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { outbox } from "../schema/platform";
import type { Logger } from "../workers/lib/log";
import { atomically, type Db, type Statement } from "../workers/platform/db";
import { type AnyEvent, EVENT_CATALOG, type EventEnvelope, type EventType, type QueueName } from "./event-catalogue";

export type QueueSenders = Record<QueueName, Queue>;

export function queueSenders(env: Env): QueueSenders {
  return {
    "order-events": env.ORDER_EVENTS,
    notifications: env.NOTIFICATIONS,
    "catalog-events": env.CATALOG_EVENTS,
    "catalog-imports": env.CATALOG_IMPORTS,
  };
}

/** A row left unsent this long is assumed lost by its request and picked up by the cron relay. */
export const RELAY_GRACE_MS = 30_000;
/** A relayed row is kept this long for tracing, then purged by the daily housekeeping (README, operations). */
export const RELAYED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletes rows that were relayed before the retention; unsent rows stay until the relay has sent them. */
export async function purgeRelayedOutbox(db: Db, now = Date.now()): Promise<void> {
  await db.delete(outbox).where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, now - RELAYED_RETENTION_MS)));
}
const RELAY_BATCH = 100;
const SEND_SLICE = 50;

/**
 * The transactional outbox. `commit` writes a state change and its events atomically, then sends
 * the events after the response through `waitUntil`; `relayPending` (cron) sends whatever was left.
 * Delivery is at least once; consumers are idempotent by event id, so the effect is exactly once.
 */
export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly queues: QueueSenders,
    private readonly waitUntil: (promise: Promise<unknown>) => void,
    private readonly log: Logger,
  ) {}

  rows(events: EventEnvelope<EventType>[]): Statement[] {
    const now = Date.now();
    return events.flatMap((event) =>
      EVENT_CATALOG[event.type].queues.map((queue) =>
        this.db.insert(outbox).values({
          eventId: event.id,
          queue,
          type: event.type,
          envelope: JSON.stringify(event),
          createdAt: now,
        }),
      ),
    );
  }

  /** Writes the statements and the events' outbox rows atomically, then schedules their delivery. */
  async commit(statements: Statement[], events: EventEnvelope<EventType>[]): Promise<unknown[]> {
    const all = [...statements, ...this.rows(events)];
    const results = await atomically(this.db, all);
    this.dispatch(events);
    return results;
  }

  /** Sends already-committed events after the response (used when the rows were written by another batch). */
  dispatch(events: EventEnvelope<EventType>[]): void {
    if (events.length === 0) return;
    const ids = events.map((event) => event.id);
    this.waitUntil(
      this.sendRows(ids).catch((error) =>
        this.log.warn("outbox dispatch failed; the relay will retry", { error: String(error) }),
      ),
    );
  }

  /**
   * Sends events that record no state change (a book page was viewed) straight to their queues after the
   * response, without an outbox row: at most once, so only for signals whose loss is acceptable.
   */
  signal(events: EventEnvelope<EventType>[]): void {
    for (const queue of new Set(events.flatMap((event) => EVENT_CATALOG[event.type].queues as readonly QueueName[]))) {
      const forQueue = events.filter((event) =>
        (EVENT_CATALOG[event.type].queues as readonly QueueName[]).includes(queue),
      );
      this.waitUntil(
        this.queues[queue]
          .sendBatch(forQueue.map((event) => ({ body: event, contentType: "json" as const })))
          .catch((error) => this.log.warn("signal send failed", { queue, error: String(error) })),
      );
    }
  }

  /** Sends every row still unsent after the grace period. Returns how many rows were sent. */
  async relayPending(now = Date.now()): Promise<number> {
    let sent = 0;
    for (;;) {
      const pending = await this.db
        .select({ eventId: outbox.eventId })
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.createdAt, now - RELAY_GRACE_MS)))
        .orderBy(outbox.createdAt)
        .limit(RELAY_BATCH);
      if (pending.length === 0) return sent;
      const delivered = await this.sendRows([...new Set(pending.map((row) => row.eventId))]);
      sent += delivered;
      if (delivered === 0 || pending.length < RELAY_BATCH) return sent;
    }
  }

  /** Sends in slices: D1 binds at most 100 parameters and a queue batch holds at most 100 messages. */
  private async sendRows(eventIds: string[]): Promise<number> {
    let delivered = 0;
    for (let i = 0; i < eventIds.length; i += SEND_SLICE) {
      delivered += await this.sendSlice(eventIds.slice(i, i + SEND_SLICE));
    }
    return delivered;
  }

  private async sendSlice(eventIds: string[]): Promise<number> {
    const rows = await this.db
      .select()
      .from(outbox)
      .where(and(inArray(outbox.eventId, eventIds), isNull(outbox.sentAt)));
    let delivered = 0;
    for (const queue of new Set(rows.map((row) => row.queue as QueueName))) {
      const forQueue = rows.filter((row) => row.queue === queue);
      const ids = forQueue.map((row) => row.eventId);
      const keys = and(eq(outbox.queue, queue), inArray(outbox.eventId, ids));
      try {
        await this.queues[queue].sendBatch(
          forQueue.map((row) => ({ body: JSON.parse(row.envelope) as AnyEvent, contentType: "json" as const })),
        );
        await this.db
          .update(outbox)
          .set({ sentAt: Date.now(), attempts: sql`${outbox.attempts} + 1` })
          .where(keys);
        delivered += forQueue.length;
      } catch (error) {
        await this.db
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error).slice(0, 500) })
          .where(keys);
        this.log.warn("outbox send failed", { queue, events: ids.length, error: String(error) });
      }
    }
    return delivered;
  }
}
