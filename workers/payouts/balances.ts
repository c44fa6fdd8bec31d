import { z } from "zod";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import type { PayoutsContext } from "./context";
import { reversalsOf, sellerBalances, sellerEntryPage, transferPage } from "./store";

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

export interface SellerBalance {
  pending: Money;
  available: Money;
  held: Money;
  paid: Money;
}

/** A seller's balances, summed from their ledger (the only source of them). */
export async function sellerBalance(ctx: PayoutsContext, sellerId: string): Promise<SellerBalance> {
  const rows = await sellerBalances(ctx.services.db, sellerId);
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
  const { db } = ctx.services;
  const rows = await transferPage(db, sellerId, page.limit, afterOf(page.cursor));
  const reversals = await reversalsOf(
    db,
    rows.slice(0, page.limit).map((row) => row.id),
  );
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return pageOf(rows, page.limit, (row) => ({
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

export type SellerPayout = Awaited<ReturnType<typeof sellerPayouts>>["items"][number];
