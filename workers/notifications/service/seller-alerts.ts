import type { EventEnvelope } from "../../../queues/event-catalogue";
import { listedBooks } from "../../catalog";
import { sellerAccounts } from "../../sellers";
import type { NotificationsContext } from "../context";
import { sellerOrderPaid, stockLow } from "../notices/seller-alerts";
import { renderTemplate } from "../template";
import type { Notice } from "./notify";

/** What a seller is told of their shop: a listing that ran low (once per crossing, see StockDO), a new paid order. */

export async function stockLowNotices(ctx: NotificationsContext, event: EventEnvelope<"StockLow">): Promise<Notice[]> {
  const { listingId, available, threshold } = event.data;
  const listing = (await listedBooks({ db: ctx.services.db }, [listingId])).get(listingId);
  if (!listing) return [];
  const seller = (await sellerAccounts(ctx, [listing.sellerId])).get(listing.sellerId);
  if (!seller) return [];
  const data = { listingId, title: listing.title, isbn13: listing.isbn13, available, threshold };
  return [
    {
      userId: seller.userId,
      sourceId: event.id,
      kind: stockLow.kind,
      category: stockLow.category,
      data: { listingId, available, threshold },
      render: (recipient) => renderTemplate(stockLow, data, ctx.config, recipient),
    },
  ];
}

/** Each seller of a paid order hears of their part: its books and its total. */
export async function paidSellerOrderNotices(
  ctx: NotificationsContext,
  event: EventEnvelope<"OrderPaid">,
): Promise<Notice[]> {
  const { data } = event;
  const sellers = await sellerAccounts(
    ctx,
    data.sellerOrders.map((part) => part.sellerId),
  );
  return data.sellerOrders.flatMap((part) => {
    const seller = sellers.get(part.sellerId);
    if (!seller) return [];
    const placeholders = {
      orderId: data.orderId,
      sellerOrderId: part.sellerOrderId,
      shippingMethod: data.shippingMethod,
      items: data.lines
        .filter((line) => line.sellerOrderId === part.sellerOrderId)
        .map((line) => ({ title: line.title, quantity: line.quantity })),
      total: part.total,
    };
    return [
      {
        userId: seller.userId,
        sourceId: event.id,
        kind: sellerOrderPaid.kind,
        category: sellerOrderPaid.category,
        data: { orderId: data.orderId, sellerOrderId: part.sellerOrderId, total: part.total },
        render: (recipient) => renderTemplate(sellerOrderPaid, placeholders, ctx.config, recipient),
      },
    ];
  });
}
