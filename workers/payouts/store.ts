import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import {
  type LEDGER_ACCOUNTS,
  type LEDGER_KINDS,
  ledgerEntries,
  payoutAccounts,
  transferReversals,
  transfers,
} from "../../schema/payouts";
import { readChunked } from "../lib/chunked";
import { newId } from "../lib/ids";
import { olderThan } from "../lib/keyset";
import { type Db, ignoringDuplicates, type Statement } from "../platform/db";

export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type PayoutAccountRow = typeof payoutAccounts.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type ReversalRow = typeof transferReversals.$inferSelect;

/** One movement of money: entries on two or more accounts that sum to zero, written once by `journalId`. */
export interface Journal {
  journalId: string;
  kind: LedgerKind;
  sellerId: string;
  currency: string;
  orderId: string;
  sellerOrderId: string;
  reference?: string;
  entries: { account: LedgerAccount; amount: number }[];
}

export const SELLER_ACCOUNTS = ["seller_pending", "seller_available", "seller_held", "seller_paid"] as const;

/** The journal's entries, skipped as a whole when the journal was posted before ((journal, account) is unique). */
export function postJournal(db: Db, journal: Journal, now = Date.now()): Statement {
  const { reference, ...common } = journal;
  // Zero entries say nothing, but a journal with none at all still marks the movement (a release of nothing).
  const moving = journal.entries.filter((entry) => entry.amount !== 0);
  const entries = moving.length > 0 ? moving : journal.entries.slice(0, 1);
  return ignoringDuplicates(
    db,
    db.insert(ledgerEntries).values(
      entries.map((entry) => ({
        id: newId("led"),
        journalId: common.journalId,
        kind: common.kind,
        sellerId: common.sellerId,
        currency: common.currency,
        orderId: common.orderId,
        sellerOrderId: common.sellerOrderId,
        reference: reference ?? null,
        account: entry.account,
        amount: entry.amount,
        createdAt: now,
      })),
    ),
    ledgerEntries.id,
  );
}

export const sellerOrderEntries = (db: Db, sellerOrderId: string) =>
  db.select().from(ledgerEntries).where(eq(ledgerEntries.sellerOrderId, sellerOrderId));

export const orderEntries = (db: Db, orderId: string, kind: LedgerKind) =>
  db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, kind)));

/** A seller's balance per account, straight from the ledger. */
export const sellerBalances = (db: Db, sellerId: string) =>
  db
    .select({
      account: ledgerEntries.account,
      currency: ledgerEntries.currency,
      amount: sql<number>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.sellerId, sellerId), inArray(ledgerEntries.account, [...SELLER_ACCOUNTS])))
    .groupBy(ledgerEntries.account, ledgerEntries.currency);

/** A page of a seller's own entries (their accounts' side of each journal), newest first. */
export const sellerEntryPage = (db: Db, sellerId: string, limit: number, after?: { time: number; id: string }) =>
  db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.sellerId, sellerId),
        inArray(ledgerEntries.account, [...SELLER_ACCOUNTS]),
        after ? olderThan(ledgerEntries.createdAt, ledgerEntries.id, after) : undefined,
      ),
    )
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(limit + 1);

/** Seller orders released to the seller's available balance (completed), with or without a transfer yet. */
export const releasedSellerOrders = (db: Db, sellerId: string) =>
  db
    .selectDistinct({ sellerOrderId: ledgerEntries.sellerOrderId })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.sellerId, sellerId), eq(ledgerEntries.kind, "release")));

/** Every journal's sum, and each seller's sums per account and kind: what the ledger invariants are checked on. */
export const journalSums = (db: Db) =>
  db
    .select({ journalId: ledgerEntries.journalId, amount: sql<number>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.journalId);

export const sellerSums = (db: Db) =>
  db
    .select({
      sellerId: ledgerEntries.sellerId,
      account: ledgerEntries.account,
      kind: ledgerEntries.kind,
      amount: sql<number>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.sellerId, ledgerEntries.account, ledgerEntries.kind);

export const sentTransferSums = (db: Db) =>
  db
    .select({ sellerId: transfers.sellerId, amount: sql<number>`sum(${transfers.amount})` })
    .from(transfers)
    .where(eq(transfers.status, "sent"))
    .groupBy(transfers.sellerId);

export const sentReversalSums = (db: Db) =>
  db
    .select({ sellerId: transferReversals.sellerId, amount: sql<number>`sum(${transferReversals.amount})` })
    .from(transferReversals)
    .where(eq(transferReversals.status, "sent"))
    .groupBy(transferReversals.sellerId);

// Connected accounts

export const payoutAccountQuery = (db: Db, sellerId: string) =>
  db.select().from(payoutAccounts).where(eq(payoutAccounts.sellerId, sellerId)).limit(1);

export async function payoutAccountOf(db: Db, sellerId: string): Promise<PayoutAccountRow | undefined> {
  const [row] = await payoutAccountQuery(db, sellerId);
  return row;
}

export async function payoutAccountAt(
  db: Db,
  provider: PayoutAccountRow["provider"],
  providerAccountId: string,
): Promise<PayoutAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(payoutAccounts)
    .where(and(eq(payoutAccounts.provider, provider), eq(payoutAccounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row;
}

/** The seller's one account row: a second one (two onboarding calls at once) is ignored. */
export const insertPayoutAccount = (db: Db, row: PayoutAccountRow) =>
  ignoringDuplicates(db, db.insert(payoutAccounts).values(row), payoutAccounts.sellerId);

export const setPayoutAccountState = (
  db: Db,
  sellerId: string,
  state: Pick<PayoutAccountRow, "payoutsEnabled" | "detailsSubmitted">,
) =>
  db
    .update(payoutAccounts)
    .set({ ...state, updatedAt: Date.now() })
    .where(eq(payoutAccounts.sellerId, sellerId));

// Transfers and reversals

export async function transferFor(db: Db, sellerOrderId: string): Promise<TransferRow | undefined> {
  const [row] = await db.select().from(transfers).where(eq(transfers.sellerOrderId, sellerOrderId)).limit(1);
  return row;
}

export const transfersFor = (db: Db, sellerOrderIds: string[]) =>
  readChunked(sellerOrderIds, (part) => db.select().from(transfers).where(inArray(transfers.sellerOrderId, part)));

/** Claims the seller order's one transfer (`pending`); a claim already made keeps its id and amount. */
export const claimTransfer = (db: Db, row: TransferRow) =>
  ignoringDuplicates(db, db.insert(transfers).values(row), transfers.id);

export const markTransferSent = (db: Db, id: string, providerTransferId: string) =>
  db
    .update(transfers)
    .set({ status: "sent", providerTransferId, sentAt: Date.now() })
    .where(and(eq(transfers.id, id), eq(transfers.status, "pending")));

export const transferPage = (db: Db, sellerId: string, limit: number, after?: { time: number; id: string }) =>
  db
    .select()
    .from(transfers)
    .where(
      and(eq(transfers.sellerId, sellerId), after ? olderThan(transfers.createdAt, transfers.id, after) : undefined),
    )
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(limit + 1);

export const reversalsOf = (db: Db, transferIds: string[]) =>
  readChunked(transferIds, (part) =>
    db
      .select()
      .from(transferReversals)
      .where(inArray(transferReversals.transferId, part))
      .orderBy(transferReversals.createdAt, transferReversals.id),
  );

export async function reversalFor(db: Db, transferId: string, reference: string): Promise<ReversalRow | undefined> {
  const [row] = await db
    .select()
    .from(transferReversals)
    .where(and(eq(transferReversals.transferId, transferId), eq(transferReversals.reference, reference)))
    .limit(1);
  return row;
}

/** Claims the one reversal of a transfer for a refund or lost dispute (`pending`). */
export const claimReversal = (db: Db, row: ReversalRow) =>
  ignoringDuplicates(db, db.insert(transferReversals).values(row), transferReversals.id);

/** The reversal is done: the transfer's reversed amount is the sum of its sent reversals, so replaying adds nothing. */
export function markReversalSent(db: Db, reversal: ReversalRow, providerReversalId: string): Statement[] {
  return [
    db
      .update(transferReversals)
      .set({ status: "sent", providerReversalId })
      .where(and(eq(transferReversals.id, reversal.id), eq(transferReversals.status, "pending"))),
    db
      .update(transfers)
      .set({
        reversedAmount: sql`(select coalesce(sum(r.amount), 0) from ${transferReversals} r where r.transfer_id = ${reversal.transferId} and r.status = 'sent')`,
      })
      .where(eq(transfers.id, reversal.transferId)),
  ];
}

// What reconciliation matches against the provider's records

const DAY_MS = 86_400_000;

export const transfersSentBetween = (db: Db, from: number, to: number) =>
  db
    .select()
    .from(transfers)
    .where(and(eq(transfers.status, "sent"), gte(transfers.sentAt, from), lt(transfers.sentAt, to)));

export const reversalsSentBetween = (db: Db, from: number, to: number) =>
  db
    .select()
    .from(transferReversals)
    .where(
      and(
        eq(transferReversals.status, "sent"),
        gte(transferReversals.createdAt, from),
        lt(transferReversals.createdAt, to),
      ),
    );

/** The marketplace's fees account, net of fees given back, per UTC day of the window. */
export function feesPerDay(db: Db, from: number, to: number) {
  const day = sql<number>`(${ledgerEntries.createdAt} - (${ledgerEntries.createdAt} % ${DAY_MS}))`;
  return db
    .select({ day, currency: ledgerEntries.currency, amount: sql<number>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.account, "platform_fees"),
        gte(ledgerEntries.createdAt, from),
        lt(ledgerEntries.createdAt, to),
      ),
    )
    .groupBy(day, ledgerEntries.currency)
    .orderBy(day);
}
