import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { QueueName } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";
import { listings } from "../../schema/catalog";
import { editionFunnelDays, weeklyReports } from "../../schema/insights";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { eventually } from "../support/eventually";
import { asAdmin, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import { addToCart, db } from "../support/orders";

async function deliverTwice(queue: QueueName, event: { id: string }) {
  const batch = createMessageBatch(queue, [
    { id: `${event.id}-1`, timestamp: new Date(), attempts: 1, body: event },
    { id: `${event.id}-2`, timestamp: new Date(), attempts: 2, body: event },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`${event.id}-1`, `${event.id}-2`]);
}

const funnelOf = async (editionId: string, day: string) =>
  (
    await db
      .select()
      .from(editionFunnelDays)
      .where(and(eq(editionFunnelDays.editionId, editionId), eq(editionFunnelDays.day, day)))
  )[0];

describe("the funnel tally", () => {
  it("counts a view and a cart add once however often they are delivered", async () => {
    const editionId = newId("edn");
    const occurredAt = new Date("2025-06-02T10:00:00Z");
    const viewed = createEvent("ProductViewed", { editionId, isbn13: "9780000000001", userId: null }, occurredAt);
    await deliverTwice("catalog-events", viewed);
    const added = createEvent(
      "ProductAddedToCart",
      {
        cartId: "crt_1",
        userId: null,
        listingId: "lst_1",
        editionId,
        quantity: 3,
        price: { amount: 900, currency: "EUR" },
      },
      occurredAt,
    );
    await deliverTwice("order-events", added);
    const merged = createEvent(
      "ProductAddedToCart",
      { cartId: "crt_1", userId: null, listingId: "lst_1", quantity: 1, price: { amount: 900, currency: "EUR" } },
      occurredAt,
    );
    await deliverTwice("order-events", merged);
    expect(await funnelOf(editionId, "2025-06-02")).toEqual({ editionId, day: "2025-06-02", views: 1, cartAdds: 3 });
  });

  it("counts a real add to cart against the listing's edition", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 4 });
    const [found] = await db
      .select({ editionId: listings.editionId })
      .from(listings)
      .where(eq(listings.id, listing.id));
    const editionId = found!.editionId;
    await addToCart(await signUp(), listing.id, { quantity: 2 });
    const today = new Date().toISOString().slice(0, 10);
    const row = await eventually(async () => {
      const found = await funnelOf(editionId, today);
      return found && found.cartAdds > 0 ? found : undefined;
    });
    expect(row.cartAdds).toBe(2);
  });
});

describe("the Monday cron", () => {
  it("builds the week that just ended and mails it to every admin", async () => {
    const admin = await asAdmin();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "0 4 * * 1" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const built = await db.select().from(weeklyReports);
    expect(built).toHaveLength(1);
    const [mail] = await waitForMail(admin.email, "weekly-report");
    expect(mail!.subject).toBe(`Book Bazaar weekly report ${built[0]!.week}`);
    expect(mail!.text).toContain(`/v1/admin/reports/weekly?week=${built[0]!.week}`);
  });
});
