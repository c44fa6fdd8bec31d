import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { sellerReviews } from "../../schema/community";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { testDatabase, testDb } from "../support/database";
import { eventually } from "../support/eventually";
import { api, json, signUp, type TestAccount } from "../support/identity";
import { aBook, aComment, aReview, aThread } from "./moderated-content";

async function deliverTwice(event: ReturnType<typeof createEvent>) {
  for (const attempt of [1, 2]) {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("order-events", [
      { id: `msg-${event.id}-${attempt}`, timestamp: new Date(), attempts: attempt, body: event },
    ]);
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`msg-${event.id}-${attempt}`]);
  }
}

async function aSellerReview(buyer: TestAccount, name: string): Promise<string> {
  const id = newId("srv");
  const now = Date.now();
  await testDb()
    .insert(sellerReviews)
    .values({
      id,
      sellerId: newId("sel"),
      sellerOrderId: newId("sor"),
      buyerId: buyer.userId,
      authorName: name,
      rating: 4,
      comment: "Well packed.",
      status: "published",
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

async function posts(name: string, author: TestAccount) {
  const book = await aBook();
  const thread = await aThread(author, book, { name });
  return {
    reviews: await aReview(author, book, { name }),
    threads: thread,
    comments: await aComment(author, thread, { name }),
    seller_reviews: await aSellerReview(author, name),
  };
}

const shown = async (table: string, id: string) =>
  testDatabase
    .prepare(
      `SELECT author_name, ${table === "seller_reviews" ? "comment" : "body"} AS text FROM ${table} WHERE id = ?`,
    )
    .bind(id)
    .first<{ author_name: string; text: string }>();

describe("UserDeleted: the author's name leaves their posts", () => {
  it("renames every post of the deleted reader once, text kept, under redelivery", async () => {
    const [leaving, staying] = await Promise.all([signUp(), signUp()]);
    const gone = await posts("Leaving Reader", leaving);
    const kept = await posts("Staying Reader", staying);
    await deliverTwice(createEvent("UserDeleted", { userId: leaving.userId }));
    for (const [table, id] of Object.entries(gone)) {
      const row = await shown(table, id);
      expect(row?.author_name, table).toBe("Deleted reader");
      expect(row?.text, table).toBeTruthy();
    }
    for (const [table, id] of Object.entries(kept))
      expect((await shown(table, id))?.author_name).toBe("Staying Reader");
    const markers = await testDatabase
      .prepare(
        "SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'community.deleted-author' AND event_id LIKE 'evt_%'",
      )
      .first<{ n: number }>();
    expect(Number(markers?.n)).toBeGreaterThanOrEqual(1);
  });

  it("follows an account deletion through the real queue", async () => {
    const reader = await signUp();
    const book = await aBook();
    const review = await aReview(reader, book, { name: "Soon Gone", body: "Worth it." });
    const deleted = await api(
      "/v1/me",
      json({ password: reader.password }, { method: "DELETE", headers: reader.auth }),
    );
    expect(deleted.status).toBe(204);
    await eventually(async () =>
      (await shown("reviews", review))?.author_name === "Deleted reader" ? true : undefined,
    );
    expect((await shown("reviews", review))?.text).toBe("Worth it.");
  });
});
