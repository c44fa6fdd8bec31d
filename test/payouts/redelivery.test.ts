import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consumers } from "../../queues/consumers";
import type { AnyEvent } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";
import { auditLog } from "../../schema/identity";
import { simulatedProviderRecords } from "../../schema/payments";
import { transfers } from "../../schema/payouts";
import { processedEvents } from "../../schema/platform";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { accountUpdated } from "../../workers/payouts/accounts";
import { holdDisputed, closeDispute as settleDispute } from "../../workers/payouts/disputes";
import { eventually } from "../support/eventually";
import { db, eventsFor, paidTwoSellerOrder, refund } from "../support/orders";
import {
  enablePayouts,
  entriesOf,
  journalPosted,
  paymentDisputeClosed,
  paymentDisputed,
  payoutAccountRow,
  payoutsTestContext,
  reversalRows,
  sellerOrderCompletedEvent,
  startOnboarding,
  transferRow,
  transferRows,
} from "../support/payouts";

/** The audit entries about one target, oldest first, by type. */
const auditTypesOf = async (target: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(auditLog.id)).map((row) => row.type);

/** Hands the same event to the Worker's queue handler twice, as a redelivery would. */
async function deliverTwice(event: AnyEvent | { id: string }) {
  const batch = createMessageBatch("order-events", [
    { id: `${event.id}-1`, timestamp: new Date(), attempts: 1, body: event },
    { id: `${event.id}-2`, timestamp: new Date(), attempts: 2, body: event },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`${event.id}-1`, `${event.id}-2`]);
}

/**
 * Waits until every order-events consumer of a queued event has handled its first delivery, so the redelivery
 * below never races it (two deliveries at once are the queue's concurrent duplicate, retried by design).
 */
async function firstDeliveryDone(event: AnyEvent) {
  const names = consumers
    .filter((consumer) => consumer.queue === "order-events" && consumer.handles.includes(event.type))
    .map((consumer) => consumer.name);
  await eventually(async () => {
    const done = await db.select().from(processedEvents).where(eq(processedEvents.eventId, event.id));
    return names.every((name) => done.some((row) => row.consumer === name)) ? true : undefined;
  });
}

const journalsOf = async (sellerOrderId: string, kind: string) =>
  new Set((await entriesOf(sellerOrderId)).filter((entry) => entry.kind === kind).map((entry) => entry.journalId));

const simulatedTransfersOf = (orderId: string) =>
  db
    .select()
    .from(simulatedProviderRecords)
    .where(eq(simulatedProviderRecords.transferGroup, orderId))
    .then((rows) => rows.filter((row) => row.kind === "transfer"));

describe("redelivered events", () => {
  it("post a paid order's sale, discount and fee once", async () => {
    const { parts, order } = await paidTwoSellerOrder();
    await journalPosted(parts[0].id, "fee");
    const [paid] = (await eventsFor(order.id, "OrderPaid")) as AnyEvent[];
    await firstDeliveryDone(paid!);
    const before = await entriesOf(parts[0].id);
    await deliverTwice(paid!);
    expect(await entriesOf(parts[0].id)).toHaveLength(before.length);
  });

  it("make one transfer for a completed seller order, never two", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder();
    await enablePayouts(sellers[0]);
    await journalPosted(parts[0].id, "fee");
    const completed = sellerOrderCompletedEvent(parts[0], order.id);
    await deliverTwice(completed);
    // A second, different delivery of the same news (the returns job run twice) changes nothing either.
    await deliverTwice(sellerOrderCompletedEvent(parts[0], order.id));
    expect(await transferRows(parts[0].id)).toMatchObject([{ status: "sent" }]);
    expect(await simulatedTransfersOf(order.id)).toHaveLength(1);
    expect(await journalsOf(parts[0].id, "transfer")).toHaveProperty("size", 1);
    expect(await journalsOf(parts[0].id, "release")).toHaveProperty("size", 1);
  });

  it("resume a transfer claimed before a crash with the same key, so the provider makes it once", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder();
    await enablePayouts(sellers[1]);
    const part = parts[1];
    await journalPosted(part.id, "fee");
    // The claim was written and the provider asked, then the consumer died before marking the row sent.
    const account = await payoutAccountRow(sellers[1].sellerId);
    const claimed = { id: newId("trf"), amount: 100 };
    await db.insert(transfers).values({
      id: claimed.id,
      sellerId: sellers[1].sellerId,
      sellerOrderId: part.id,
      orderId: order.id,
      amount: claimed.amount,
      currency: "EUR",
      status: "pending",
      createdAt: Date.now(),
    });
    const { services } = payoutsTestContext();
    await services.payments.createTransfer({
      providerAccountId: account!.providerAccountId,
      amount: { amount: claimed.amount, currency: "EUR" },
      transferGroup: order.id,
      idempotencyKey: claimed.id,
      metadata: {},
    });
    await deliverTwice(sellerOrderCompletedEvent(part, order.id));
    const [row] = await transferRows(part.id);
    expect(row).toMatchObject({ id: claimed.id, status: "sent", amount: claimed.amount });
    const made = await simulatedTransfersOf(order.id);
    expect(made).toMatchObject([{ id: row!.providerTransferId, idempotencyKey: claimed.id }]);
    // What the claim did not cover stays available for the seller, in the ledger.
    const available = (await entriesOf(part.id))
      .filter((entry) => entry.account === "seller_available")
      .reduce((sum, entry) => sum + entry.amount, 0);
    expect(available).toBeGreaterThan(0);
  });

  it("reverse a transfer once for a refund delivered twice", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([1200, 3000]);
    await enablePayouts(sellers[0]);
    await journalPosted(parts[0].id, "fee");
    await deliverTwice(sellerOrderCompletedEvent(parts[0], order.id));
    const transfer = await transferRow(parts[0].id);
    const response = await refund(sellers[0], order.id, {
      lines: [{ lineId: parts[0].lines[0]!.id }],
      reason: "never arrived",
    });
    expect(response.status).toBe(201);
    const reversal = await eventually(async () => {
      const [row] = await reversalRows(transfer!.id);
      return row?.status === "sent" ? row : undefined;
    });
    const [issued] = (await eventsFor(order.id, "RefundIssued")) as AnyEvent[];
    await firstDeliveryDone(issued!);
    await deliverTwice(issued!);
    expect(await reversalRows(transfer!.id)).toEqual([reversal]);
    expect(await journalsOf(parts[0].id, "reversal")).toHaveProperty("size", 1);
    expect((await transferRow(parts[0].id))?.reversedAmount).toBe(reversal.amount);
  });

  it("hold and release a disputed order's money once", async () => {
    const { parts, order, payment } = await paidTwoSellerOrder();
    await journalPosted(parts[1].id, "fee");
    const disputeId = newId("dsp");
    const disputed = paymentDisputed({ order, payment }, disputeId);
    await deliverTwice(disputed);
    expect(await journalsOf(parts[1].id, "dispute_hold")).toHaveProperty("size", 1);
    const closed = paymentDisputeClosed({ order, payment }, disputeId, "won");
    await deliverTwice(closed);
    expect(await journalsOf(parts[1].id, "dispute_release")).toHaveProperty("size", 1);
    // Handled again past the processed-event marker (a consumer that stopped half-way): no second audit entry.
    await holdDisputed(payoutsTestContext(), disputed.data);
    await settleDispute(payoutsTestContext(), closed.data);
    expect(await auditTypesOf(`order:${order.id}`)).toEqual([
      "payouts_held",
      "payouts_held",
      "payouts_released",
      "payouts_released",
    ]);
  });

  it("update a connected account once and pay what it is owed once", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder();
    await journalPosted(parts[0].id, "fee");
    await deliverTwice(sellerOrderCompletedEvent(parts[0], order.id));
    await eventually(async () => ((await entriesOf(parts[0].id)).some((e) => e.kind === "release") ? true : undefined));
    const link = await startOnboarding(sellers[0]);
    const updated = createEvent("PayoutAccountUpdated", {
      provider: "simulated",
      providerAccountId: link.accountId,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
    await deliverTwice(updated);
    await accountUpdated(payoutsTestContext(), updated.data);
    expect(await payoutAccountRow(sellers[0].sellerId)).toMatchObject({ payoutsEnabled: true, detailsSubmitted: true });
    expect(await auditTypesOf(`payout_account:${link.accountId}`)).toEqual([
      "payout_onboarding_started",
      "payout_onboarding_completed",
    ]);
    expect(await transferRows(parts[0].id)).toMatchObject([{ status: "sent" }]);
    expect(await simulatedTransfersOf(order.id)).toHaveLength(1);
  });
});
