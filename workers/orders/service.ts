import { z } from "@hono/zod-openapi";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { savedAddress } from "../identity";
import { paymentSummary } from "../payments";
import { readTogether } from "../platform/db";
import { storeNames } from "../sellers";
import { cancelOrder } from "./cancel";
import { checkout, type ListingsOf } from "./checkout";
import type { OrdersContext } from "./context";
import { markSellerOrderDelivered, type ShipmentInput, shipSellerOrder } from "./fulfilment";
import { type RefundCaller, requestRefund } from "./refund-requests";
import type { CheckoutBody, RefundBody } from "./schemas";
import type { SellerOrderStatus } from "./states";
import * as store from "./store";
import { loadOrder, type OrderState } from "./transitions";
import {
  discountView,
  type OrderView,
  orderSummary,
  orderTaxView,
  orderTotals,
  orderView,
  refundView,
  type SellerOrderDetail,
  sellerOrderDetailView,
  sellerOrderView,
  taxView,
} from "./views";

export { type SellerDashboard, sellerDashboard } from "./dashboard";
export { expireUnpaidOrders } from "./expiry";
export { orderLedger } from "./ledger";
export { resumePendingRefunds } from "./refunds";
export { type SalesReport, type SalesReportInput, salesReport, salesReportCsv } from "./sales-report";

/**
 * What the orders module does, as its routes and index.ts see it: checkout, a buyer's orders and receipts,
 * cancellation, refunds and sellers' fulfilment (each behind its own file). Every read checks who is asking.
 */

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

/** An order as its buyer sees it: seller orders with store names and tracking, refunds, the status history. */
export async function presentOrder({ services }: OrdersContext, state: OrderState): Promise<OrderView> {
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
  { services }: OrdersContext,
  caller: { userId: string; admin: boolean },
  orderId: string,
): Promise<OrderState> {
  const state = await loadOrder(services.db, orderId);
  if (!state || (state.order.buyerId !== caller.userId && !caller.admin)) {
    throw new AppError("not_found", "No such order.");
  }
  return state;
}

export async function buyerOrders(
  { services }: OrdersContext,
  buyerId: string,
  page: { limit: number; cursor?: string },
) {
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

/**
 * A receipt exists once money was taken: what was bought from whom, what it cost and what was taken off it, the
 * VAT in it per rate, what came back. Each store's lines and shipping add up to its total, the stores' to the
 * order's, and the VAT per rate of the stores to the order's.
 */
export async function receipt({ services }: OrdersContext, state: OrderState) {
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
          grossTotal: money((line.unitPrice + line.coverPrice) * line.quantity),
          discounts: line.discounts.map((discount) => discountView(discount, order.currency)),
          discountTotal: money(line.discountTotal),
          lineTotal: money(line.lineTotal),
        })),
      shipping: money(sellerOrder.shippingTotal),
      discountTotal: money(sellerOrder.discountTotal),
      tax: taxView(sellerOrder.taxLines, order.currency),
      total: money(sellerOrder.total),
    })),
    totals: orderTotals(order),
    tax: orderTaxView(order),
    payment: payment ? { provider: payment.provider, captured: money(payment.capturedAmount) } : null,
    refunds: succeeded.map(refundView),
    netPaid: money(order.total - succeeded.reduce((total, refund) => total + refund.amount, 0)),
    netTax: money(order.tax - succeeded.reduce((total, refund) => total + refund.tax, 0)),
  };
}

/** A seller's part of buyers' orders, newest first: in one status, or only those still to send (`toShip`). */
export async function sellerOrders(
  { services }: OrdersContext,
  sellerId: string,
  query: { status?: SellerOrderStatus; toShip?: boolean; limit: number; cursor?: string },
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

/** One of the seller's seller orders with its history and refunds, in one round trip; anyone else's is 404. */
export async function sellerOrder(
  { services }: OrdersContext,
  sellerId: string,
  sellerOrderId: string,
): Promise<SellerOrderDetail> {
  const [[row], [order], lines, shipments, history, refunds] = (await readTogether(
    services.db,
    store.sellerOrderPageReads(services.db, sellerOrderId),
  )) as store.SellerOrderPageRows;
  if (!row || row.sellerId !== sellerId || !order) throw new AppError("not_found", "No such order of yours.");
  return sellerOrderDetailView(row, order, lines, shipments[0], history, refunds);
}

/** Checkout of the buyer's cart to a new address or a saved one; answers the order and how to pay it. */
export async function placeOrder(ctx: OrdersContext, buyerId: string, body: CheckoutBody, listingsOf: ListingsOf) {
  const address = body.addressId
    ? await savedAddress({ services: ctx.services }, buyerId, body.addressId)
    : body.shippingAddress;
  if (!address) throw new AppError("not_found", "No saved address with this id; GET /v1/me lists them.");
  const result = await checkout(ctx, { buyerId, address, method: body.shippingMethod }, listingsOf);
  const { payment } = result;
  return {
    existing: result.existing,
    // A new order has no shipments or refunds yet; its store names and history are those checkout just wrote.
    order: orderView(result.state, { ...result.shown, shipments: [], refunds: [] }),
    payment: { id: payment.id, provider: payment.provider, clientSecret: payment.clientSecret },
  };
}

/** The buyer (or an admin) cancels; answers the order as it is afterwards. */
export async function cancelBuyersOrder(
  ctx: OrdersContext,
  caller: { userId: string; admin: boolean },
  orderId: string,
  note?: string,
): Promise<OrderView> {
  const state = await buyersOrder(ctx, caller, orderId);
  const byBuyer = state.order.buyerId === caller.userId;
  await cancelOrder(ctx, orderId, {
    actor: byBuyer ? `buyer:${caller.userId}` : `admin:${caller.userId}`,
    reason: byBuyer ? "buyer_requested" : "admin_cancelled",
    note,
  });
  return presentOrder(ctx, (await loadOrder(ctx.services.db, orderId))!);
}

/** The order a refund is asked for; an unknown one is 404 before anything about the request is read. */
export async function checkOrderExists(ctx: OrdersContext, orderId: string): Promise<void> {
  if (!(await store.orderById(ctx.services.db, orderId))) throw new AppError("not_found", "No such order.");
}

/** Another seller's order answers the same 404 as an unknown one, so a seller never learns which ids exist. */
export async function checkSellersPart(ctx: OrdersContext, orderId: string, sellerId: string): Promise<void> {
  const parts = await store.sellerOrdersOf(ctx.services.db, orderId);
  if (!parts.some((part) => part.sellerId === sellerId)) throw new AppError("not_found", "No such order.");
}

/** A seller's or an admin's refund of part or all of a paid order; answers the refund. */
export async function refundOrder(
  ctx: OrdersContext,
  orderId: string,
  caller: RefundCaller,
  input: RefundBody,
  idempotencyKey: string,
) {
  const order = await store.orderById(ctx.services.db, orderId);
  if (input.amount && order && input.amount.currency !== order.currency) {
    throw new AppError("unsupported_currency", `This order is in ${order.currency}.`);
  }
  const issued = await requestRefund(ctx, orderId, caller, { ...input, amount: input.amount?.amount }, idempotencyKey);
  return refundView(issued);
}

/**
 * A seller refunds lines of one of their seller orders, or an amount of it (what is left there, shipping included,
 * when no amount is given), optionally restocking; the same key is the same refund, so a form sent twice refunds
 * once. Another seller's order is 404.
 */
export async function refundSellerOrder(
  ctx: OrdersContext,
  sellerId: string,
  sellerOrderId: string,
  input: RefundBody,
  idempotencyKey: string,
) {
  const row = await store.sellerOrderById(ctx.services.db, sellerOrderId);
  if (!row || row.sellerId !== sellerId) throw new AppError("not_found", "No such order of yours.");
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new AppError("validation_failed", "Idempotency-Key must be 8–128 letters, digits or _.:-.");
  }
  const lines = input.lines?.length ? input.lines : undefined;
  const scoped = { ...input, lines, sellerOrderIds: lines ? undefined : [sellerOrderId], goodwill: undefined };
  return refundOrder(ctx, row.orderId, { kind: "seller", sellerId }, scoped, idempotencyKey);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The seller sends their part with its tracking; answers the seller order, shipped. */
export async function shipOrder(ctx: OrdersContext, sellerId: string, sellerOrderId: string, input: ShipmentInput) {
  await shipSellerOrder(ctx.services, sellerId, sellerOrderId, input, `seller:${sellerId}`);
  return sellerOrder(ctx, sellerId, sellerOrderId);
}

/** The seller says their parcel arrived; answers the seller order, delivered. */
export async function markDelivered(ctx: OrdersContext, sellerId: string, sellerOrderId: string) {
  await markSellerOrderDelivered(ctx, sellerId, sellerOrderId, `seller:${sellerId}`);
  return sellerOrder(ctx, sellerId, sellerOrderId);
}
