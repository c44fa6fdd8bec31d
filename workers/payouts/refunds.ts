import type { EventData } from "../../queues/event-catalogue";
import { platformFundedLines } from "../orders";
import type { PayoutsContext } from "./context";
import { platformFee, shareOf } from "./fees";
import { positionOf, unpaidAccount } from "./position";
import { postJournal, sellerOrderEntries, transferFor } from "./store";
import { reverseTransfer } from "./transfers";

type Refund = EventData<"RefundIssued">;

/** Each seller order's part of a refund (shipping included); an event of one seller order may not name it. */
const partsOf = (refund: Refund) =>
  refund.sellerOrders ??
  (refund.sellerOrderIds.length === 1 ? [{ sellerOrderId: refund.sellerOrderIds[0]!, amount: refund.amount }] : []);

/**
 * A refund, in the sellers' ledgers. The seller gives back what they earned on the refunded copies and shipping:
 * what the buyer gets back plus the platform-funded discount on those copies (the marketplace takes back its own
 * discount). The fee is worked out again on what the seller still keeps, and the difference goes back to them.
 * Before the transfer this comes off the seller order's pending or available money; after it, the transfer is
 * reversed by the seller's share.
 */
export async function postRefund(ctx: PayoutsContext, refund: Refund): Promise<void> {
  const { db } = ctx.services;
  const parts = partsOf(refund);
  if (parts.length === 0) return;
  const lines = new Map(
    (await platformFundedLines({ services: ctx.services }, refund.orderId)).map((line) => [line.lineId, line]),
  );
  for (const part of parts) {
    const position = positionOf(await sellerOrderEntries(db, part.sellerOrderId));
    if (!position) {
      ctx.log.warn("refund of a seller order with no sale in the ledger", { sellerOrderId: part.sellerOrderId });
      continue;
    }
    const platformShare = refund.lines.reduce((total, refunded) => {
      const line = lines.get(refunded.lineId);
      if (line?.sellerOrderId !== part.sellerOrderId) return total;
      return total + shareOf(line.platformFundedDiscount, refunded.quantity, line.quantity);
    }, 0);
    const kept = position.earned - position.refunded;
    const givenBack = Math.min(part.amount.amount + platformShare, kept);
    if (givenBack <= 0) continue;
    const feeBack = Math.max(0, position.fee - platformFee(kept - givenBack, ctx.fee));
    const common = {
      sellerId: position.sellerId,
      currency: position.currency,
      orderId: refund.orderId,
      sellerOrderId: part.sellerOrderId,
      reference: refund.refundId,
    };
    const transfer = await transferFor(db, part.sellerOrderId);
    if (transfer?.status === "sent") {
      await reverseTransfer(ctx, transfer, refund.refundId, givenBack - feeBack, (reversal) => ({
        ...common,
        journalId: `reversal:${reversal.id}`,
        kind: "reversal",
        entries: [
          { account: "seller_paid", amount: -reversal.amount },
          { account: "platform_fees", amount: -feeBack },
          { account: "platform_refunds", amount: reversal.amount + feeBack },
        ],
      }));
      continue;
    }
    await postJournal(db, {
      ...common,
      journalId: `refund:${refund.refundId}:${part.sellerOrderId}`,
      kind: "refund",
      entries: [
        { account: unpaidAccount(position), amount: feeBack - givenBack },
        { account: "platform_fees", amount: -feeBack },
        { account: "platform_refunds", amount: givenBack },
      ],
    });
  }
}
