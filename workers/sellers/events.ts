import { createEvent } from "../../queues/events";

/** What sellers emits, through the outbox atomically with the change. It consumes nothing. */
export const sellerEvents = {
  sellerRegistered: (seller: { id: string; userId: string; storeName: string; shipsFrom: string }) =>
    createEvent("SellerRegistered", {
      sellerId: seller.id,
      userId: seller.userId,
      storeName: seller.storeName,
      shipsFrom: seller.shipsFrom,
    }),
};
