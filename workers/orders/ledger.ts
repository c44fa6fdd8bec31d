import type { OrderLedger, OrderLedgerSource, TaxDay } from "../payments";
import { readTogether } from "../platform/db";
import type { Services } from "../platform/services";
import * as store from "./store";
import { taxOfCompletedRefunds, taxOfPaidOrders } from "./store/tax-collected";

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

type PaidTax = Awaited<ReturnType<typeof taxOfPaidOrders>>[number];
type RefundedTax = Awaited<ReturnType<typeof taxOfCompletedRefunds>>[number];

/** The tax orders paid and refunds completed within the span, side by side per country, currency and day. */
async function taxCollected(services: Pick<Services, "db">, span: store.Span): Promise<TaxDay[]> {
  const [paid, refunded] = (await readTogether(services.db, [
    taxOfPaidOrders(services.db, span),
    taxOfCompletedRefunds(services.db, span),
  ])) as [PaidTax[], RefundedTax[]];
  const days = new Map<string, TaxDay>();
  const dayOf = (row: { day: number; country: string; currency: string }) => {
    const day = Number(row.day);
    const key = `${row.country}:${row.currency}:${day}`;
    let found = days.get(key);
    if (!found) {
      found = { day, country: row.country, currency: row.currency, orders: 0, collected: 0, refunds: 0, refunded: 0 };
      days.set(key, found);
    }
    return found;
  };
  for (const row of paid) {
    const day = dayOf(row);
    day.orders = Number(row.orders);
    day.collected = Number(row.tax);
  }
  for (const row of refunded) {
    const day = dayOf(row);
    day.refunds = Number(row.refunds);
    day.refunded = Number(row.tax);
  }
  return [...days.values()].sort(
    (a, b) => a.country.localeCompare(b.country) || a.currency.localeCompare(b.currency) || a.day - b.day,
  );
}

/** The orders ledger payments' reconciliation is given (app.ts and the cron compose it): what it compares against. */
export function orderLedger(services: Pick<Services, "db">): OrderLedgerSource {
  return {
    ledgers: (orderIds: string[]) => orderLedgers(services, orderIds),
    changedSince: (since: number) => ordersChangedSince(services, since),
    stuckRefunds: (before: number) => stuckRefunds(services, before),
    taxCollected: (span: store.Span) => taxCollected(services, span),
  };
}
