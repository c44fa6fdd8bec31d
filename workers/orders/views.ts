import type { ShippingAddress } from "../identity";
import type { Money } from "../lib/money";
import type { LineDiscount } from "../promotions";
import type { TaxLine } from "../tax";
import type * as store from "./store";
import type { OrderState } from "./transitions";

/**
 * How orders are shown: to their buyer (everything), and to a seller (their part, and where to send it). Every
 * cent is explained: each line's discounts and who funds them, each total's tax per rate.
 */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const moneyIn = (currency: string) => (amount: number) => ({ amount, currency });

/** A promotion's share of a line, as applied at checkout. */
export function discountView(discount: LineDiscount, currency: string) {
  return {
    promotionId: discount.promotionId,
    code: discount.code,
    name: discount.name,
    fundedBy: discount.fundedBy,
    amount: { amount: discount.amount, currency },
  };
}

/** The tax included in a total, per rate (taxable is the tax-inclusive amount charged at that rate). */
export function taxView(lines: TaxLine[], currency: string) {
  const money = moneyIn(currency);
  return {
    lines: lines.map((line) => ({
      taxClass: line.taxClass,
      rate: line.rate,
      name: line.name,
      taxable: money(line.taxable),
      tax: money(line.tax),
    })),
    total: money(lines.reduce((sum, line) => sum + line.tax, 0)),
  };
}

/** Who funds the discounts of a total: the seller's own promotions lower what they earn, the marketplace's do not. */
function funding(row: Pick<store.SellerOrderRow, "discountTotal" | "sellerFundedDiscount">, currency: string) {
  const money = moneyIn(currency);
  return {
    discountTotal: money(row.discountTotal),
    sellerFundedDiscount: money(row.sellerFundedDiscount),
    platformFundedDiscount: money(row.discountTotal - row.sellerFundedDiscount),
  };
}

interface LineView {
  id: string;
  listingId: string;
  title: string;
  isbn13: string;
  condition: string;
  quantity: number;
  unitPrice: Money;
  cover: { id: string; name: string; price: Money } | null;
  inscription: string | null;
  discounts: ReturnType<typeof discountView>[];
  discountTotal: Money;
  /** (Unit price + cover price) × quantity: the line before discounts. */
  grossTotal: Money;
  /** What the buyer pays for the line: the gross total less its discounts. */
  lineTotal: Money;
  refunded: Money;
  refundedQuantity: number;
}

interface ShipmentView {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  shippedAt: string;
  deliveredAt: string | null;
}

function lineView(line: store.OrderLineRow, currency: string): LineView {
  const money = (amount: number) => ({ amount, currency });
  return {
    id: line.id,
    listingId: line.listingId,
    title: line.title,
    isbn13: line.isbn13,
    condition: line.condition,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice),
    cover: line.coverOptionId
      ? { id: line.coverOptionId, name: line.coverName ?? "", price: money(line.coverPrice) }
      : null,
    inscription: line.inscription,
    discounts: line.discounts.map((discount) => discountView(discount, currency)),
    discountTotal: money(line.discountTotal),
    grossTotal: money((line.unitPrice + line.coverPrice) * line.quantity),
    lineTotal: money(line.lineTotal),
    refunded: money(line.refundedAmount),
    refundedQuantity: line.refundedQuantity,
  };
}

function shipmentView(row: store.ShipmentRow | undefined): ShipmentView | null {
  if (!row) return null;
  return {
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    trackingUrl: row.trackingUrl,
    shippedAt: iso(row.shippedAt)!,
    deliveredAt: iso(row.deliveredAt),
  };
}

/** A seller order's totals: items + covers + shipping − discount = total. */
function sellerOrderTotals(row: store.SellerOrderRow, currency: string) {
  const money = moneyIn(currency);
  return {
    items: money(row.itemsTotal),
    covers: money(row.coversTotal),
    shipping: money(row.shippingTotal),
    discount: money(row.discountTotal),
    total: money(row.total),
    refunded: money(row.refundedTotal),
  };
}

/** An order's totals: items + covers + shipping − discount = total, `tax` the part of it that is tax. */
export function orderTotals(order: store.OrderRow) {
  const money = moneyIn(order.currency);
  return {
    items: money(order.itemsTotal),
    covers: money(order.coversTotal),
    shipping: money(order.shippingTotal),
    discount: money(order.discountTotal),
    tax: money(order.tax),
    total: money(order.total),
    refunded: money(order.refundedTotal),
  };
}

/** The order's tax: where it was charged for, and per rate (its seller orders' added up). */
export const orderTaxView = (order: store.OrderRow) => ({
  country: order.taxCountry,
  ...taxView(order.taxLines, order.currency),
});

/** The buyer's view of an order: totals, seller orders with their lines and tracking, and the status history. */
export function orderView(
  state: OrderState,
  extra: {
    storeNames: Map<string, string>;
    shipments: store.ShipmentRow[];
    history: store.HistoryRow[];
    refunds: store.RefundRow[];
  },
) {
  const { order } = state;
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    totals: orderTotals(order),
    ...funding(order, order.currency),
    tax: orderTaxView(order),
    shippingAddress: order.shippingAddress as ShippingAddress,
    shippingMethod: order.shippingMethod,
    holdExpiresAt: iso(order.holdExpiresAt)!,
    paidAt: iso(order.paidAt),
    completedAt: iso(order.completedAt),
    cancelReason: order.cancelReason,
    createdAt: iso(order.createdAt)!,
    updatedAt: iso(order.updatedAt)!,
    sellerOrders: state.sellerOrders.map((sellerOrder) => ({
      id: sellerOrder.id,
      sellerId: sellerOrder.sellerId,
      storeName: extra.storeNames.get(sellerOrder.sellerId) ?? "Unknown seller",
      status: sellerOrder.status,
      totals: sellerOrderTotals(sellerOrder, order.currency),
      ...funding(sellerOrder, order.currency),
      tax: taxView(sellerOrder.taxLines, order.currency),
      lines: state.lines
        .filter((line) => line.sellerOrderId === sellerOrder.id)
        .map((l) => lineView(l, order.currency)),
      shipment: shipmentView(extra.shipments.find((s) => s.sellerOrderId === sellerOrder.id)),
      returnWindowEndsAt: iso(sellerOrder.returnWindowEndsAt),
      completedAt: iso(sellerOrder.completedAt),
    })),
    refunds: extra.refunds.map(refundView),
    history: extra.history.map((row) => ({
      sellerOrderId: row.sellerOrderId,
      from: row.fromStatus,
      to: row.toStatus,
      actor: row.actor.split(":")[0]!,
      reason: row.reason,
      at: iso(row.at)!,
    })),
  };
}

export type OrderView = ReturnType<typeof orderView>;

/** One line of a buyer's order list. */
export function orderSummary(order: store.OrderRow, lines: store.OrderLineRow[]) {
  return {
    id: order.id,
    status: order.status,
    totals: orderTotals(order),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    titles: lines.map((line) => line.title),
    createdAt: iso(order.createdAt)!,
    paidAt: iso(order.paidAt),
  };
}

/** A refund as the buyer, the seller and an admin see it. */
export function refundView(refund: store.RefundRow) {
  const money = (amount: number) => ({ amount, currency: refund.currency });
  return {
    id: refund.id,
    orderId: refund.orderId,
    state: refund.state,
    amount: money(refund.amount),
    tax: money(refund.tax),
    reason: refund.reason,
    restocked: refund.restock,
    sellerOrderIds: refund.allocation.sellerOrders.map((so) => so.sellerOrderId),
    lines: refund.allocation.lines.map((line) => ({
      lineId: line.lineId,
      quantity: line.quantity,
      amount: money(line.amount),
    })),
    goodwill: money(refund.allocation.goodwill ?? 0),
    createdAt: iso(refund.createdAt)!,
    completedAt: iso(refund.completedAt),
  };
}

const SHIPPING_STATUSES: readonly string[] = ["paid", "shipped", "delivered", "partially_refunded"];

/**
 * A seller's part of an order: their lines, their shipping charge, tracking, and where to send it. Of the buyer they
 * see only the shipping address (name included), and only while there is something to send. `proceeds` is what
 * the part earns before fees: what the buyer pays plus the discounts the marketplace funds.
 */
export function sellerOrderView(
  sellerOrder: store.SellerOrderRow,
  order: store.OrderRow,
  lines: store.OrderLineRow[],
  shipment: store.ShipmentRow | undefined,
) {
  return {
    id: sellerOrder.id,
    orderId: sellerOrder.orderId,
    status: sellerOrder.status,
    totals: sellerOrderTotals(sellerOrder, order.currency),
    ...funding(sellerOrder, order.currency),
    tax: taxView(sellerOrder.taxLines, order.currency),
    proceeds: {
      amount: sellerOrder.total + sellerOrder.discountTotal - sellerOrder.sellerFundedDiscount,
      currency: order.currency,
    },
    lines: lines.map((line) => lineView(line, order.currency)),
    shippingMethod: order.shippingMethod,
    shipTo: SHIPPING_STATUSES.includes(sellerOrder.status) ? (order.shippingAddress as ShippingAddress) : null,
    shipment: shipmentView(shipment),
    paidAt: iso(order.paidAt),
    returnWindowEndsAt: iso(sellerOrder.returnWindowEndsAt),
    completedAt: iso(sellerOrder.completedAt),
    createdAt: iso(sellerOrder.createdAt)!,
    updatedAt: iso(sellerOrder.updatedAt)!,
  };
}

/** A refund as the seller of one seller order sees it: their share of it and their lines, never other sellers'. */
function sellerRefundView(refund: store.RefundRow, sellerOrderId: string) {
  const money = (amount: number) => ({ amount, currency: refund.currency });
  const share = refund.allocation.sellerOrders.find((so) => so.sellerOrderId === sellerOrderId);
  return {
    id: refund.id,
    state: refund.state,
    amount: money(share?.amount ?? 0),
    tax: money(share?.tax ?? 0),
    reason: refund.reason,
    restocked: refund.restock,
    lines: refund.allocation.lines
      .filter((line) => line.sellerOrderId === sellerOrderId)
      .map((line) => ({ lineId: line.lineId, quantity: line.quantity, amount: money(line.amount) })),
    createdAt: iso(refund.createdAt)!,
    completedAt: iso(refund.completedAt),
  };
}

/**
 * A seller order's page and packing slip: the seller order with its status history (its own transitions, not the
 * whole order's) and the refunds charged to it.
 */
export function sellerOrderDetailView(
  sellerOrder: store.SellerOrderRow,
  order: store.OrderRow,
  lines: store.OrderLineRow[],
  shipment: store.ShipmentRow | undefined,
  history: store.HistoryRow[],
  refunds: store.RefundRow[],
) {
  return {
    ...sellerOrderView(sellerOrder, order, lines, shipment),
    history: history.map((row) => ({
      from: row.fromStatus,
      to: row.toStatus,
      actor: row.actor.split(":")[0]!,
      reason: row.reason,
      at: iso(row.at)!,
    })),
    refunds: refunds
      .filter((refund) => refund.allocation.sellerOrders.some((so) => so.sellerOrderId === sellerOrder.id))
      .map((refund) => sellerRefundView(refund, sellerOrder.id)),
  };
}

export type SellerOrderDetail = ReturnType<typeof sellerOrderDetailView>;
