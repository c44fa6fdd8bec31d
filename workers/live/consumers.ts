import { defineConsumer } from "../../queues/consumer";
import { liveConsumerContext } from "./context";
import { tellListingEdit, tellOrderStatus, tellSellersOfPaidOrder, tellStockLevels } from "./service/updates";

/**
 * What the live channel consumes. A message is published before the processed-event marker is written, so a
 * failure between the two redelivers the event: each LiveDO remembers the event ids it published and ignores
 * the second one.
 */

export const liveOrderStatus = defineConsumer({
  name: "live.order-status",
  queue: "order-events",
  handles: ["OrderStatusChanged"],
  async handle(event, context) {
    await tellOrderStatus(liveConsumerContext(context), event.id, event.data);
    return [];
  },
});

export const liveSellerOrders = defineConsumer({
  name: "live.seller-orders",
  queue: "order-events",
  handles: ["OrderPaid"],
  async handle(event, context) {
    await tellSellersOfPaidOrder(liveConsumerContext(context), event.id, event.data);
    return [];
  },
});

export const liveListingEdits = defineConsumer({
  name: "live.listing-edits",
  queue: "catalog-events",
  handles: ["ListingUpdated"],
  async handle(event, context) {
    await tellListingEdit(liveConsumerContext(context), event.id, event.data);
    return [];
  },
});

export const liveStockLevels = defineConsumer({
  name: "live.stock-levels",
  queue: "order-events",
  handles: ["StockAdjusted", "StockCommitted"],
  async handle(event, context) {
    await tellStockLevels(liveConsumerContext(context), event.id, event.data);
    return [];
  },
});

/** A deleted account's live channel closes: its sockets, kept messages and tickets go, and nothing new is taken. */
export const liveChannelClosure = defineConsumer({
  name: "live.channel-closure",
  queue: "order-events",
  handles: ["UserDeleted"],
  async handle(event, { services }) {
    await services.live.close(event.data.userId);
    return [];
  },
});
