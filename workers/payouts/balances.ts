import { z } from "zod";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import { readTogether } from "../platform/db";
import { payoutAccountView } from "./accounts";
import type { PayoutsContext } from "./context";
import {
  type PayoutAccountRow,
  payoutAccountQuery,
  reversalsOf,
  sellerBalances,
  sellerEntryPage,
  type TransferRow,
  transferPage,
} from "./store";

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

export interface SellerBalance {
  pending: Money;
  available: Money;
  held: Money;
  paid: Money;
}

type BalanceRow = Awaited<ReturnType<typeof sellerBalances>>[number];

function balanceOf(rows: BalanceRow[]): SellerBalance {
  const currency = rows[0]?.currency ?? MARKETPLACE_CURRENCY;
  const on = (account: string): Money => ({
    amount: Number(rows.find((row) => row.account === account)?.amount ?? 0),
    currency,
  });
  return {
    pending: on("seller_pending"),
    available: on("seller_available"),
    held: on("seller_held"),
    paid: on("seller_paid"),
  };
}

/** A seller's balances, summed from their ledger (the only source of them). */
export async function sellerBalance(ctx: PayoutsContext, sellerId: string): Promise<SellerBalance> {
  return balanceOf(await sellerBalances(ctx.services.db, sellerId));
}

interface Page {
  limit: number;
  cursor?: string;
}

const afterOf = (cursor: string | undefined) => {
  const after = decodeCursor(cursor, Cursor);
  return after ? { time: after.createdAt, id: after.id } : undefined;
};

function pageOf<T extends { createdAt: number; id: string }, V>(rows: T[], limit: number, view: (row: T) => V) {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** The seller's side of their ledger, newest first. */
export async function sellerLedger(ctx: PayoutsContext, sellerId: string, page: Page) {
  const rows = await sellerEntryPage(ctx.services.db, sellerId, page.limit, afterOf(page.cursor));
  return pageOf(rows, page.limit, (row) => ({
    id: row.id,
    journalId: row.journalId,
    kind: row.kind,
    account: row.account,
    amount: { amount: row.amount, currency: row.currency },
    orderId: row.orderId,
    sellerOrderId: row.sellerOrderId,
    reference: row.reference,
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}

/** The seller's transfers, newest first, each with what was taken back from it. */
export async function sellerPayouts(ctx: PayoutsContext, sellerId: string, page: Page) {
  return transfersWithReversals(
    ctx,
    await transferPage(ctx.services.db, sellerId, page.limit, afterOf(page.cursor)),
    page.limit,
  );
}

async function transfersWithReversals(ctx: PayoutsContext, rows: TransferRow[], limit: number) {
  const reversals = await reversalsOf(
    ctx.services.db,
    rows.slice(0, limit).map((row) => row.id),
  );
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return pageOf(rows, limit, (row) => ({
    id: row.id,
    orderId: row.orderId,
    sellerOrderId: row.sellerOrderId,
    amount: { amount: row.amount, currency: row.currency },
    reversed: { amount: row.reversedAmount, currency: row.currency },
    status: row.status,
    providerTransferId: row.providerTransferId,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: iso(row.sentAt),
    reversals: reversals
      .filter((reversal) => reversal.transferId === row.id)
      .map((reversal) => ({
        id: reversal.id,
        reference: reversal.reference,
        amount: { amount: reversal.amount, currency: reversal.currency },
        status: reversal.status,
        createdAt: new Date(reversal.createdAt).toISOString(),
      })),
  }));
}

/**
 * What a page shows of a seller's payouts: balances, a page of transfers and the account, read in one round trip
 * (and one more for the reversals of the transfers shown, when there are any).
 */
export async function payoutsOverview(ctx: PayoutsContext, sellerId: string, page: Page) {
  const { db } = ctx.services;
  const [balances, transfers, accounts] = (await readTogether(db, [
    sellerBalances(db, sellerId),
    transferPage(db, sellerId, page.limit, afterOf(page.cursor)),
    payoutAccountQuery(db, sellerId),
  ])) as [BalanceRow[], TransferRow[], PayoutAccountRow[]];
  const [account] = accounts;
  return {
    balance: balanceOf(balances),
    transfers: await transfersWithReversals(ctx, transfers, page.limit),
    account: account ? payoutAccountView(account) : null,
  };
}

export type SellerPayout = Awaited<ReturnType<typeof sellerPayouts>>["items"][number];
