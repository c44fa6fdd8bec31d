import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderRefunds, orders } from "../../schema/orders";
import { payments } from "../../schema/payments";
import worker from "../../workers/index";
import { reservationIdFor } from "../../workers/inventory/service";
import { expireUnpaidOrders } from "../../workers/orders/expiry";
import { firstRow } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import {
  addToCart,
  db,
  eventsFor,
  orderRow,
  ordersTestContext,
  placeOrder,
  settlePayment,
  stockLevels,
  waitForOrderStatus,
} from "../support/orders";

/** The hold runs out: the StockDO lets the copies go (as its alarm does) and the sweep expires the order. */
async function letHoldExpire(order: { id: string; holdExpiresAt: string }, listingIds: string[]) {
  for (const listingId of listingIds) {
    await env.STOCK.getByName(listingId).release(reservationIdFor(order.id, listingId));
  }
  await expireUnpaidOrders(ordersTestContext(), Date.parse(order.holdExpiresAt) + 1);
  expect((await orderRow(order.id))?.status).toBe("expired");
}

describe("unpaid orders and late payments", () => {
  it("expires unpaid orders past their hold and leaves paid and still-held ones alone", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 5 });
    const [unpaid, paying, fresh] = [await signUp(), await signUp(), await signUp()];
    for (const buyer of [unpaid, paying, fresh]) await addToCart(buyer, listing.id);
    const stale = await placeOrder(unpaid);
    const paid = await placeOrder(paying);
    await settlePayment(paid.payment.id, "succeed");
    await waitForOrderStatus(paid.order.id, "paid");
    const later = await placeOrder(fresh);

    const cutoff = Date.parse(stale.order.holdExpiresAt) + 1;
    // The fresh order's hold runs well past the sweep's clock.
    await db
      .update(orders)
      .set({ holdExpiresAt: cutoff + 60_000 })
      .where(eq(orders.id, later.order.id));
    expect(await expireUnpaidOrders(ordersTestContext(), cutoff)).toBeGreaterThanOrEqual(1);

    expect((await orderRow(stale.order.id))?.status).toBe("expired");
    expect((await orderRow(paid.order.id))?.status).toBe("paid");
    expect((await orderRow(later.order.id))?.status).toBe("pending_payment");
    // The expired order's copy is back on sale; the paid one is sold, the fresh one still held.
    expect(await stockLevels(listing.id)).toEqual({ onHand: 4, held: 1, available: 3 });
  });

  it("runs the expiry from the every-minute cron", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const { order } = await placeOrder(buyer);
    await db
      .update(orders)
      .set({ holdExpiresAt: Date.now() - 1 })
      .where(eq(orders.id, order.id));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await orderRow(order.id))?.status).toBe("expired");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
  });

  it("pays an expired order when its copies are still there, holding them again", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const { order, payment } = await placeOrder(buyer);
    await letHoldExpire(order, [listing.id]);
    await settlePayment(payment.id, "succeed");
    await waitForOrderStatus(order.id, "paid");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 0, held: 0, available: 0 });
  });

  it("refunds in full and cancels a payment that arrives after the hold expired and a copy was sold", async () => {
    const seller = await asSeller();
    const plenty = await listBook(seller, { quantity: 2 });
    const last = await listBook(seller, { quantity: 1 });
    const late = await signUp({ name: "Late Payer", verified: true });
    await addToCart(late, plenty.id);
    await addToCart(late, last.id);
    const { order, payment } = await placeOrder(late);
    await letHoldExpire(order, [plenty.id, last.id]);

    const quick = await signUp();
    // The catalog shows the copy for sale again once the release reached its copy of the stock (within seconds).
    await eventually(async () => {
      const added = await api("/v1/cart/items", json({ listingId: last.id }, { headers: quick.auth }));
      return added.status === 201 ? true : undefined;
    });
    const other = await placeOrder(quick);
    await settlePayment(other.payment.id, "succeed");
    await waitForOrderStatus(other.order.id, "paid");

    await settlePayment(payment.id, "succeed");
    const cancelled = await waitForOrderStatus(order.id, "cancelled");
    expect(cancelled.cancelReason).toBe("stock_unavailable_after_payment");
    const refunded = await eventually(async () => {
      const row = await orderRow(order.id);
      return row && row.refundedTotal === row.total ? row : undefined;
    });
    expect(refunded.paidAt).toBeNull();
    // The order's total is claimed before the provider refunds; the refund row completes after it.
    const refund = await eventually(async () => {
      const [row] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
      return row?.state === "pending" ? undefined : row;
    });
    expect(refund).toMatchObject({
      state: "succeeded",
      amount: order.totals.total.amount,
      reason: "stock_unavailable_after_payment",
    });
    const stored = await firstRow(db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
    expect(stored).toMatchObject({
      capturedAmount: order.totals.total.amount,
      refundedAmount: order.totals.total.amount,
    });
    expect(await eventsFor(order.id, "RefundIssued")).toHaveLength(1);

    // No copy stays sold to the cancelled order: the one it got back is on sale again, the other is the quick buyer's.
    expect(await stockLevels(plenty.id)).toEqual({ onHand: 2, held: 0, available: 2 });
    expect(await stockLevels(last.id)).toEqual({ onHand: 0, held: 0, available: 0 });
    const [cancelMail] = await waitForMail(late.email, "order-cancelled");
    expect(cancelMail!.text).toContain("refunded in full");
    const [refundMail] = await waitForMail(late.email, "refund-issued");
    expect(refundMail!.subject).toContain(order.id);
  });
});
