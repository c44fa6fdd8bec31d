import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reconciliationFindings } from "../../schema/payments";
import { completeSellerOrders, orderLedger } from "../../workers/orders";
import { reconciliationReport, runReconciliation } from "../../workers/payments/reconciliation";
import { payoutLedger } from "../../workers/payouts";
import { eventually } from "../support/eventually";
import { db, ordersTestContext, paidTwoSellerOrder, refund } from "../support/orders";
import { enablePayouts, feeOn, reversalRows, saleOf, transferRow } from "../support/payouts";
import { setReturnWindowEnd, shipAndDeliver } from "../support/returns";

const sentTransfer = (sellerOrderId: string) =>
  eventually(async () => {
    const row = await transferRow(sellerOrderId);
    return row?.status === "sent" ? row : undefined;
  });

/**
 * The money path as it runs: a seller ships, the order is delivered, the return window passes, the completion job
 * completes the seller order, payouts transfers it, a later refund reverses part of it; the daily reconciliation,
 * given the real payouts ledger, matches every transfer and reversal with the provider's and finds the ledger sound.
 */
describe("reconciliation with the payouts ledger", () => {
  it("is clean after a transfer and a reversal, and reports the day's fees", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([2400, 1600]);
    const [seller] = sellers;
    const [part, other] = parts;
    await enablePayouts(seller);
    await shipAndDeliver(seller, part.id);
    await setReturnWindowEnd(part.id, Date.now() - 1000);
    const ctx = ordersTestContext();
    await completeSellerOrders(ctx);
    const transfer = await sentTransfer(part.id);
    expect(transfer.amount).toBe(saleOf(part) - feeOn(saleOf(part)));

    const lineId = part.lines[0]!.id;
    expect((await refund(seller, order.id, { lines: [{ lineId }], reason: "lost in the post" })).status).toBe(201);
    const reversal = await eventually(async () => {
      const [row] = await reversalRows(transfer.id);
      return row?.status === "sent" ? row : undefined;
    });
    expect(reversal.amount).toBeGreaterThan(0);

    const services = ctx.services;
    const context = { services, orders: orderLedger(services), payouts: payoutLedger(services) };
    const run = await runReconciliation(context, Date.now() + 11 * 60_000);
    const findings = await db.select().from(reconciliationFindings).where(eq(reconciliationFindings.runAt, run.runAt));
    const mine = findings.filter(
      (finding) =>
        finding.orderId === order.id || [seller.sellerId, sellers[1].sellerId].includes(finding.sellerId ?? ""),
    );
    expect(mine).toEqual([]);
    expect(findings.filter((finding) => /transfer|reversal/.test(finding.kind))).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const report = await reconciliationReport(context, { runId: run.id, from: today, to: today });
    expect(report?.feesCollected.matched).toBe(true);
    const fees = report?.feesCollected.days.find((day) => day.day === today)?.fees.amount ?? 0;
    // Both seller orders' fees, less what the refund gave back of the first's.
    expect(fees).toBeGreaterThanOrEqual(feeOn(saleOf(other)));
  });
});
