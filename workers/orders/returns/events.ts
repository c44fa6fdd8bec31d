import { createEvent } from "../../../queues/events";
import type * as store from "../store";

/** Who a return concerns: its order, seller order, seller (with the store name) and buyer. */
export interface ReturnParties {
  buyer: { email: string; name: string } | null;
  storeName: string;
}

const partiesOf = (row: store.ReturnRow, parties: ReturnParties) => ({
  orderId: row.orderId,
  sellerOrderId: row.sellerOrderId,
  sellerId: row.sellerId,
  storeName: parties.storeName,
  buyerId: row.buyerId,
  buyer: parties.buyer,
});

/** What returns emit, through the outbox with the change they describe. */
export const returnEvents = {
  requested: (
    row: store.ReturnRow,
    parties: ReturnParties,
    lines: { lineId: string; title: string; quantity: number }[],
  ) =>
    createEvent("ReturnRequested", {
      ...partiesOf(row, parties),
      returnId: row.id,
      reason: row.reason,
      comment: row.comment,
      respondBy: new Date(row.respondBy).toISOString(),
      lines,
    }),

  statusChanged: (
    row: store.ReturnRow,
    parties: ReturnParties,
    change: {
      to: "escalated" | "approved" | "rejected" | "in_transit" | "refunded";
      actor: string;
      note: string | null;
      refunded: { amount: number; currency: string } | null;
    },
  ) =>
    createEvent("ReturnStatusChanged", {
      ...partiesOf(row, parties),
      returnId: row.id,
      from: row.status,
      to: change.to,
      actor: change.actor,
      note: change.note,
      refunded: change.refunded,
    }),
};
