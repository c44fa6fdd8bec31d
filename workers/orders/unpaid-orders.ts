import type { CartLine } from "../../durable-objects/cart";
import { AppError } from "../http/errors";
import type { ShippingAddress } from "../identity";
import type { PaymentRow } from "../payments";
import { startPayment } from "../payments";
import type { Services } from "../platform/services";
import type { CheckoutRequest } from "./checkout";
import * as store from "./store";
import { loadOrder, type OrderState } from "./transitions";

/**
 * The limit on a buyer's unpaid orders, each holding copies until its hold runs out, and the one a checkout would
 * only repeat: checking out the same cart again answers it instead of holding the copies twice.
 */
export const MAX_UNPAID_ORDERS = 3;

export function tooManyUnpaid() {
  return new AppError(
    "too_many_pending_orders",
    `You have ${MAX_UNPAID_ORDERS} unpaid orders: pay or cancel one (GET /v1/orders) before checking out again.`,
    { limit: MAX_UNPAID_ORDERS },
  );
}

const contentsOf = (lines: Pick<CartLine, "listingId" | "quantity" | "coverOptionId" | "inscription">[]) =>
  lines
    .map((line) =>
      JSON.stringify([line.listingId, line.quantity, line.coverOptionId ?? null, line.inscription ?? null]),
    )
    .sort()
    .join("\n");

const addressKey = (address: ShippingAddress) =>
  JSON.stringify(
    (["name", "line1", "line2", "city", "region", "postalCode", "country"] as const).map((key) => address[key] ?? null),
  );

/** The promotion codes an order's lines were discounted by, or a cart holds (normalised), as one comparable key. */
const codesKey = (codes: Iterable<string | null>) =>
  [...new Set([...codes].filter((code) => code !== null))].sort().join("\n");

/**
 * The unpaid order, still holding its copies, that this checkout would repeat (the same books, covers,
 * inscriptions and promotion codes, to the same address by the same method): answered as it is, so checking out
 * again holds nothing more.
 */
export async function sameOrder(
  services: Services,
  waiting: store.OrderRow[],
  cart: { lines: CartLine[]; codes: string[] },
  request: CheckoutRequest,
): Promise<{ state: OrderState; payment: PaymentRow; existing: true } | undefined> {
  const candidates = waiting.filter(
    (order) =>
      order.status === "pending_payment" &&
      order.shippingMethod === request.method &&
      addressKey(order.shippingAddress as ShippingAddress) === addressKey(request.address),
  );
  if (candidates.length === 0) return undefined;
  const lines = await store.linesOfOrders(
    services.db,
    candidates.map((order) => order.id),
  );
  const wanted = [contentsOf(cart.lines), codesKey(cart.codes)].join("\n\n");
  const match = candidates.find((order) => {
    const own = lines.filter((line) => line.orderId === order.id);
    const codes = own.flatMap((line) => line.discounts.map((discount) => discount.code));
    return [contentsOf(own), codesKey(codes)].join("\n\n") === wanted;
  });
  if (!match) return undefined;
  const state = await loadOrder(services.db, match.id);
  if (!state) return undefined;
  // Its payment exists (checkout creates it before answering); this reads it back.
  const payment = await startPayment(services, {
    orderId: match.id,
    total: { amount: match.total, currency: match.currency },
    description: `Book Bazaar order ${match.id}`,
  });
  return { state, payment, existing: true };
}
