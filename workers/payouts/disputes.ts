import type { EventData } from "../../queues/event-catalogue";
import { auditEntry, auditTarget } from "../identity";
import { allocate } from "../lib/money";
import { atomically, type Statement } from "../platform/db";
import type { PayoutsContext } from "./context";
import { positionOf, type SellerOrderPosition, unpaidAccount } from "./position";
import { type Journal, orderEntries, postJournal, sellerOrderEntries, transferFor } from "./store";
import { payOut, reverseTransfer } from "./transfers";

interface DisputedPart {
  sellerOrderId: string;
  position: SellerOrderPosition;
  share: number;
}

/** The disputed amount shared among the order's seller orders, pro rata to their sales. */
async function disputedParts(ctx: PayoutsContext, orderId: string, amount: number): Promise<DisputedPart[]> {
  const { db } = ctx.services;
  const sales = (await orderEntries(db, orderId, "sale")).filter((entry) => entry.account === "seller_pending");
  const shares = allocate(
    amount,
    sales.map((sale) => sale.amount),
  );
  const parts: DisputedPart[] = [];
  for (const [index, sale] of sales.entries()) {
    const position = positionOf(await sellerOrderEntries(db, sale.sellerOrderId!));
    if (position) parts.push({ sellerOrderId: sale.sellerOrderId!, position, share: shares[index]! });
  }
  return parts;
}

/**
 * A hold or a release of a seller's money, posted with its audit entry (no actor: the provider decided). Written
 * once: a journal already posted (a redelivered event) is neither posted nor audited again.
 */
async function postAudited(
  ctx: PayoutsContext,
  journal: Journal,
  type: "payouts_held" | "payouts_released",
  held: { before: number; after: number },
  outcome?: "won" | "lost",
): Promise<void> {
  const { db } = ctx.services;
  const posted = (await orderEntries(db, journal.orderId, journal.kind)).some(
    (entry) => entry.journalId === journal.journalId,
  );
  if (posted) return;
  const statements: Statement[] = [
    postJournal(db, journal),
    auditEntry(ctx, type, {
      actorId: null,
      target: auditTarget("order", journal.orderId),
      detail: {
        sellerOrderId: journal.sellerOrderId,
        reference: journal.reference,
        journalId: journal.journalId,
        ...(outcome ? { outcome } : {}),
      },
      before: { held: { amount: held.before, currency: journal.currency } },
      after: { held: { amount: held.after, currency: journal.currency } },
      shopId: journal.sellerId,
    }),
  ];
  await atomically(db, statements);
}

/**
 * A buyer disputed the payment: each seller order's share of the disputed amount is frozen (moved to held) out of
 * what it still has unpaid, and no transfer goes out for it while anything is held.
 */
export async function holdDisputed(ctx: PayoutsContext, dispute: EventData<"PaymentDisputed">): Promise<void> {
  const reference = dispute.disputeId ?? dispute.paymentId;
  for (const { sellerOrderId, position, share } of await disputedParts(ctx, dispute.orderId, dispute.amount)) {
    const from = unpaidAccount(position);
    const hold = Math.min(share, from === "seller_pending" ? position.pending : position.available);
    if (hold <= 0) continue;
    const journal: Journal = {
      journalId: `dispute_hold:${reference}:${sellerOrderId}`,
      kind: "dispute_hold",
      sellerId: position.sellerId,
      currency: position.currency,
      orderId: dispute.orderId,
      sellerOrderId,
      reference,
      entries: [
        { account: from, amount: -hold },
        { account: "seller_held", amount: hold },
      ],
    };
    await postAudited(ctx, journal, "payouts_held", { before: position.held, after: position.held + hold });
  }
}

/**
 * The dispute closed. Won: what it held goes back where it came from. Lost: what it held is gone, and a seller
 * order already transferred has its share reversed. Either way a completed seller order's transfer may go now.
 */
export async function closeDispute(ctx: PayoutsContext, closed: EventData<"PaymentDisputeClosed">): Promise<void> {
  const { db } = ctx.services;
  const references = new Set([closed.disputeId, closed.paymentId]);
  const holds = (await orderEntries(db, closed.orderId, "dispute_hold")).filter(
    (entry) => entry.account === "seller_held" && references.has(entry.reference ?? ""),
  );
  for (const { sellerOrderId, position, share } of await disputedParts(ctx, closed.orderId, closed.amount.amount)) {
    const held = holds.find((entry) => entry.sellerOrderId === sellerOrderId)?.amount ?? 0;
    const common = {
      sellerId: position.sellerId,
      currency: position.currency,
      orderId: closed.orderId,
      sellerOrderId,
      reference: closed.disputeId,
    };
    if (held > 0) {
      const won = closed.outcome === "won";
      const journal: Journal = {
        ...common,
        journalId: `${won ? "dispute_release" : "dispute_loss"}:${closed.disputeId}:${sellerOrderId}`,
        kind: won ? "dispute_release" : "dispute_loss",
        entries: [
          { account: "seller_held", amount: -held },
          { account: won ? unpaidAccount(position) : "platform_disputes", amount: held },
        ],
      };
      // Won or lost, what was held is no longer held: the seller's payouts are released from the dispute.
      await postAudited(
        ctx,
        journal,
        "payouts_released",
        { before: position.held, after: position.held - held },
        closed.outcome,
      );
    } else if (closed.outcome === "lost") {
      const transfer = await transferFor(db, sellerOrderId);
      if (transfer?.status === "sent") {
        await reverseTransfer(ctx, transfer, closed.disputeId, share, (reversal) => ({
          ...common,
          journalId: `dispute_loss:${closed.disputeId}:${sellerOrderId}`,
          kind: "dispute_loss",
          entries: [
            { account: "seller_paid", amount: -reversal.amount },
            { account: "platform_disputes", amount: reversal.amount },
          ],
        }));
      }
    }
    await payOut(ctx, sellerOrderId);
  }
}
