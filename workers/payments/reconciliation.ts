import { type AuditActor, actedBy, auditEntry, auditTarget, type ClientInfo } from "../identity";
import { newId } from "../lib/ids";
import type { Money } from "../lib/money";
import { atomically, type Statement } from "../platform/db";
import type { Services } from "../platform/services";
import { checkProvider } from "./provider-check";
import * as store from "./store";
import { type TaxReportDays, taxCollected } from "./tax-report";

/**
 * Daily reconciliation: every payment and order that changed in the window is compared, money against orders —
 * a paid order without a captured payment, captured money without a paid order (or not given back), a capture
 * that differs from the order's total (on a paid order, or one it was refused for), refund totals that disagree between the provider's ledger, the refund
 * rows and the orders module, seller orders' refunds that do not add up to the order's (with its goodwill) or pass
 * their own totals, and refunds stuck half-way. Then the provider's own records of the window (provider-check.ts):
 * the one repair made here is a capture whose success webhook never arrived, replayed through the webhook path.
 * Findings are recorded for operators, with the repair when one was made.
 */
export const FINDING_KINDS = [
  "paid_without_capture",
  "captured_without_paid_order",
  "captured_without_order",
  "amount_mismatch",
  "payment_amount_mismatch",
  "refund_totals_disagree",
  "refund_rows_disagree",
  "seller_refunds_disagree",
  "refund_stuck",
  // Against the provider's own records of the window:
  "capture_not_received",
  "capture_amount_disagrees",
  "provider_capture_unknown",
  "refund_only_at_provider",
  "refund_missing_at_provider",
  "refund_amount_disagrees",
  "transfer_only_at_provider",
  "transfer_missing_at_provider",
  "transfer_amount_disagrees",
  "reversal_only_at_provider",
  "reversal_missing_at_provider",
  "reversal_amount_disagrees",
  "seller_ledger_mismatch",
  "provider_unlisted",
] as const;
type FindingKind = (typeof FINDING_KINDS)[number];

/** An order's money as the orders module accounts for it. */
export interface OrderLedger {
  orderId: string;
  status: string;
  currency: string;
  total: number;
  /** Refunds completed with the provider (claims still pending are left out). */
  refundedSettled: number;
  /** Every refund claimed on the order, as its seller orders and goodwill account for it (claims included). */
  refundedTotal: number;
  goodwill: number;
  sellerOrdersRefunded: number;
  /** Seller orders that refunded more than their total. */
  sellerOrdersOverRefunded: number;
  paidAt: number | null;
}

/**
 * The tax of one destination country on one UTC day, in minor units of `currency`: what the orders paid that day
 * included, and what the refunds completed that day gave back of it.
 */
export interface TaxDay {
  /** UTC midnight, epoch ms. */
  day: number;
  country: string;
  currency: string;
  orders: number;
  collected: number;
  refunds: number;
  refunded: number;
}

/** What reconciliation reads of the orders module, given by its caller so payments never imports orders. */
export interface OrderLedgerSource {
  ledgers(orderIds: string[]): Promise<Map<string, OrderLedger>>;
  /** Every order changed since `since`, page by page. */
  changedSince(since: number): AsyncIterable<OrderLedger[]>;
  /** Refunds claimed but not completed before `before`. */
  stuckRefunds(before: number): Promise<{ refundId: string; orderId: string; amount: number; createdAt: number }[]>;
  /** Tax per country and day of the half-open span [start, end) of epoch ms, by country then day. */
  taxCollected(span: { start: number; end: number }): Promise<TaxDay[]>;
}

/**
 * What reconciliation reads of the payouts module, given by its caller (payments never imports payouts): its
 * transfers and reversals of a span [from, to) of epoch ms, to match the provider's one to one, the sellers whose
 * ledger does not add up, and the marketplace's fees per UTC day.
 */
export interface PayoutLedgerSource {
  transfersBetween(
    from: number,
    to: number,
  ): Promise<{ transferId: string; providerTransferId: string; sellerId: string; amount: Money }[]>;
  reversalsBetween(
    from: number,
    to: number,
  ): Promise<{ reversalId: string; providerReversalId: string; amount: Money }[]>;
  ledgerMismatches(): Promise<{ sellerId: string; detail: string }[]>;
  /** `day`: UTC midnight, epoch ms. */
  feesByDay(from: number, to: number): Promise<{ day: number; fees: Money }[]>;
}

interface ReconciliationContext {
  services: Services;
  orders: OrderLedgerSource;
  /** Without it transfers and reversals are listed and counted, not matched, and no fees are reported. */
  payouts?: PayoutLedgerSource;
  /** The admin who asked for the run and their request's client; the daily cron has neither (actor null). */
  requestedBy?: AuditActor;
  client?: ClientInfo;
}

export interface Finding {
  kind: FindingKind;
  orderId: string | null;
  paymentId: string | null;
  sellerId: string | null;
  detail: string;
  /** What the run did about it, and when. */
  repair: string | null;
  repairedAt: number | null;
}

const DAY = 24 * 60 * 60 * 1000;
/** The provider's records are listed from this long before the window: a bank debit captures days after it began. */
const PROVIDER_LOOKBACK_MS = 14 * DAY;
/**
 * A payment changed this recently may have its order's side still on the way (the webhook's event in the queue, a
 * refund being completed): the checks that depend on that wait for the next run.
 */
const SETTLING_MS = 10 * 60 * 1000;
const PAID = new Set(["paid", "partially_refunded", "refunded"]);

/** What the comparison of the database with itself finds: never a seller's, never repaired. */
type DatabaseFinding = Omit<Finding, "sellerId" | "repair" | "repairedAt">;

function compare(
  payment: store.PaymentRow | undefined,
  order: OrderLedger | undefined,
  refundRows: number,
  now: number,
): DatabaseFinding[] {
  const found: DatabaseFinding[] = [];
  const at = { orderId: order?.orderId ?? payment?.orderId ?? null, paymentId: payment?.id ?? null };
  const settled = !payment || payment.updatedAt <= now - SETTLING_MS;
  if (order) found.push(...sellerRefunds(order, at));
  const orderPaid = order !== undefined && (order.paidAt !== null || PAID.has(order.status));
  if (order && orderPaid && payment?.status !== "succeeded") {
    found.push({
      kind: "paid_without_capture",
      ...at,
      detail: `Order is ${order.status} but its payment is ${payment?.status ?? "missing"}.`,
    });
  }
  if (payment?.status !== "succeeded") return found;
  if (!order) {
    found.push({
      kind: "captured_without_order",
      ...at,
      detail: `${payment.capturedAmount} captured for an order that does not exist.`,
    });
    return found;
  }
  const kept = payment.capturedAmount - payment.refundedAmount;
  if (settled && !PAID.has(order.status) && kept > 0) {
    found.push({
      kind: "captured_without_paid_order",
      ...at,
      detail: `Order is ${order.status} but ${kept} ${payment.currency} of its payment is kept.`,
    });
  }
  const capturedIn = payment.capturedCurrency ?? payment.currency;
  const mismatched = payment.capturedAmount !== order.total || capturedIn !== order.currency;
  if (orderPaid && mismatched) {
    found.push({
      kind: "amount_mismatch",
      ...at,
      detail: `Captured ${payment.capturedAmount} ${capturedIn}, the order totals ${order.total} ${order.currency}.`,
    });
  }
  if (!orderPaid && mismatched) {
    // Refused by the orders module and refunded by this one: the order's refunds rightly know nothing of it.
    found.push({
      kind: "payment_amount_mismatch",
      ...at,
      detail: `A success for ${payment.capturedAmount} ${capturedIn} did not pay an order of ${order.total} ${order.currency} (${order.status}); ${payment.refundedAmount} of it refunded.`,
    });
    return found;
  }
  if (settled && payment.refundedAmount !== order.refundedSettled) {
    found.push({
      kind: "refund_totals_disagree",
      ...at,
      detail: `The provider refunded ${payment.refundedAmount}, the order's completed refunds add up to ${order.refundedSettled}.`,
    });
  }
  if (payment.refundedAmount !== refundRows) {
    found.push({
      kind: "refund_rows_disagree",
      ...at,
      detail: `The payment shows ${payment.refundedAmount} refunded, its refund records add up to ${refundRows} (a refund made outside Book Bazaar?).`,
    });
  }
  return found;
}

/** Every refunded minor unit is some seller order's or the marketplace's goodwill, and no seller order gives back more than it took. */
function sellerRefunds(order: OrderLedger, at: Pick<Finding, "orderId" | "paymentId">): DatabaseFinding[] {
  const found: DatabaseFinding[] = [];
  if (order.sellerOrdersRefunded + order.goodwill !== order.refundedTotal) {
    found.push({
      kind: "seller_refunds_disagree",
      ...at,
      detail: `The order refunded ${order.refundedTotal} ${order.currency}, its seller orders ${order.sellerOrdersRefunded} plus ${order.goodwill} goodwill.`,
    });
  }
  if (order.sellerOrdersOverRefunded > 0) {
    found.push({
      kind: "seller_refunds_disagree",
      ...at,
      detail: `${order.sellerOrdersOverRefunded} of its seller orders refunded more than their total.`,
    });
  }
  return found;
}

async function refundRowsOf(services: Services, paymentIds: string[]) {
  const totals = new Map<string, number>();
  for (const row of await store.refundRowTotals(services.db, paymentIds)) totals.set(row.paymentId, Number(row.total));
  return totals;
}

export async function runReconciliation(
  { services, orders, payouts, requestedBy, client }: ReconciliationContext,
  now = Date.now(),
  windowMs = 2 * DAY,
) {
  const { db } = services;
  const since = now - windowMs;
  const findings: DatabaseFinding[] = [];
  const checkedOrders = new Set<string>();
  let paymentsChecked = 0;

  for (let after: string | undefined; ; ) {
    const page = await store.paymentsChangedSince(db, since, after, 90);
    if (page.length === 0) break;
    const [ledgers, refundRows] = await Promise.all([
      orders.ledgers(page.map((payment) => payment.orderId)),
      refundRowsOf(
        services,
        page.map((payment) => payment.id),
      ),
    ]);
    for (const payment of page) {
      findings.push(...compare(payment, ledgers.get(payment.orderId), refundRows.get(payment.id) ?? 0, now));
      checkedOrders.add(payment.orderId);
    }
    paymentsChecked += page.length;
    after = page.at(-1)!.id;
  }

  for await (const page of orders.changedSince(since)) {
    const unseen = page.filter((order) => !checkedOrders.has(order.orderId));
    const paymentsOf = new Map(
      (
        await store.paymentsForOrders(
          db,
          unseen.map((order) => order.orderId),
        )
      ).map((payment) => [payment.orderId, payment]),
    );
    const refundRows = await refundRowsOf(
      services,
      [...paymentsOf.values()].map((payment) => payment.id),
    );
    for (const order of unseen) {
      const payment = paymentsOf.get(order.orderId);
      findings.push(...compare(payment, order, payment ? (refundRows.get(payment.id) ?? 0) : 0, now));
      checkedOrders.add(order.orderId);
    }
  }

  for (const stuck of await orders.stuckRefunds(now - 60 * 60 * 1000)) {
    findings.push({
      kind: "refund_stuck",
      orderId: stuck.orderId,
      paymentId: null,
      detail: `Refund ${stuck.refundId} of ${stuck.amount} was claimed at ${new Date(stuck.createdAt).toISOString()} and never completed.`,
    });
  }

  // Last, so a capture it replays is not also reported by the comparison above as kept without a paid order.
  const provider = await checkProvider(services, payouts, {
    listFrom: since - PROVIDER_LOOKBACK_MS,
    since,
    now,
    settledBefore: now - SETTLING_MS,
  });
  const all: Finding[] = [
    ...findings.map((finding) => ({ ...finding, sellerId: null, repair: null, repairedAt: null })),
    ...provider.findings,
  ];

  const run = {
    id: newId("rec"),
    runAt: now,
    since,
    paymentsChecked,
    ordersChecked: checkedOrders.size,
    providerRecordsChecked: provider.recordsChecked,
    findings: all.length,
    finishedAt: Date.now(),
  };
  const audit = auditEntry(
    { services, client },
    "reconciliation_run",
    {
      ...actedBy(requestedBy),
      target: auditTarget("reconciliation", run.id),
      detail: { trigger: requestedBy ? "admin" : "cron" },
      before: null,
      after: {
        since: new Date(since).toISOString(),
        paymentsChecked,
        ordersChecked: run.ordersChecked,
        providerRecordsChecked: run.providerRecordsChecked,
        findings: run.findings,
      },
    },
    now,
  );
  // The audit entry commits with the run's row, in the first batch.
  const statements: Statement[] = [
    store.insertRun(db, run),
    audit,
    ...all.map((finding) => store.insertFinding(db, { id: newId("rec"), runAt: now, ...finding })),
  ];
  for (let i = 0; i < statements.length; i += 50) {
    await atomically(db, statements.slice(i, i + 50));
  }
  return run;
}

/**
 * A run and its findings as operators see them, the latest unless a run id is given, with the tax collected per
 * country per day over the run's days (or the days asked for).
 */
export async function reconciliationReport(
  { services, orders, payouts }: ReconciliationContext,
  asked: { runId?: string } & TaxReportDays = {},
) {
  const run = asked.runId ? await store.runById(services.db, asked.runId) : await store.latestRun(services.db);
  if (!run) return undefined;
  const [findings, tax] = await Promise.all([
    store.findingsOfRun(services.db, run.runAt, 500),
    taxCollected(orders, run, asked),
  ]);
  const fees = await feesCollected(payouts, tax);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    run: {
      id: run.id,
      runAt: iso(run.runAt),
      since: iso(run.since),
      finishedAt: iso(run.finishedAt),
      paymentsChecked: run.paymentsChecked,
      ordersChecked: run.ordersChecked,
      providerRecordsChecked: run.providerRecordsChecked,
      findings: run.findings,
      clean: run.findings === 0,
    },
    findings: findings.map((finding) => ({
      id: finding.id,
      kind: finding.kind as FindingKind,
      orderId: finding.orderId,
      paymentId: finding.paymentId,
      sellerId: finding.sellerId,
      detail: finding.detail,
      repair: finding.repair,
      repairedAt: finding.repairedAt === null ? null : iso(finding.repairedAt),
    })),
    taxCollected: tax,
    feesCollected: fees,
  };
}

/** The marketplace's fees per day over the tax report's days, beside it; said to be absent without the payouts ledger. */
async function feesCollected(payouts: PayoutLedgerSource | undefined, tax: { from: string; until: string }) {
  if (!payouts) {
    return {
      matched: false,
      note: "The payouts ledger is not composed in: transfers and reversals were listed and counted, not matched, and no fees are reported.",
      days: [],
    };
  }
  const days = await payouts.feesByDay(Date.parse(`${tax.from}T00:00:00Z`), Date.parse(tax.until));
  return {
    matched: true,
    note: null,
    days: days.map((day) => ({ day: new Date(day.day).toISOString().slice(0, 10), fees: day.fees })),
  };
}
