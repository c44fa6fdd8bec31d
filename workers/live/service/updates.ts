import type { EventData } from "../../../queues/event-catalogue";
import { sellerOfListing } from "../../catalog";
import type { Money } from "../../lib/money";
import { sellerUserIds } from "../../sellers";
import type { LiveContext } from "../context";

/**
 * What the marketplace's events tell users on their live channels. Each message carries the id of the event it
 * comes from, so a redelivered event reaches nobody twice.
 */

/** `order_status`: the buyer, and for a seller order its seller, see the order move. */
export async function tellOrderStatus(ctx: LiveContext, eventId: string, change: EventData<"OrderStatusChanged">) {
  const { orderId, sellerOrderId, from, to, buyerId, sellerId } = change;
  const sellerUser = sellerId ? (await sellerUserIds(ctx, [sellerId])).get(sellerId) : undefined;
  const message = { type: "order_status", data: { orderId, sellerOrderId, from, to }, eventId };
  const users = new Set([buyerId, sellerUser].filter((user): user is string => user !== undefined));
  await Promise.all([...users].map((userId) => ctx.services.live.publish(userId, message)));
}

interface SellerOrderMessage {
  orderId: string;
  sellerOrderId: string;
  total: Money;
  itemCount: number;
}

/** `seller_order`: each seller of a newly paid order sees their part of it. */
export async function tellSellersOfPaidOrder(ctx: LiveContext, eventId: string, paid: EventData<"OrderPaid">) {
  const users = await sellerUserIds(
    ctx,
    paid.sellerOrders.map((part) => part.sellerId),
  );
  await Promise.all(
    paid.sellerOrders.map((part) => {
      const userId = users.get(part.sellerId);
      if (!userId) return undefined;
      const data: SellerOrderMessage = {
        orderId: paid.orderId,
        sellerOrderId: part.sellerOrderId,
        total: part.total,
        itemCount: paid.lines
          .filter((line) => line.sellerOrderId === part.sellerOrderId)
          .reduce((sum, line) => sum + line.quantity, 0),
      };
      return ctx.services.live.publish(userId, { type: "seller_order", data, eventId });
    }),
  );
}

/** `listing` from a seller's edit: the new price and status, when those are what changed. */
export async function tellListingEdit(ctx: LiveContext, eventId: string, edit: EventData<"ListingUpdated">) {
  const price = edit.changes.includes("price") ? { price: edit.price } : {};
  const status = edit.changes.includes("status") ? { status: edit.status } : {};
  if (!("price" in price) && !("status" in status)) return;
  await tellSeller(ctx, edit.sellerId, {
    type: "listing",
    data: { listingId: edit.listingId, ...price, ...status },
    eventId,
  });
}

/**
 * `listing` from its stock: copies available after a sale or a recount. `stockVersion` orders them, since
 * events may arrive out of order.
 */
export async function tellStockLevels(
  ctx: LiveContext,
  eventId: string,
  levels: { listingId: string; available: number; version: number },
) {
  const sellerId = await sellerOfListing({ db: ctx.services.db }, levels.listingId);
  if (!sellerId) return;
  const data = { listingId: levels.listingId, available: levels.available, stockVersion: levels.version };
  await tellSeller(ctx, sellerId, { type: "listing", data, eventId });
}

async function tellSeller(
  ctx: LiveContext,
  sellerId: string,
  message: { type: string; data: unknown; eventId: string },
) {
  const userId = (await sellerUserIds(ctx, [sellerId])).get(sellerId);
  if (userId) await ctx.services.live.publish(userId, message);
}
