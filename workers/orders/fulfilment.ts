import { AppError } from "../http/errors";
import { contactOf } from "../identity";
import { newId } from "../lib/ids";
import type { Services } from "../platform/services";
import { returnWindowDays, storeNames } from "../sellers";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { moveSellerOrdersTo } from "./plans";
import * as store from "./store";
import { type Actor, changeOrder } from "./transitions";

/** Sellers send their part of an order and say when it arrived; the buyer is told each time. */

export interface ShipmentInput {
  carrier: string;
  trackingNumber: string;
  trackingUrl?: string;
}

/** The seller order, if it is this seller's; anyone else's is "not found", never "forbidden". */
async function ownSellerOrder(services: Services, sellerId: string, sellerOrderId: string) {
  const sellerOrder = await store.sellerOrderById(services.db, sellerOrderId);
  if (!sellerOrder || sellerOrder.sellerId !== sellerId) throw new AppError("not_found", "No such order of yours.");
  return sellerOrder;
}

async function context(services: Services, sellerOrder: store.SellerOrderRow) {
  const order = await store.orderById(services.db, sellerOrder.orderId);
  const [buyer, names] = await Promise.all([
    order ? contactOf({ services }, order.buyerId) : undefined,
    storeNames({ services }, [sellerOrder.sellerId]),
  ]);
  return { buyer: buyer ?? null, storeName: names.get(sellerOrder.sellerId) ?? "Unknown seller" };
}

export async function shipSellerOrder(
  services: Services,
  sellerId: string,
  sellerOrderId: string,
  input: ShipmentInput,
  actor: Actor,
): Promise<void> {
  const found = await ownSellerOrder(services, sellerId, sellerOrderId);
  const { buyer, storeName } = await context(services, found);
  const [existing] = await store.shipmentsOfSellerOrders(services.db, [sellerOrderId]);
  if (existing)
    throw new AppError("invalid_transition", "This order was already shipped.", { currentStatus: "shipped" });
  await changeOrder(services, found.orderId, (state) => {
    const sellerOrder = state.sellerOrders.find((so) => so.id === sellerOrderId)!;
    const now = Date.now();
    const moves = moveSellerOrdersTo(services.db, state.order, [sellerOrder], "shipped", {
      actor,
      reason: `${input.carrier} ${input.trackingNumber}`,
      now,
    });
    const lines = state.lines.filter((line) => line.sellerOrderId === sellerOrderId);
    return {
      statements: [
        store.insertShipment(services.db, {
          id: newId("shp"),
          sellerOrderId,
          orderId: state.order.id,
          carrier: input.carrier,
          trackingNumber: input.trackingNumber,
          trackingUrl: input.trackingUrl ?? null,
          shippedAt: now,
          deliveredAt: null,
        }),
        ...moves.statements,
      ],
      events: [
        ...moves.events,
        orderEvents.orderShipped(
          state.order,
          { id: sellerOrderId, sellerId, storeName },
          buyer,
          { carrier: input.carrier, trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl ?? null },
          lines,
        ),
      ],
      result: undefined,
    };
  });
}

const DAY_MS = 86_400_000;

/** How long after delivery the buyer may ask for a return: the one local window where set, else the seller's. */
async function returnWindowMs(ctx: OrdersContext, sellerId: string): Promise<number> {
  if (ctx.returnWindowSeconds !== undefined) return ctx.returnWindowSeconds * 1000;
  const days = (await returnWindowDays({ services: ctx.services }, [sellerId])).get(sellerId);
  return (days ?? 0) * DAY_MS;
}

export async function markSellerOrderDelivered(
  ctx: OrdersContext,
  sellerId: string,
  sellerOrderId: string,
  actor: Actor,
): Promise<void> {
  const { services } = ctx;
  const found = await ownSellerOrder(services, sellerId, sellerOrderId);
  const { buyer, storeName } = await context(services, found);
  const [shipment] = await store.shipmentsOfSellerOrders(services.db, [sellerOrderId]);
  if (!shipment) {
    throw new AppError("invalid_transition", "Ship the order (with its tracking number) before marking it delivered.", {
      currentStatus: found.status,
    });
  }
  const windowMs = await returnWindowMs(ctx, sellerId);
  await changeOrder(services, found.orderId, (state) => {
    const sellerOrder = state.sellerOrders.find((so) => so.id === sellerOrderId)!;
    const now = Date.now();
    const moves = moveSellerOrdersTo(services.db, state.order, [sellerOrder], "delivered", {
      actor,
      reason: null,
      now,
      patch: { deliveredAt: now, returnWindowEndsAt: now + windowMs },
    });
    return {
      statements: [store.markDelivered(services.db, sellerOrderId, now), ...moves.statements],
      events: [
        ...moves.events,
        orderEvents.orderDelivered(state.order, { id: sellerOrderId, sellerId, storeName }, buyer),
      ],
      result: undefined,
    };
  });
}
