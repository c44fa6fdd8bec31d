import type { Db } from "../platform/db";
import { journalSums, SELLER_ACCOUNTS, sellerSums, sentReversalSums, sentTransferSums } from "./store";

/** Movements between a seller's own accounts: they change where the money is, never how much the seller has. */
const INTERNAL_KINDS = new Set(["release", "transfer", "dispute_hold", "dispute_release"]);
const sellerAccounts = new Set<string>(SELLER_ACCOUNTS);

/**
 * What must always hold of the ledger, as findings (none when it is sound): every journal sums to zero; for every
 * seller, sales − fees − discounts − refunds − reversals − losses = paid + pending + available + held (so moves
 * between their own accounts add up to nothing), no held or paid balance is negative, and paid is exactly their
 * sent transfers less sent reversals.
 */
export async function ledgerFindings(db: Db): Promise<string[]> {
  const [journals, sums, sent, reversed] = await Promise.all([
    journalSums(db),
    sellerSums(db),
    sentTransferSums(db),
    sentReversalSums(db),
  ]);
  const findings = journals
    .filter((journal) => Number(journal.amount) !== 0)
    .map((journal) => `journal ${journal.journalId} sums to ${journal.amount}`);
  const sellers = new Set([...sums.map((row) => row.sellerId), ...sent.map((row) => row.sellerId)]);
  for (const sellerId of sellers) {
    const own = sums.filter((row) => row.sellerId === sellerId && sellerAccounts.has(row.account));
    const total = (rows: typeof own) => rows.reduce((sum, row) => sum + Number(row.amount), 0);
    const internal = total(own.filter((row) => INTERNAL_KINDS.has(row.kind)));
    if (internal !== 0) findings.push(`seller ${sellerId}: moves between own accounts sum to ${internal}`);
    const on = (account: string) => total(own.filter((row) => row.account === account));
    for (const account of ["seller_held", "seller_paid"]) {
      if (on(account) < 0) findings.push(`seller ${sellerId}: ${account} is ${on(account)}`);
    }
    const transferred =
      Number(sent.find((row) => row.sellerId === sellerId)?.amount ?? 0) -
      Number(reversed.find((row) => row.sellerId === sellerId)?.amount ?? 0);
    if (on("seller_paid") !== transferred) {
      findings.push(`seller ${sellerId}: paid ${on("seller_paid")} but transfers less reversals ${transferred}`);
    }
  }
  return findings;
}
