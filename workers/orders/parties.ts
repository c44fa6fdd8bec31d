import type { OrdersContext } from "./context";
import * as store from "./store";

/** One seller's part of an order, for modules that tell its seller something (a disputed payment). */
export interface OrderSeller {
  sellerOrderId: string;
  sellerId: string;
}

/** The seller of each part of an order (none for an unknown order). */
export async function orderSellers(ctx: Pick<OrdersContext, "services">, orderId: string): Promise<OrderSeller[]> {
  const parts = await store.sellerOrdersOf(ctx.services.db, orderId);
  return parts.map((part) => ({ sellerOrderId: part.id, sellerId: part.sellerId }));
}
