import { AppError } from "../../http/errors";
import { contactOf } from "../../identity";
import { newId } from "../../lib/ids";
import { storeNames } from "../../sellers";
import type { OrdersContext } from "../context";
import * as store from "../store";
import { changeOrder } from "../transitions";
import { type ReturnParties, returnEvents } from "./events";
import type { ReturnRequestBody, ReturnView } from "./schemas";
import { presentReturns } from "./views";

/** How long a seller has to answer a return request before it goes to admins. */
export const RESPOND_WITHIN_MS = 3 * 86_400_000;

/** The buyer and the store of a return, for its mails and notices. */
export async function returnParties(
  ctx: Pick<OrdersContext, "services">,
  row: Pick<store.ReturnRow, "buyerId" | "sellerId">,
): Promise<ReturnParties> {
  const [buyer, names] = await Promise.all([
    contactOf({ services: ctx.services }, row.buyerId),
    storeNames({ services: ctx.services }, [row.sellerId]),
  ]);
  return { buyer: buyer ?? null, storeName: names.get(row.sellerId) ?? "Unknown seller" };
}

/** The buyer's order, or the same 404 as an unknown one. */
async function buyersOrderRow(ctx: OrdersContext, buyerId: string, orderId: string) {
  const order = await store.orderById(ctx.services.db, orderId);
  if (!order || order.buyerId !== buyerId) throw new AppError("not_found", "No such order.");
  return order;
}

/**
 * The buyer asks to send copies of one seller order back: delivered, within its return window, never more copies
 * than were bought less those refunded and those in returns still under way. The seller order is compare-and-set
 * with the return, so two requests at once (or a completion) cannot both pass the count.
 */
export async function requestReturn(
  ctx: OrdersContext,
  buyerId: string,
  orderId: string,
  body: ReturnRequestBody,
): Promise<ReturnView> {
  const { db } = ctx.services;
  const order = await buyersOrderRow(ctx, buyerId, orderId);
  const returnId = newId("ret");
  const row = await changeOrder(ctx.services, order.id, async (state) => {
    const asked = body.lines.map(({ lineId, quantity }) => {
      const line = state.lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new AppError("unprocessable", `Line ${lineId} is not part of this order.`, { lineId });
      return { line, quantity };
    });
    const sellerOrderIds = new Set(asked.map(({ line }) => line.sellerOrderId));
    if (sellerOrderIds.size > 1) {
      throw new AppError("return_spans_sellers", "Ask for one return per seller: these lines come from several.", {
        sellerOrderIds: [...sellerOrderIds],
      });
    }
    const sellerOrder = state.sellerOrders.find((candidate) => sellerOrderIds.has(candidate.id))!;
    const now = Date.now();
    if (sellerOrder.deliveredAt === null || sellerOrder.returnWindowEndsAt === null) {
      throw new AppError("not_delivered", "Copies can be returned once they were delivered.", {
        currentStatus: sellerOrder.status,
      });
    }
    if (now >= sellerOrder.returnWindowEndsAt || !["delivered", "partially_refunded"].includes(sellerOrder.status)) {
      throw new AppError("return_window_closed", "The return window of these copies has closed.", {
        returnWindowEndsAt: new Date(sellerOrder.returnWindowEndsAt).toISOString(),
      });
    }
    const inReturns = await store.openReturnedCopies(
      db,
      asked.map(({ line }) => line.id),
    );
    for (const { line, quantity } of asked) {
      const left = line.quantity - line.refundedQuantity - (inReturns.get(line.id) ?? 0);
      if (quantity > left) {
        throw new AppError("return_quantity_exceeded", `Only ${left} of "${line.title}" are left to return.`, {
          lineId: line.id,
          left,
        });
      }
    }
    const created: store.ReturnRow = {
      id: returnId,
      orderId: order.id,
      sellerOrderId: sellerOrder.id,
      buyerId,
      sellerId: sellerOrder.sellerId,
      status: "requested",
      reason: body.reason,
      comment: body.comment ?? null,
      decisionNote: null,
      decidedBy: null,
      restock: false,
      carrier: null,
      trackingNumber: null,
      refundId: null,
      respondBy: now + RESPOND_WITHIN_MS,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const parties = await returnParties(ctx, created);
    const lines = asked.map(({ line, quantity }) => ({ lineId: line.id, title: line.title, quantity }));
    return {
      statements: [
        store.touchSellerOrder(db, sellerOrder, now),
        store.insertReturn(db, created),
        store.insertReturnLines(
          db,
          lines.map(({ lineId, quantity }) => ({ returnId, lineId, quantity })),
        ),
        store.insertReturnHistory(db, {
          id: newId("rth"),
          returnId,
          fromStatus: null,
          toStatus: "requested",
          actor: `buyer:${buyerId}`,
          note: body.comment ?? null,
          at: now,
        }),
      ],
      events: [returnEvents.requested(created, parties, lines)],
      result: created,
    };
  });
  const [view] = await presentReturns(ctx.services, [row]);
  return view!;
}

/** The returns of one of the buyer's orders, oldest first. */
export async function ordersReturns(ctx: OrdersContext, buyerId: string, orderId: string): Promise<ReturnView[]> {
  const order = await buyersOrderRow(ctx, buyerId, orderId);
  return presentReturns(ctx.services, await store.returnsOfOrder(ctx.services.db, order.id));
}
