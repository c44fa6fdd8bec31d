import type { LedgerEntryRow } from "./store";

/** Where one seller order's money stands, summed from its ledger entries. */
export interface SellerOrderPosition {
  sellerId: string;
  orderId: string;
  currency: string;
  pending: number;
  available: number;
  held: number;
  paid: number;
  /** What the seller earns on it before fees: its sale less seller-funded discounts. */
  earned: number;
  /** Of that, what refunds took back (the platform's refunds account is credited with it). */
  refunded: number;
  /** The platform fee charged on it now. */
  fee: number;
  released: boolean;
}

const sum = (entries: LedgerEntryRow[], keep: (entry: LedgerEntryRow) => boolean) =>
  entries.filter(keep).reduce((total, entry) => total + entry.amount, 0);

/** The seller order's position, or undefined when no sale was posted for it. */
export function positionOf(entries: LedgerEntryRow[]): SellerOrderPosition | undefined {
  const sale = entries.find((entry) => entry.kind === "sale");
  if (!sale) return undefined;
  const on = (account: LedgerEntryRow["account"]) => sum(entries, (entry) => entry.account === account);
  return {
    sellerId: sale.sellerId,
    orderId: sale.orderId ?? "",
    currency: sale.currency,
    pending: on("seller_pending"),
    available: on("seller_available"),
    held: on("seller_held"),
    paid: on("seller_paid"),
    earned: sum(entries, (e) => (e.kind === "sale" || e.kind === "discount") && e.account.startsWith("seller_")),
    refunded: on("platform_refunds"),
    fee: on("platform_fees"),
    released: entries.some((entry) => entry.kind === "release"),
  };
}

/** The account a seller order's unpaid money sits in: pending until it completes, available after. */
export const unpaidAccount = (position: SellerOrderPosition) =>
  position.released ? ("seller_available" as const) : ("seller_pending" as const);
