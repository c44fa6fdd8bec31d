import type { EventData } from "../../queues/event-catalogue";
import { atomically } from "../platform/db";
import type { PayoutsContext } from "./context";
import { platformFee } from "./fees";
import { type Journal, postJournal } from "./store";

/**
 * A paid order, in each seller's ledger: the sale (the seller order's lines, covers and shipping, tax included,
 * before any discount), less the seller-funded discount and the platform fee, all still pending. Platform-funded
 * discounts are the marketplace's own cost and never reach a seller's ledger.
 */
export function saleJournals(ctx: Pick<PayoutsContext, "fee">, paid: EventData<"OrderPaid">): Journal[] {
  return paid.sellerOrders.flatMap((part) => {
    const currency = part.total.currency;
    const sale = part.total.amount + (part.discountTotal?.amount ?? 0);
    const sellerDiscount = part.sellerFundedDiscount?.amount ?? 0;
    const fee = platformFee(sale - sellerDiscount, ctx.fee);
    const common = { sellerId: part.sellerId, currency, orderId: paid.orderId, sellerOrderId: part.sellerOrderId };
    const journals: Journal[] = [
      {
        ...common,
        journalId: `sale:${part.sellerOrderId}`,
        kind: "sale",
        entries: [
          { account: "seller_pending", amount: sale },
          { account: "platform_sales", amount: -sale },
        ],
      },
    ];
    if (sellerDiscount > 0) {
      journals.push({
        ...common,
        journalId: `discount:${part.sellerOrderId}`,
        kind: "discount",
        entries: [
          { account: "seller_pending", amount: -sellerDiscount },
          { account: "platform_sales", amount: sellerDiscount },
        ],
      });
    }
    if (fee > 0) {
      journals.push({
        ...common,
        journalId: `fee:${part.sellerOrderId}`,
        kind: "fee",
        entries: [
          { account: "seller_pending", amount: -fee },
          { account: "platform_fees", amount: fee },
        ],
      });
    }
    return journals;
  });
}

/** Posts a paid order's sales, discounts and fees in one atomic write; a redelivered event posts nothing more. */
export async function postSales(ctx: PayoutsContext, paid: EventData<"OrderPaid">): Promise<void> {
  const { db } = ctx.services;
  const now = Date.now();
  const journals = saleJournals(ctx, paid);
  if (journals.length > 0)
    await atomically(
      db,
      journals.map((journal) => postJournal(db, journal, now)),
    );
}
