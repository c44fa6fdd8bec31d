import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { EventEnvelope, EventType, QueueName } from "../../queues/event-catalogue";
import { notifications } from "../../schema/notifications";
import worker from "../../workers/index";
import { withDefaults } from "../../workers/notifications/preferences";
import { saveChoices } from "../../workers/notifications/store/preferences";
import { testDb } from "./database";
import { eventually } from "./eventually";
import { api, asSeller, json, type TestSeller, verifyEmailOf } from "./identity";

/** Helpers for notices tests: the feed as stored, preferences, repeated deliveries, offers of one ISBN. */

export const db = testDb();

/** A user's feed items of one kind, oldest first. */
export const feedOf = (userId: string, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.createdAt));

/** Waits until the user's feed holds `count` items of `kind` (they arrive through the real queues). */
export function waitForFeed(userId: string, kind: string, count = 1) {
  return eventually(async () => {
    const items = await feedOf(userId, kind);
    return items.length >= count ? items : undefined;
  });
}

/** Lets the queues run for a while, for tests that expect something *not* to happen. */
export const quietPeriod = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stores a user's choices (category → channel → on/off) over the defaults, as the preferences route does. */
export async function choose(userId: string, choices: Record<string, Record<string, boolean>>) {
  await saveChoices(db, userId, withDefaults(choices));
}

/** Delivers one event `times` times in one batch straight to the Worker's consumers of `queue`; all are acked. */
export async function deliverRepeatedly<T extends EventType>(queue: QueueName, event: EventEnvelope<T>, times = 2) {
  const ids = Array.from({ length: times }, (_, i) => `${event.id}-${i}`);
  const batch = createMessageBatch(
    queue,
    ids.map((id, i) => ({ id, timestamp: new Date(), attempts: i + 1, body: event })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(ids);
}

/** A seller whose address is confirmed, so their notices go out by mail as well as to the feed. */
export async function confirmedSeller(): Promise<TestSeller> {
  const seller = await asSeller();
  await verifyEmailOf(seller.email);
  return seller;
}

/** A listing of this ISBN through the seller API (the first one creates the edition, with `title`). */
export async function offer(
  seller: TestSeller,
  isbn: string,
  opts: { price?: number; quantity?: number; condition?: string; lowStockThreshold?: number; title?: string } = {},
): Promise<{ id: string }> {
  const response = await api(
    "/v1/seller/listings",
    json(
      {
        isbn,
        sku: `ALERT-${crypto.randomUUID().slice(0, 8)}`,
        condition: opts.condition ?? "very_good",
        price: { amount: opts.price ?? 1500, currency: "EUR" },
        quantity: opts.quantity ?? 1,
        lowStockThreshold: opts.lowStockThreshold,
        title: opts.title ?? "The Left Hand of Darkness",
        authors: ["Ursula K. Le Guin"],
      },
      { headers: seller.auth },
    ),
  );
  if (response.status !== 201) throw new Error(`listing not created: ${response.status} ${await response.text()}`);
  return response.json<{ id: string }>();
}
