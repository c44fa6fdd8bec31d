import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderRefunds, orders, sellerOrders } from "../../schema/orders";
import { payments, reconciliationFindings, reconciliationRuns } from "../../schema/payments";
import worker from "../../workers/index";
import { orderLedger } from "../../workers/orders";
import { runReconciliation } from "../../workers/payments/reconciliation";
import { startPayment } from "../../workers/payments/service";
import { firstRow } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  db,
  eur,
  ordersTestContext,
  paidOrder,
  paidTwoSellerOrder,
  placeOrder,
  refund,
  settlePayment,
  ship,
  waitForOrderStatus,
} from "../support/orders";

const services = ordersTestContext().services;
/** Reconcile as the daily run would once everything has settled (past the 10-minute grace). */
const reconcileLater = () => runReconciliation({ services, orders: orderLedger(services) }, Date.now() + 11 * 60_000);

async function findingsOf(runAt: number) {
  const rows = await db.select().from(reconciliationFindings).where(eq(reconciliationFindings.runAt, runAt));
  return rows.map((row) => [row.kind, row.orderId]);
}

async function paidFromNewSeller(price = 1000) {
  const seller = await asSeller();
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 2, price })).id);
  return { seller, buyer, ...(await paidOrder(buyer)) };
}

describe("reconciliation", () => {
  it("reports nothing wrong after orders are paid, shipped, refunded, cancelled and paid late", async () => {
    const { seller, order } = await paidFromNewSeller();
    expect((await ship(seller, order.sellerOrders[0]!.id)).status).toBe(201);
    const line = order.sellerOrders[0]!.lines[0]!;
    expect(
      (await refund(seller, order.id, { lines: [{ lineId: line.id }], reason: "torn page", restock: true })).status,
    ).toBe(201);

    const cancelled = await paidFromNewSeller(2000);
    expect(
      (await api(`/v1/orders/${cancelled.order.id}/cancel`, { method: "POST", headers: cancelled.buyer.auth })).status,
    ).toBe(200);

    const other = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(other, { quantity: 1 })).id);
    const unpaid = await placeOrder(buyer);
    expect((await api(`/v1/orders/${unpaid.order.id}/cancel`, { method: "POST", headers: buyer.auth })).status).toBe(
      200,
    );
    await settlePayment(unpaid.payment.id, "succeed");
    // The late payment is refunded: wait until that finished, on the order and on the payment (the order's total
    // is claimed before the provider refunds, the payment's after).
    await waitForOrderStatus(unpaid.order.id, "cancelled");
    await eventually(async () => {
      const row = await firstRow(db.select().from(orders).where(eq(orders.id, unpaid.order.id)).limit(1));
      return row && row.refundedTotal === row.total ? row : undefined;
    });
    await eventually(async () => {
      const row = await firstRow(db.select().from(payments).where(eq(payments.id, unpaid.payment.id)).limit(1));
      return row && row.refundedAmount === row.capturedAmount ? row : undefined;
    });

    // Every refund of the three orders has completed on the order's side too (the payment's total can move first).
    const orderIds = [order.id, cancelled.order.id, unpaid.order.id];
    await eventually(async () => {
      const pending = await db
        .select({ id: orderRefunds.id })
        .from(orderRefunds)
        .where(and(inArray(orderRefunds.orderId, orderIds), eq(orderRefunds.state, "pending")));
      return pending.length === 0 ? true : undefined;
    });

    const run = await reconcileLater();
    expect(await findingsOf(run.runAt)).toEqual([]);
    expect(run).toMatchObject({ findings: 0, paymentsChecked: 3 });
    expect(run.ordersChecked).toBeGreaterThanOrEqual(3);
  });

  it("finds every kind of disagreement between payments, refunds and orders", async () => {
    const old = Date.now() - 60_000;
    const unpaidPayment = await paidFromNewSeller();
    await db
      .update(payments)
      .set({ status: "pending", updatedAt: old })
      .where(eq(payments.id, unpaidPayment.payment.id));

    const kept = await paidFromNewSeller();
    await db.update(orders).set({ status: "expired", paidAt: null }).where(eq(orders.id, kept.order.id));

    const mismatch = await paidFromNewSeller();
    await db.update(payments).set({ capturedAmount: 1 }).where(eq(payments.id, mismatch.payment.id));

    const outside = await paidFromNewSeller();
    await db.update(payments).set({ refundedAmount: 300 }).where(eq(payments.id, outside.payment.id));

    const stuck = await paidFromNewSeller();
    await db.insert(orderRefunds).values({
      id: `orf_${"9".repeat(32)}`,
      orderId: stuck.order.id,
      requestKey: `${stuck.order.id}:stuck`,
      state: "pending",
      amount: 100,
      currency: "EUR",
      reason: "stuck",
      restock: false,
      allocation: { sellerOrders: [], lines: [] },
      actor: "system:test",
      providerRefundId: null,
      createdAt: Date.now() - 2 * 60 * 60_000,
      completedAt: null,
    });

    const ghost = `ord_${"7".repeat(32)}`;
    const orphan = await startPayment(services, { orderId: ghost, total: eur(500), description: "no such order" });
    await settlePayment(orphan.id, "succeed");

    const run = await reconcileLater();
    const found = await findingsOf(run.runAt);
    expect(found).toEqual(
      expect.arrayContaining([
        ["paid_without_capture", unpaidPayment.order.id],
        ["captured_without_paid_order", kept.order.id],
        ["amount_mismatch", mismatch.order.id],
        ["refund_totals_disagree", outside.order.id],
        ["refund_rows_disagree", outside.order.id],
        ["refund_stuck", stuck.order.id],
        ["captured_without_order", ghost],
        // The provider's side: it captured the payment made pending here (replayed), and more than recorded here.
        ["capture_not_received", unpaidPayment.order.id],
        ["capture_amount_disagrees", mismatch.order.id],
      ]),
    );
    expect(found).toHaveLength(9);
    expect(run.findings).toBe(9);
  });

  it("checks that seller orders' refunds and goodwill add up to the order's, and none passes its total", async () => {
    const { sellers, order, parts } = await paidTwoSellerOrder([1000, 4000]);
    const admin = await asAdmin();
    expect((await refund(sellers[0], order.id, { amount: eur(400), reason: "x", restock: false })).status).toBe(201);
    expect(
      (await refund(admin, order.id, { amount: eur(300), goodwill: true, reason: "late", restock: false })).status,
    ).toBe(201);
    const about = async () =>
      (await findingsOf((await reconcileLater()).runAt)).filter(([, orderId]) => orderId === order.id);
    expect(await about()).toEqual([]);

    // A seller order charged without the order (as the cross-seller refund once did), then one past its total.
    await db.update(sellerOrders).set({ refundedTotal: 900 }).where(eq(sellerOrders.id, parts[1].id));
    await db
      .update(sellerOrders)
      .set({ refundedTotal: parts[0].totals.total!.amount + 1 })
      .where(eq(sellerOrders.id, parts[0].id));
    expect(await about()).toEqual([
      ["seller_refunds_disagree", order.id],
      ["seller_refunds_disagree", order.id],
    ]);
  });

  it("shows the latest run to admins, runs on demand and from the daily cron", async () => {
    const admin = await asAdmin();
    const before = await api("/v1/admin/reconciliation", { headers: admin.auth });
    expect([200, 404]).toContain(before.status);

    const ran = await api("/v1/admin/reconciliation/runs", json({}, { headers: admin.auth }));
    expect(ran.status).toBe(201);
    const report = await ran.json<{ run: { id: string; clean: boolean }; findings: unknown[] }>();
    const latest = await (await api("/v1/admin/reconciliation", { headers: admin.auth })).json<{
      run: { id: string };
    }>();
    expect(latest.run.id).toBe(report.run.id);
    const byId = await api(`/v1/admin/reconciliation?run=${report.run.id}`, { headers: admin.auth });
    expect((await byId.json<{ run: { id: string } }>()).run.id).toBe(report.run.id);

    const runs = async () => (await db.select().from(reconciliationRuns)).length;
    const count = await runs();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "30 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await runs()).toBe(count + 1);
  });
});
