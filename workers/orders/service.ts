import { z } from "@hono/zod-openapi";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { paymentSummary } from "../payments";
import type { Services } from "../platform/services";
import { storeNames } from "../sellers";
import type { SellerOrderStatus } from "./states";
import * as store from "./store";
import { loadOrder, type OrderState } from "./transitions";
import { type OrderView, orderSummary, orderTotals, orderView, refundView, sellerOrderView } from "./views";

/** Reading orders: a buyer's own, a seller's part, the receipt. Every read checks who is asking. */

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

/** An order as its buyer sees it: seller orders with store names and tracking, refunds, the status history. */
export async function presentOrder(services: Services, state: OrderState): Promise<OrderView> {
  const [names, shipments, history, refunds] = await Promise.all([
    storeNames(
      { services },
      state.sellerOrders.map((row) => row.sellerId),
    ),
    store.shipmentsOf(services.db, state.order.id),
    store.historyOf(services.db, state.order.id),
    store.refundsOf(services.db, state.order.id),
  ]);
  return orderView(state, { storeNames: names, shipments, history, refunds });
}

/** The order, if the caller bought it (or is an admin); anyone else's is "not found", never "forbidden". */
export async function buyersOrder(
  services: Services,
  caller: { userId: string; admin: boolean },
  orderId: string,
): Promise<OrderState> {
  const state = await loadOrder(services.db, orderId);
  if (!state || (state.order.buyerId !== caller.userId && !caller.admin)) {
    throw new AppError("not_found", "No such order.");
  }
  return state;
}

export async function buyerOrders(services: Services, buyerId: string, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, Cursor);
  const rows = await store.ordersOfBuyer(services.db, buyerId, page.limit + 1, after);
  const shown = rows.slice(0, page.limit);
  const lines = await store.linesOfOrders(
    services.db,
    shown.map((order) => order.id),
  );
  const last = shown.at(-1);
  return {
    items: shown.map((order) =>
      orderSummary(
        order,
        lines.filter((line) => line.orderId === order.id),
      ),
    ),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** A receipt exists once money was taken: what was bought from whom, what it cost, what came back. */
export async function receipt(services: Services, state: OrderState) {
  const { order } = state;
  if (order.paidAt === null) {
    throw new AppError("order_not_paid", "There is a receipt once the order is paid.", { currentStatus: order.status });
  }
  const [names, refunds, payment] = await Promise.all([
    storeNames(
      { services },
      state.sellerOrders.map((row) => row.sellerId),
    ),
    store.refundsOf(services.db, order.id),
    paymentSummary(services, order.id),
  ]);
  const money = (amount: number) => ({ amount, currency: order.currency });
  const succeeded = refunds.filter((refund) => refund.state === "succeeded");
  return {
    receiptNumber: order.id,
    orderId: order.id,
    status: order.status,
    paidAt: new Date(order.paidAt).toISOString(),
    billedTo: (order.shippingAddress as { name: string }).name,
    sellers: state.sellerOrders.map((sellerOrder) => ({
      storeName: names.get(sellerOrder.sellerId) ?? "Unknown seller",
      lines: state.lines
        .filter((line) => line.sellerOrderId === sellerOrder.id)
        .map((line) => ({
          title: line.title,
          isbn13: line.isbn13,
          quantity: line.quantity,
          unitPrice: money(line.unitPrice),
          cover: line.coverName,
          coverPrice: money(line.coverPrice),
          lineTotal: money(line.lineTotal),
        })),
      shipping: money(sellerOrder.shippingTotal),
      total: money(sellerOrder.total),
    })),
    totals: orderTotals(order),
    payment: payment ? { provider: payment.provider, captured: money(payment.capturedAmount) } : null,
    refunds: succeeded.map(refundView),
    netPaid: money(order.total - succeeded.reduce((total, refund) => total + refund.amount, 0)),
  };
}

export async function sellerOrders(
  services: Services,
  sellerId: string,
  query: { status?: SellerOrderStatus; limit: number; cursor?: string },
) {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await store.sellerOrdersOfSeller(services.db, sellerId, { ...query, limit: query.limit + 1, after });
  const shown = rows.slice(0, query.limit);
  const ids = shown.map((row) => row.id);
  const [orders, lines, shipments] = await Promise.all([
    store.ordersByIds(services.db, [...new Set(shown.map((row) => row.orderId))]),
    store.linesOfSellerOrders(services.db, ids),
    store.shipmentsOfSellerOrders(services.db, ids),
  ]);
  const last = shown.at(-1);
  return {
    items: shown.map((row) =>
      sellerOrderView(
        row,
        orders.find((order) => order.id === row.orderId)!,
        lines.filter((line) => line.sellerOrderId === row.id),
        shipments.find((shipment) => shipment.sellerOrderId === row.id),
      ),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

export async function sellerOrder(services: Services, sellerId: string, sellerOrderId: string) {
  const row = await store.sellerOrderById(services.db, sellerOrderId);
  if (!row || row.sellerId !== sellerId) throw new AppError("not_found", "No such order of yours.");
  const [order, lines, shipments] = await Promise.all([
    store.orderById(services.db, row.orderId),
    store.linesOfSellerOrders(services.db, [row.id]),
    store.shipmentsOfSellerOrders(services.db, [row.id]),
  ]);
  return sellerOrderView(row, order!, lines, shipments[0]);
}
