import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, paymentWebhookEvents, reconciliationFindings, refunds } from "../../schema/payments";
import { orderLedger } from "../../workers/orders";
import {
  type PayoutLedgerSource,
  reconciliationReport,
  runReconciliation,
} from "../../workers/payments/reconciliation";
import { firstRow } from "../support/database";
import { api, asAdmin, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  db,
  eur,
  eventsFor,
  orderRow,
  ordersTestContext,
  paidOrder,
  placeOrder,
  refund,
  waitForOrderStatus,
} from "../support/orders";
import { simulate } from "../support/payment-simulator";

const services = ordersTestContext().services;
const orders = orderLedger(services);
/** Reconcile as the daily run would once everything has settled (past the 10-minute grace). */
const reconcileLater = (payouts?: PayoutLedgerSource) =>
  runReconciliation({ services, orders, payouts }, Date.now() + 11 * 60_000);

const findingsOf = (runAt: number) =>
  db.select().from(reconciliationFindings).where(eq(reconciliationFindings.runAt, runAt));

const paymentOf = (paymentId: string) =>
  firstRow(db.select().from(payments).where(eq(payments.id, paymentId)).limit(1));

async function cartOfOne(price = 1200) {
  const seller = await asSeller();
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 1, price })).id);
  return { seller, buyer };
}

describe("reconciliation against the simulator's own records", () => {
  it("finds a capture whose success webhook was lost, and repairs it by replaying it: the order is paid", async () => {
    const { buyer } = await cartOfOne();
    const { order, payment } = await placeOrder(buyer);
    expect(await simulate(payment.id, "succeed", false)).toMatchObject({ outcome: "not_delivered" });
    expect((await orderRow(order.id))?.status).toBe("pending_payment");
    expect((await paymentOf(payment.id))?.status).toBe("pending");

    const run = await reconcileLater();
    expect(run.providerRecordsChecked).toBeGreaterThanOrEqual(1);
    const found = (await findingsOf(run.runAt)).filter((row) => row.orderId === order.id);
    expect(found).toEqual([
      expect.objectContaining({
        kind: "capture_not_received",
        paymentId: payment.id,
        repair: expect.stringContaining(`replay_`),
        repairedAt: expect.any(Number),
      }),
    ]);
    const paid = await waitForOrderStatus(order.id, "paid");
    expect(paid.paidAt).not.toBeNull();
    expect(await paymentOf(payment.id)).toMatchObject({
      status: "succeeded",
      capturedAmount: order.totals.total.amount,
    });
    const replayed = await db.select().from(paymentWebhookEvents).where(eq(paymentWebhookEvents.paymentId, payment.id));
    expect(replayed.map((row) => row.type)).toEqual(["reconciliation.replayed_capture"]);

    // The next run finds it settled and replays nothing again.
    const next = await reconcileLater();
    expect((await findingsOf(next.runAt)).filter((row) => row.orderId === order.id)).toEqual([]);
    expect(await eventsFor(order.id, "OrderPaid")).toHaveLength(1);

    // Operators see the finding and its repair.
    const admin = await asAdmin();
    const report = await api(`/v1/admin/reconciliation?run=${run.id}`, { headers: admin.auth });
    expect(report.status).toBe(200);
    const body = await report.json<{
      run: { providerRecordsChecked: number };
      findings: { kind: string; orderId: string; repair: string | null; repairedAt: string | null }[];
      feesCollected: { matched: boolean; note: string | null; days: unknown[] };
    }>();
    expect(body.run.providerRecordsChecked).toBe(run.providerRecordsChecked);
    expect(body.findings.find((row) => row.orderId === order.id)).toMatchObject({
      kind: "capture_not_received",
      repair: expect.stringContaining("webhook path"),
      repairedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // The admin route reconciles with the payouts ledger composed in (workers/app.ts): fees per day are reported.
    expect(body.feesCollected).toMatchObject({ matched: true, note: null, days: expect.any(Array) });
  });

  it("matches refunds one to one: one made only at the provider, or missing there, is a finding", async () => {
    const matched = await cartOfOne(2000);
    const { order } = await paidOrder(matched.buyer);
    const line = order.sellerOrders[0]!.lines[0]!;
    expect((await refund(matched.seller, order.id, { lines: [{ lineId: line.id }], reason: "torn" })).status).toBe(201);

    const outside = await cartOfOne(1500);
    const paidOutside = await paidOrder(outside.buyer);
    const stored = await paymentOf(paidOutside.payment.id);
    const { providerRefundId } = await services.payments.refund({
      providerPaymentId: stored!.providerPaymentId,
      amount: eur(300),
      reason: "refunded from the provider's dashboard",
      idempotencyKey: `dashboard-${crypto.randomUUID()}`,
    });

    const unmade = await cartOfOne(1800);
    const paidUnmade = await paidOrder(unmade.buyer);
    await db.insert(refunds).values({
      id: `ref_${"5".repeat(32)}`,
      paymentId: paidUnmade.payment.id,
      orderId: paidUnmade.order.id,
      amount: 200,
      currency: "EUR",
      reason: "never reached the provider",
      idempotencyKey: `unmade-${crypto.randomUUID()}`,
      providerRefundId: "sim_re_never_made",
      createdAt: Date.now(),
    });

    const run = await reconcileLater();
    const providerSide = (await findingsOf(run.runAt)).filter(
      (row) =>
        row.kind.startsWith("refund_") &&
        row.kind !== "refund_rows_disagree" &&
        row.kind !== "refund_totals_disagree" &&
        row.kind !== "refund_stuck",
    );
    expect(providerSide.map((row) => [row.kind, row.orderId])).toEqual(
      expect.arrayContaining([
        ["refund_only_at_provider", paidOutside.order.id],
        ["refund_missing_at_provider", paidUnmade.order.id],
      ]),
    );
    expect(providerSide).toHaveLength(2);
    expect(providerSide.find((row) => row.kind === "refund_only_at_provider")?.detail).toContain(providerRefundId);
  });

  it("matches transfers and reversals with the payouts ledger when it is given, and reports its fees per day", async () => {
    const { providerAccountId } = await services.payments.createConnectedAccount({
      sellerId: "sel_reconciled",
      email: "reconciled@bazaar.test",
      country: "DE",
    });
    const transfer = (key: string, amount: number) =>
      services.payments.createTransfer({
        providerAccountId,
        amount: eur(amount),
        transferGroup: `ord_${key}`,
        idempotencyKey: key,
        metadata: {},
      });
    const kept = await transfer(`kept-${crypto.randomUUID()}`, 1700);
    const unknown = await transfer(`unknown-${crypto.randomUUID()}`, 900);
    const reversal = await services.payments.reverseTransfer({
      providerTransferId: kept.providerTransferId,
      amount: eur(400),
      idempotencyKey: `reversal-${crypto.randomUUID()}`,
      metadata: {},
    });
    const day = Date.UTC(2026, 0, 1);
    const payouts: PayoutLedgerSource = {
      transfersBetween: async () => [
        {
          transferId: "trf_kept",
          providerTransferId: kept.providerTransferId,
          sellerId: "sel_reconciled",
          amount: eur(1700),
        },
        {
          transferId: "trf_lost",
          providerTransferId: "sim_tr_never_made",
          sellerId: "sel_reconciled",
          amount: eur(500),
        },
      ],
      reversalsBetween: async () => [
        { reversalId: "trv_kept", providerReversalId: reversal.providerReversalId, amount: eur(450) },
      ],
      ledgerMismatches: async () => [{ sellerId: "sel_reconciled", detail: "entries sum to 1300, transfers to 1200" }],
      feesByDay: async () => [{ day, fees: eur(230) }],
    };

    const without = await reconcileLater();
    const kinds = (rows: { kind: string }[]) =>
      rows.map((row) => row.kind).filter((kind) => /transfer|reversal|ledger/.test(kind));
    expect(kinds(await findingsOf(without.runAt))).toEqual([]);

    const run = await reconcileLater(payouts);
    const found = (await findingsOf(run.runAt)).filter((row) => /transfer|reversal|ledger/.test(row.kind));
    expect(found.map((row) => [row.kind, row.sellerId]).sort()).toEqual(
      [
        ["reversal_amount_disagrees", null],
        ["seller_ledger_mismatch", "sel_reconciled"],
        ["transfer_missing_at_provider", "sel_reconciled"],
        ["transfer_only_at_provider", null],
      ].sort(),
    );
    expect(found.find((row) => row.kind === "transfer_only_at_provider")?.detail).toContain(unknown.providerTransferId);

    const report = await reconciliationReport(
      { services, orders, payouts },
      { runId: run.id, from: "2026-01-01", to: "2026-01-02" },
    );
    expect(report?.feesCollected).toEqual({ matched: true, note: null, days: [{ day: "2026-01-01", fees: eur(230) }] });
  });
});
