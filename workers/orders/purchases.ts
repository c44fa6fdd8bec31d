import { readChunked } from "../lib/chunked";
import type { OrdersContext } from "./context";
import * as store from "./store";

/** What a buyer has received, for the modules that trust a purchase (community's verified reviews, seller reviews). */

/** Whether the buyer has a delivered seller order with a line of any of these ISBNs (the editions of one work). */
export async function hasDeliveredAnyOf(
  ctx: Pick<OrdersContext, "services">,
  buyerId: string,
  isbns: string[],
): Promise<boolean> {
  if (isbns.length === 0) return false;
  const found = await readChunked(isbns, (part) => store.deliveredLinesOf(ctx.services.db, buyerId, part));
  return found.length > 0;
}

export interface BuyersSellerOrder {
  id: string;
  sellerId: string;
  delivered: boolean;
}

/** One of the buyer's seller orders and whether it was delivered; undefined for an unknown or another buyer's one. */
export async function deliveredSellerOrderOf(
  ctx: Pick<OrdersContext, "services">,
  buyerId: string,
  sellerOrderId: string,
): Promise<BuyersSellerOrder | undefined> {
  const row = await store.buyersSellerOrder(ctx.services.db, buyerId, sellerOrderId);
  return row && { id: row.id, sellerId: row.sellerId, delivered: row.deliveredAt !== null };
}

/** What one order bought, by line: the edition's ISBN-13 and the copies (for the recommender's purchase history). */
export async function editionsOfOrder(
  ctx: Pick<OrdersContext, "services">,
  orderId: string,
): Promise<{ lineId: string; isbn13: string; quantity: number }[]> {
  const lines = await store.linesOfOrder(ctx.services.db, orderId);
  return lines.map(({ id, isbn13, quantity }) => ({ lineId: id, isbn13, quantity }));
}
