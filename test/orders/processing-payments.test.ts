import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { orderStatusHistory, sellerOrders } from "../../schema/orders";
import { payments } from "../../schema/payments";
import worker from "../../workers/index";
import { expireUnpaidOrders } from "../../workers/orders/expiry";
import { firstRow } from "../support/database";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import {
  addToCart,
  db,
  eventsFor,
  orderRow,
  ordersTestContext,
  placeOrder,
  stockLevels,
  waitForOrderStatus,
} from "../support/orders";
import { consumed, simulate } from "../support/payment-simulator";

const DAY = 86_400_000;
const PROCESSING_HOLD = 5 * DAY;

async function processingOrder() {
  const seller = await asSeller();
  const listing = await listBook(seller, { quantity: 3, price: 1800 });
  const buyer = await signUp({ name: "Debit Reader", verified: true });
  await addToCart(buyer, listing.id, { quantity: 2 });
  const placed = await placeOrder(buyer);
  expect(await simulate(placed.payment.id, "processing")).toMatchObject({ outcome: "accepted" });
  const order = await waitForOrderStatus(placed.order.id, "payment_processing");
  return { seller, listing, buyer, order, payment: placed.payment };
}

async function historyOf(orderId: string) {
  const rows = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
  return rows.filter((row) => row.sellerOrderId === null).map((row) => [row.fromStatus, row.toStatus]);
}

const paymentRow = (id: string) => firstRow(db.select().from(payments).where(eq(payments.id, id)).limit(1));

describe("payments that take time (a bank debit)", () => {
  it("keeps the copies held until checkout + the processing limit, in the StockDO and on the order", async () => {
    const { listing, buyer, order, payment } = await processingOrder();
    const holdUntil = order.createdAt + PROCESSING_HOLD;
    expect(order.holdExpiresAt).toBe(holdUntil);
    expect((await paymentRow(payment.id))?.status).toBe("processing");
    const parts = await db.select().from(sellerOrders).where(eq(sellerOrders.orderId, order.id));
    expect(parts.map((part) => part.status)).toEqual(["payment_processing"]);
    const snapshot = await env.STOCK.getByName(listing.id).snapshot();
    expect(snapshot.reservations).toEqual([
      expect.objectContaining({ orderId: order.id, quantity: 2, state: "held", expiresAt: holdUntil }),
    ]);
    expect(await historyOf(order.id)).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "payment_processing"],
    ]);

    const [mail] = await waitForMail(buyer.email, "payment-processing");
    expect(mail!.subject).toContain(order.id);
    expect(mail!.text).toContain(`${(order.total / 100).toFixed(2)} EUR`);
    expect(mail!.text).toContain(new Date(holdUntil).toISOString().slice(0, 10));
  });

  it("is not expired by the sweep before the limit, and is at the limit, letting its copies go", async () => {
    const { listing, order } = await processingOrder();
    const ctx = ordersTestContext();
    // Well past the checkout's 15-minute hold, a day before the limit.
    await expireUnpaidOrders(ctx, order.createdAt + PROCESSING_HOLD - DAY);
    expect((await orderRow(order.id))?.status).toBe("payment_processing");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 3, held: 2, available: 1 });

    expect(await expireUnpaidOrders(ctx, order.createdAt + PROCESSING_HOLD)).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.id))?.status).toBe("expired");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 3, held: 0, available: 3 });
    expect(await historyOf(order.id)).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "payment_processing"],
      ["payment_processing", "expired"],
    ]);
  });

  it("pays the order when the processing payment succeeds, selling the held copies", async () => {
    const { listing, order, payment } = await processingOrder();
    await simulate(payment.id, "succeed");
    const paid = await waitForOrderStatus(order.id, "paid");
    expect(paid.paidAt).not.toBeNull();
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
    expect(await historyOf(order.id)).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "payment_processing"],
      ["payment_processing", "paid"],
    ]);
    expect(await eventsFor(order.id, "OrderPaid")).toHaveLength(1);
  });

  it("releases the copies when the processing payment fails", async () => {
    const { listing, buyer, order, payment } = await processingOrder();
    await simulate(payment.id, "fail");
    const failed = await waitForOrderStatus(order.id, "payment_failed");
    expect(failed.holdExpiresAt).toBeLessThanOrEqual(Date.now());
    expect(await stockLevels(listing.id)).toEqual({ onHand: 3, held: 0, available: 3 });
    expect((await paymentRow(payment.id))?.status).toBe("failed");
    await waitForMail(buyer.email, "payment-failed");
  });

  it("changes nothing on a second processing notice, nor on the same event delivered twice", async () => {
    const { order, payment } = await processingOrder();
    const again = await simulate(payment.id, "processing");
    expect(again.outcome).toBe("ignored");

    const event = createEvent("PaymentProcessed", {
      paymentId: payment.id,
      orderId: order.id,
      provider: "simulated",
      outcome: "processing",
      amount: order.total,
      currency: "EUR",
    });
    const batch = createMessageBatch("order-events", [
      { id: "proc-1", timestamp: new Date(), attempts: 1, body: event },
      { id: "proc-2", timestamp: new Date(), attempts: 2, body: event },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["proc-1", "proc-2"]);
    await consumed("orders.payment-outcomes", event.id);
    expect(await historyOf(order.id)).toHaveLength(2);
    expect(await eventsFor(order.id, "OrderPaymentProcessing")).toHaveLength(1);
  });

  it("never moves a paid order back to processing", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const placed = await placeOrder(buyer);
    await simulate(placed.payment.id, "succeed");
    await waitForOrderStatus(placed.order.id, "paid");
    expect((await simulate(placed.payment.id, "processing")).outcome).toBe("ignored");
    expect((await orderRow(placed.order.id))?.status).toBe("paid");
  });
});
