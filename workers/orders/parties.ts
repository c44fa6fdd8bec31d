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

/** What the marketplace's own promotions took off one line: the part of a refund it carries, not the seller. */
export interface PlatformFundedLine {
  lineId: string;
  sellerOrderId: string;
  quantity: number;
  platformFundedDiscount: number;
}

/** Every line of an order with its platform-funded discount (none for an unknown order). */
export async function platformFundedLines(
  ctx: Pick<OrdersContext, "services">,
  orderId: string,
): Promise<PlatformFundedLine[]> {
  const lines = await store.linesOf(ctx.services.db, orderId);
  return lines.map((line) => ({
    lineId: line.id,
    sellerOrderId: line.sellerOrderId,
    quantity: line.quantity,
    platformFundedDiscount: line.discounts
      .filter((discount) => discount.fundedBy === "platform")
      .reduce((sum, discount) => sum + discount.amount, 0),
  }));
}
