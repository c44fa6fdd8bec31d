import type { PayoutLedgerSource } from "../payments";
import type { Services } from "../platform/services";
import { ledgerFindings } from "./invariants";
import { feesPerDay, reversalsSentBetween, transfersSentBetween } from "./store";

const SELLER_FINDING = /^seller (\S+): /;

/** The ledger's side of the daily reconciliation: sent transfers and reversals, the invariants, fees per day. */
export function payoutLedger(services: Pick<Services, "db">): PayoutLedgerSource {
  const { db } = services;
  return {
    transfersBetween: async (from, to) =>
      (await transfersSentBetween(db, from, to)).map((transfer) => ({
        transferId: transfer.id,
        providerTransferId: transfer.providerTransferId ?? "",
        sellerId: transfer.sellerId,
        amount: { amount: transfer.amount, currency: transfer.currency },
      })),
    reversalsBetween: async (from, to) =>
      (await reversalsSentBetween(db, from, to)).map((reversal) => ({
        reversalId: reversal.id,
        providerReversalId: reversal.providerReversalId ?? "",
        amount: { amount: reversal.amount, currency: reversal.currency },
      })),
    ledgerMismatches: async () =>
      (await ledgerFindings(db)).map((detail) => ({ sellerId: SELLER_FINDING.exec(detail)?.[1] ?? "", detail })),
    feesByDay: async (from, to) =>
      (await feesPerDay(db, from, to)).map((row) => ({
        day: Number(row.day),
        fees: { amount: Number(row.amount), currency: row.currency },
      })),
  };
}
