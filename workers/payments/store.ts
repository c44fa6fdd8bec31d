import { and, desc, eq, gt, gte, inArray, lt, ne, sql } from "drizzle-orm";
import {
  disputes,
  payments,
  paymentWebhookEvents,
  reconciliationFindings,
  reconciliationRuns,
  refunds,
} from "../../schema/payments";
import { readChunked } from "../lib/chunked";
import type { Money } from "../lib/money";
import { type Db, ignoringDuplicates } from "../platform/db";
import type { ProviderName } from "./provider";

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;

export async function paymentById(db: Db, id: string) {
  const [payment] = await db.select().from(payments).where(eq(payments.id, id)).limit(1);
  return payment;
}

export async function paymentForOrder(db: Db, orderId: string) {
  const [payment] = await db.select().from(payments).where(eq(payments.orderId, orderId)).limit(1);
  return payment;
}

export async function paymentByProviderId(db: Db, provider: ProviderName, providerPaymentId: string) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)))
    .limit(1);
  return payment;
}

export function insertPayment(db: Db, row: typeof payments.$inferInsert) {
  return ignoringDuplicates(db, db.insert(payments).values(row), payments.id);
}

export async function webhookSeen(db: Db, provider: ProviderName, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ eventId: paymentWebhookEvents.eventId })
    .from(paymentWebhookEvents)
    .where(and(eq(paymentWebhookEvents.provider, provider), eq(paymentWebhookEvents.eventId, eventId)))
    .limit(1);
  return row !== undefined;
}

export function recordWebhook(db: Db, row: typeof paymentWebhookEvents.$inferInsert) {
  return db.insert(paymentWebhookEvents).values(row);
}

export function markSucceeded(db: Db, paymentId: string, captured: Money) {
  return db
    .update(payments)
    .set({
      status: "succeeded",
      capturedAmount: captured.amount,
      capturedCurrency: captured.currency,
      updatedAt: Date.now(),
    })
    .where(and(eq(payments.id, paymentId), ne(payments.status, "succeeded")));
}

/** A payment settling later (a bank debit), from pending or after a failed attempt; never after a success. */
export function markProcessing(db: Db, paymentId: string) {
  return db
    .update(payments)
    .set({ status: "processing", updatedAt: Date.now() })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ["pending", "failed"])));
}

/** A failure only counts while the payment still waits for its answer: a late failure never undoes a success. */
export function markFailed(db: Db, paymentId: string) {
  return db
    .update(payments)
    .set({ status: "failed", updatedAt: Date.now() })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ["pending", "processing"])));
}

/** The provider's refunded total only ever raises ours (a CASE, as SQLite's scalar MAX is GREATEST in MySQL). */
export function markRefundedTotal(db: Db, paymentId: string, refundedTotal: number) {
  const { refundedAmount } = payments;
  const raised = sql`CASE WHEN ${refundedAmount} > ${refundedTotal} THEN ${refundedAmount} ELSE ${refundedTotal} END`;
  return db.update(payments).set({ refundedAmount: raised, updatedAt: Date.now() }).where(eq(payments.id, paymentId));
}

export function markDisputed(db: Db, paymentId: string) {
  return db.update(payments).set({ disputed: true, updatedAt: Date.now() }).where(eq(payments.id, paymentId));
}

export type DisputeRow = typeof disputes.$inferSelect;

export async function disputeByProviderId(db: Db, provider: ProviderName, providerDisputeId: string) {
  const [dispute] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.provider, provider), eq(disputes.providerDisputeId, providerDisputeId)))
    .limit(1);
  return dispute;
}

export async function disputeById(db: Db, id: string) {
  const [dispute] = await db.select().from(disputes).where(eq(disputes.id, id)).limit(1);
  return dispute;
}

/** A second record of one provider dispute fails on its unique index, so racing deliveries open it once. */
export function insertDispute(db: Db, row: DisputeRow) {
  return db.insert(disputes).values(row);
}

export function closeDispute(db: Db, id: string, outcome: "won" | "lost", at: number) {
  return db
    .update(disputes)
    .set({ status: outcome, closedAt: at })
    .where(and(eq(disputes.id, id), eq(disputes.status, "open")));
}

export async function refundByKey(db: Db, idempotencyKey: string) {
  const [refund] = await db.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey)).limit(1);
  return refund;
}

export function insertRefund(db: Db, row: typeof refunds.$inferInsert) {
  return db.insert(refunds).values(row);
}

/** Adds a refund to the payment only while the total stays within what was captured. */
export function addRefunded(db: Db, paymentId: string, amount: number) {
  return db
    .update(payments)
    .set({ refundedAmount: sql`${payments.refundedAmount} + ${amount}`, updatedAt: Date.now() })
    .where(and(eq(payments.id, paymentId), sql`${payments.refundedAmount} + ${amount} <= ${payments.capturedAmount}`));
}

/** Payments changed since `since`, in pages (reconciliation). */
export const paymentsChangedSince = (db: Db, since: number, after: string | undefined, limit: number) =>
  db
    .select()
    .from(payments)
    .where(and(gte(payments.updatedAt, since), after ? gt(payments.id, after) : undefined))
    .orderBy(payments.id)
    .limit(limit);

export const paymentsForOrders = (db: Db, orderIds: string[]) =>
  readChunked(orderIds, (ids) => db.select().from(payments).where(inArray(payments.orderId, ids)));

/** What the refund rows of each payment add up to. */
export const refundRowTotals = (db: Db, paymentIds: string[]) =>
  readChunked(paymentIds, (ids) =>
    db
      .select({ paymentId: refunds.paymentId, total: sql<number>`SUM(${refunds.amount})` })
      .from(refunds)
      .where(inArray(refunds.paymentId, ids))
      .groupBy(refunds.paymentId),
  );

export function insertRun(db: Db, row: typeof reconciliationRuns.$inferInsert) {
  return db.insert(reconciliationRuns).values(row);
}

export function insertFinding(db: Db, row: typeof reconciliationFindings.$inferInsert) {
  return db.insert(reconciliationFindings).values(row);
}

export async function latestRun(db: Db) {
  const [run] = await db.select().from(reconciliationRuns).orderBy(desc(reconciliationRuns.id)).limit(1);
  return run;
}

export async function runById(db: Db, id: string) {
  const [run] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, id)).limit(1);
  return run;
}

export const findingsOfRun = (db: Db, runAt: number, limit: number) =>
  db
    .select()
    .from(reconciliationFindings)
    .where(eq(reconciliationFindings.runAt, runAt))
    .orderBy(reconciliationFindings.kind, reconciliationFindings.id)
    .limit(limit);

/** Refunds by the provider's ids (reconciliation matches the provider's list one to one). */
export const refundsByProviderIds = (db: Db, providerRefundIds: string[]) =>
  readChunked(providerRefundIds, (ids) => db.select().from(refunds).where(inArray(refunds.providerRefundId, ids)));

/** Refunds recorded in the half-open span [from, to). */
export const refundsCreatedBetween = (db: Db, from: number, to: number) =>
  db
    .select()
    .from(refunds)
    .where(and(gte(refunds.createdAt, from), lt(refunds.createdAt, to)))
    .orderBy(refunds.createdAt, refunds.id);

export const paymentsByProviderIds = (db: Db, provider: ProviderName, providerPaymentIds: string[]) =>
  readChunked(providerPaymentIds, (ids) =>
    db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), inArray(payments.providerPaymentId, ids))),
  );
