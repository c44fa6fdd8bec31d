import type { EventData } from "../../queues/event-catalogue";
import { newId } from "../lib/ids";
import { atomically } from "../platform/db";
import type { PayoutsContext } from "./context";
import { positionOf } from "./position";
import {
  claimReversal,
  claimTransfer,
  type Journal,
  markReversalSent,
  markTransferSent,
  payoutAccountOf,
  postJournal,
  type ReversalRow,
  releasedSellerOrders,
  reversalFor,
  sellerOrderEntries,
  type TransferRow,
  transferFor,
} from "./store";

/**
 * A seller order completed (delivered, its return window over): what is pending for it becomes available, and
 * goes out as a transfer when the seller can be paid.
 */
export async function completeSellerOrder(
  ctx: PayoutsContext,
  completed: EventData<"SellerOrderCompleted">,
): Promise<void> {
  const { db } = ctx.services;
  const position = positionOf(await sellerOrderEntries(db, completed.sellerOrderId));
  // The sale is posted from OrderPaid; until it is, a retry waits for it.
  if (!position) throw new Error(`no sale posted for seller order ${completed.sellerOrderId}`);
  if (!position.released) {
    await postJournal(db, {
      journalId: `release:${completed.sellerOrderId}`,
      kind: "release",
      sellerId: position.sellerId,
      currency: position.currency,
      orderId: position.orderId,
      sellerOrderId: completed.sellerOrderId,
      entries: [
        { account: "seller_pending", amount: -position.pending },
        { account: "seller_available", amount: position.pending },
      ],
    });
  }
  await payOut(ctx, completed.sellerOrderId);
}

/**
 * The seller order's one transfer of what is available for it: only once it completed, no dispute holds any of
 * it, and the seller's account takes payouts. The row is claimed `pending` first and its id is the provider's
 * idempotency key, so a redelivered event or a crash before `sent` asks for the same transfer again, never a
 * second one.
 */
export async function payOut(ctx: PayoutsContext, sellerOrderId: string): Promise<void> {
  const { db, payments } = ctx.services;
  const position = positionOf(await sellerOrderEntries(db, sellerOrderId));
  if (!position?.released || position.held > 0) return;
  const account = await payoutAccountOf(db, position.sellerId);
  if (!account?.payoutsEnabled) return;
  let transfer = await transferFor(db, sellerOrderId);
  if (transfer?.status === "sent") return;
  if (!transfer) {
    if (position.available <= 0) return;
    await claimTransfer(db, {
      id: newId("trf"),
      sellerId: position.sellerId,
      sellerOrderId,
      orderId: position.orderId,
      amount: position.available,
      currency: position.currency,
      status: "pending",
      providerTransferId: null,
      reversedAmount: 0,
      createdAt: Date.now(),
      sentAt: null,
    });
    transfer = (await transferFor(db, sellerOrderId))!;
  }
  const { providerTransferId } = await payments.createTransfer({
    providerAccountId: account.providerAccountId,
    amount: { amount: transfer.amount, currency: transfer.currency },
    transferGroup: transfer.orderId,
    idempotencyKey: transfer.id,
    metadata: { sellerId: transfer.sellerId, sellerOrderId, orderId: transfer.orderId },
  });
  await atomically(db, [
    markTransferSent(db, transfer.id, providerTransferId),
    postJournal(db, {
      journalId: `transfer:${transfer.id}`,
      kind: "transfer",
      sellerId: transfer.sellerId,
      currency: transfer.currency,
      orderId: transfer.orderId,
      sellerOrderId,
      reference: transfer.id,
      entries: [
        { account: "seller_available", amount: -transfer.amount },
        { account: "seller_paid", amount: transfer.amount },
      ],
    }),
  ]);
}

/** Every completed seller order of the seller still owed its transfer (their account was just enabled). */
export async function payOwed(ctx: PayoutsContext, sellerId: string): Promise<void> {
  for (const { sellerOrderId } of await releasedSellerOrders(ctx.services.db, sellerId)) {
    if (sellerOrderId) await payOut(ctx, sellerOrderId);
  }
}

/**
 * Takes `amount` back from a sent transfer for a refund or a lost dispute (`reference`): one reversal row each,
 * claimed `pending` first with its id as the provider's idempotency key; the ledger journal is written with it.
 */
export async function reverseTransfer(
  ctx: PayoutsContext,
  transfer: TransferRow,
  reference: string,
  amount: number,
  journal: (reversal: ReversalRow) => Journal,
): Promise<void> {
  const { db, payments } = ctx.services;
  const left = transfer.amount - transfer.reversedAmount;
  let reversal = await reversalFor(db, transfer.id, reference);
  if (!reversal) {
    const take = Math.min(amount, left);
    if (take <= 0 || !transfer.providerTransferId) return;
    await claimReversal(db, {
      id: newId("trv"),
      transferId: transfer.id,
      sellerId: transfer.sellerId,
      reference,
      amount: take,
      currency: transfer.currency,
      status: "pending",
      providerReversalId: null,
      createdAt: Date.now(),
    });
    reversal = (await reversalFor(db, transfer.id, reference))!;
  }
  if (reversal.status === "sent") return;
  const { providerReversalId } = await payments.reverseTransfer({
    providerTransferId: transfer.providerTransferId!,
    amount: { amount: reversal.amount, currency: reversal.currency },
    idempotencyKey: reversal.id,
    metadata: { sellerOrderId: transfer.sellerOrderId, reference },
  });
  await atomically(db, [...markReversalSent(db, reversal, providerReversalId), postJournal(db, journal(reversal))]);
}
