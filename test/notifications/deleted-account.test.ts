import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import {
  bookAlerts,
  cartReminders,
  notificationPreferences,
  notifications,
  phoneNumbers,
  pushSubscriptions,
} from "../../schema/notifications";
import { newId } from "../../workers/lib/ids";
import { choose, db, deliverRepeatedly } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { eventually } from "../support/eventually";
import { api, json, signUp } from "../support/identity";

/** UserDeleted: notifications forgets where to reach the account and what it asked for. */

/** One row of each kind notifications keeps about a user. */
async function keepEverythingOf(userId: string) {
  const now = Date.now();
  await db.insert(pushSubscriptions).values({
    id: newId("psb"),
    userId,
    endpointHash: crypto.randomUUID().replace(/-/g, ""),
    endpoint: `https://push.example/${crypto.randomUUID()}`,
    p256dh: "key",
    auth: "secret",
    userAgent: null,
    createdAt: now,
    lastUsedAt: null,
  });
  await db
    .insert(phoneNumbers)
    .values({ userId, phone: "+4915112345678", verifiedAt: now, createdAt: now, updatedAt: now });
  await db.insert(bookAlerts).values({
    id: newId("bal"),
    userId,
    editionId: newId("edn"),
    isbn13: testIsbn(16_400),
    kind: "back_in_stock",
    priceAmount: null,
    currency: null,
    condition: null,
    createdAt: now,
    firedAt: null,
    firedListingId: null,
  });
  await db.insert(cartReminders).values({
    cartId: `user:${userId}`,
    userId,
    contentsKey: "0".repeat(64),
    changedAt: now,
    dueAt: now + 60_000,
  });
  await choose(userId, { marketing: { email: true } });
  await db.insert(notifications).values({
    id: newId("ntf"),
    userId,
    sourceKey: `${newId("evt")}:order-shipped`,
    kind: "order-shipped",
    category: "orders",
    title: "Shipped",
    body: "DHL",
    link: null,
    data: {},
    createdAt: now,
    readAt: null,
  });
}

const TABLES = {
  pushSubscriptions: [pushSubscriptions, pushSubscriptions.userId],
  phoneNumbers: [phoneNumbers, phoneNumbers.userId],
  bookAlerts: [bookAlerts, bookAlerts.userId],
  cartReminders: [cartReminders, cartReminders.userId],
  preferences: [notificationPreferences, notificationPreferences.userId],
  feed: [notifications, notifications.userId],
} as const;

/** How many rows of each kind the user has. */
async function keptOf(userId: string): Promise<Record<keyof typeof TABLES, number>> {
  const counts = await Promise.all(
    Object.entries(TABLES).map(async ([name, [table, column]]) => {
      const rows = await db.select().from(table).where(eq(column, userId));
      return [name, rows.length] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<keyof typeof TABLES, number>;
}

const none = { pushSubscriptions: 0, phoneNumbers: 0, bookAlerts: 0, cartReminders: 0, preferences: 0, feed: 0 };
const one = { pushSubscriptions: 1, phoneNumbers: 1, bookAlerts: 1, cartReminders: 1, preferences: 1, feed: 1 };

describe("a deleted account's notifications", () => {
  it("lose its push subscriptions, phone number, alerts, cart reminder, preferences and feed", async () => {
    const leaving = await signUp();
    const staying = await signUp();
    await keepEverythingOf(leaving.userId);
    await keepEverythingOf(staying.userId);
    expect(await keptOf(leaving.userId)).toEqual(one);

    const deleted = await api(
      "/v1/me",
      json({ password: leaving.password }, { method: "DELETE", headers: leaving.auth }),
    );
    expect(deleted.status).toBe(204);
    await eventually(async () => {
      const kept = await keptOf(leaving.userId);
      return Object.values(kept).every((n) => n === 0) ? kept : undefined;
    });
    expect(await keptOf(staying.userId)).toEqual(one);
  });

  it("are forgotten once when the same UserDeleted is delivered twice", async () => {
    const leaving = await signUp();
    await keepEverythingOf(leaving.userId);
    await deliverRepeatedly("order-events", createEvent("UserDeleted", { userId: leaving.userId }));
    expect(await keptOf(leaving.userId)).toEqual(none);
  });
});
