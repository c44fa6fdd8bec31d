import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { desc, eq } from "drizzle-orm";
import { afterEach, expect } from "vitest";
import { createEvent } from "../../queues/events";
import { ledgerEntries, payoutAccounts, transferReversals, transfers } from "../../schema/payouts";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { ledgerFindings, payoutsContext } from "../../workers/payouts";
import type { BalanceSchema, LedgerPage, OnboardingLinkSchema, TransferPage } from "../../workers/payouts/schemas";
import { buildServices } from "../../workers/platform/services";
import { firstRow, testDb } from "./database";
import { eventually } from "./eventually";
import { api, type TestAccount, type TestSeller } from "./identity";
import type { OrderBody } from "./orders";

const db = testDb();

/** Every test of a file that imports this ends with a sound ledger (see `ledgerFindings`). */
afterEach(async () => {
  expect(await ledgerFindings(db)).toEqual([]);
});

/** The payouts module's context as its queue consumers build it, for calling its jobs directly. */
export function payoutsTestContext(withEnv: Env = env) {
  const config = loadConfig(withEnv);
  const log = createLogger({ test: "payouts" });
  return payoutsContext({ config, services: buildServices(withEnv, config, createExecutionContext(), log), log });
}

export async function startOnboarding(seller: TestAccount): Promise<OnboardingLinkSchema> {
  const response = await api("/v1/seller/payouts/onboarding", { method: "POST", headers: seller.auth });
  if (response.status !== 200) throw new Error(`onboarding: ${response.status} ${await response.text()}`);
  return response.json<OnboardingLinkSchema>();
}

/** Onboards the seller through the simulator's own step and waits until the account takes payouts. */
export async function enablePayouts(seller: TestSeller): Promise<void> {
  const link = await startOnboarding(seller);
  const url = new URL(link.url);
  const response = await api(`${url.pathname}${url.search}`, { redirect: "manual" });
  if (response.status !== 303) throw new Error(`simulated onboarding: ${response.status} ${await response.text()}`);
  await eventually(async () => ((await payoutAccountRow(seller.sellerId))?.payoutsEnabled ? true : undefined));
}

export const payoutAccountRow = (sellerId: string) =>
  firstRow(db.select().from(payoutAccounts).where(eq(payoutAccounts.sellerId, sellerId)).limit(1));

export const transferRow = (sellerOrderId: string) =>
  firstRow(db.select().from(transfers).where(eq(transfers.sellerOrderId, sellerOrderId)).limit(1));

export const transferRows = (sellerOrderId: string) =>
  db.select().from(transfers).where(eq(transfers.sellerOrderId, sellerOrderId));

export const reversalRows = (transferId: string) =>
  db.select().from(transferReversals).where(eq(transferReversals.transferId, transferId));

export const entriesOf = (sellerOrderId: string) =>
  db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.sellerOrderId, sellerOrderId))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id));

/** The seller order's balance on one of the seller's accounts, from its ledger entries. */
export async function sellerOrderBalance(sellerOrderId: string, account: string): Promise<number> {
  const entries = await entriesOf(sellerOrderId);
  return entries.filter((entry) => entry.account === account).reduce((sum, entry) => sum + entry.amount, 0);
}

/** Waits until the seller order's ledger holds a journal of `kind`. */
export const journalPosted = (sellerOrderId: string, kind: string, times = 1) =>
  eventually(async () => {
    const entries = await entriesOf(sellerOrderId);
    return new Set(entries.filter((entry) => entry.kind === kind).map((entry) => entry.journalId)).size >= times
      ? entries
      : undefined;
  });

type SellerOrderPart = OrderBody["sellerOrders"][number] & { sellerFundedDiscount?: { amount: number } };

/** The event the returns track emits when a seller order is final (delivered, its return window over). */
export function sellerOrderCompletedEvent(part: SellerOrderPart, orderId: string) {
  const eur = (amount: number) => ({ amount, currency: "EUR" });
  return createEvent("SellerOrderCompleted", {
    orderId,
    sellerOrderId: part.id,
    sellerId: part.sellerId,
    total: eur(part.totals.total?.amount ?? 0),
    refunded: eur(part.totals.refunded?.amount ?? 0),
    sellerFundedDiscount: eur(part.sellerFundedDiscount?.amount ?? 0),
    completedAt: new Date().toISOString(),
  });
}

/** Completes the seller order through the real order-events queue. */
export async function completeSellerOrder(part: SellerOrderPart, orderId: string) {
  const event = sellerOrderCompletedEvent(part, orderId);
  await env.ORDER_EVENTS.send(event, { contentType: "json" });
  return event;
}

export async function balanceOf(seller: TestAccount): Promise<BalanceSchema> {
  const response = await api("/v1/seller/balance", { headers: seller.auth });
  if (response.status !== 200) throw new Error(`balance: ${response.status} ${await response.text()}`);
  return response.json<BalanceSchema>();
}

export async function ledgerOf(seller: TestAccount, query = ""): Promise<LedgerPage> {
  const response = await api(`/v1/seller/ledger${query}`, { headers: seller.auth });
  if (response.status !== 200) throw new Error(`ledger: ${response.status} ${await response.text()}`);
  return response.json<LedgerPage>();
}

export async function payoutsOf(seller: TestAccount, query = ""): Promise<TransferPage> {
  const response = await api(`/v1/seller/payouts${query}`, { headers: seller.auth });
  if (response.status !== 200) throw new Error(`payouts: ${response.status} ${await response.text()}`);
  return response.json<TransferPage>();
}

/** The platform fee as the test config sets it: 10 % of what the seller keeps, rounded half up, plus 0.30. */
export const feeOn = (kept: number) => (kept <= 0 ? 0 : Math.min(Math.floor((kept * 1000 + 5000) / 10_000) + 30, kept));

/** A seller order's sale as the seller's ledger posts it: its books, covers and shipping, before any discount. */
export const saleOf = (part: { totals: Record<string, { amount: number }> }) =>
  (part.totals.items?.amount ?? 0) + (part.totals.covers?.amount ?? 0) + (part.totals.shipping?.amount ?? 0);

interface DisputedOrder {
  order: { id: string; totals: { total: { amount: number; currency: string } } };
  payment: { id: string };
}

/** Payments' word that the order's payment is disputed (all of it unless `amount` says less). */
export const paymentDisputed = (
  { order, payment }: DisputedOrder,
  disputeId: string,
  { amount = order.totals.total.amount, reason = "fraudulent" } = {},
) =>
  createEvent("PaymentDisputed", {
    paymentId: payment.id,
    orderId: order.id,
    disputeId,
    amount,
    currency: order.totals.total.currency,
    reason,
  });

/** Payments' word that the dispute (of all the order unless `amount` says less) closed, won or lost. */
export const paymentDisputeClosed = (
  { order, payment }: DisputedOrder,
  disputeId: string,
  outcome: "won" | "lost",
  amount = order.totals.total,
) => createEvent("PaymentDisputeClosed", { paymentId: payment.id, orderId: order.id, disputeId, outcome, amount });
