import type { OrderLedger, OrderLedgerSource } from "../payments";
import type { Services } from "../platform/services";
import * as store from "./store";

/** Each order's money as the orders module accounts for it: totals, refunds settled and claimed, goodwill. */
async function withRefunds(services: Pick<Services, "db">, rows: store.OrderRow[]): Promise<OrderLedger[]> {
  const ids = rows.map((row) => row.id);
  const [refunds, sellerOrders] = await Promise.all([
    store.settledRefundTotals(services.db, ids),
    store.sellerOrderRefundTotals(services.db, ids),
  ]);
  const settled = new Map(refunds.map((sum) => [sum.orderId, Number(sum.total)]));
  const sellerSide = new Map(
    sellerOrders.map((sum) => [
      sum.orderId,
      { refunded: Number(sum.refunded), overRefunded: Number(sum.overRefunded) },
    ]),
  );
  return rows.map((row) => ({
    orderId: row.id,
    status: row.status,
    currency: row.currency,
    total: row.total,
    refundedSettled: settled.get(row.id) ?? 0,
    refundedTotal: row.refundedTotal,
    goodwill: row.goodwillTotal,
    sellerOrdersRefunded: sellerSide.get(row.id)?.refunded ?? 0,
    sellerOrdersOverRefunded: sellerSide.get(row.id)?.overRefunded ?? 0,
    paidAt: row.paidAt,
  }));
}

async function orderLedgers(services: Pick<Services, "db">, orderIds: string[]): Promise<Map<string, OrderLedger>> {
  const unique = [...new Set(orderIds)];
  const rows = await store.ordersByIds(services.db, unique);
  return new Map((await withRefunds(services, rows)).map((ledger) => [ledger.orderId, ledger]));
}

/** Every order changed since `since`, page by page. */
async function* ordersChangedSince(services: Pick<Services, "db">, since: number): AsyncGenerator<OrderLedger[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await store.ordersChangedSince(services.db, since, after, 200);
    if (rows.length === 0) return;
    yield await withRefunds(services, rows);
    after = rows.at(-1)!.id;
  }
}

/** Refunds claimed but not completed before `before`: the provider's answer was lost and nothing resumed them. */
async function stuckRefunds(services: Pick<Services, "db">, before: number) {
  return (await store.stalePendingRefunds(services.db, before, 100)).map((refund) => ({
    refundId: refund.id,
    orderId: refund.orderId,
    amount: refund.amount,
    createdAt: refund.createdAt,
  }));
}

/** The orders ledger payments' reconciliation is given (app.ts and the cron compose it): what it compares against. */
export function orderLedger(services: Pick<Services, "db">): OrderLedgerSource {
  return {
    ledgers: (orderIds: string[]) => orderLedgers(services, orderIds),
    changedSince: (since: number) => ordersChangedSince(services, since),
    stuckRefunds: (before: number) => stuckRefunds(services, before),
  };
}
