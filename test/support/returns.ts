import { eq } from "drizzle-orm";
import { returns, sellerOrders } from "../../schema/orders";
import { api, asSeller, json, signUp, type TestAccount, type TestSeller } from "./identity";
import { listBook } from "./listings";
import { addToCart, db, newKey, paidOrder, ship } from "./orders";

/** Returns as the API shows them. */
export interface ReturnBody {
  id: string;
  orderId: string;
  sellerOrderId: string;
  sellerId: string;
  status: string;
  reason: string;
  comment: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  restock: boolean;
  tracking: { carrier: string; trackingNumber: string } | null;
  refundId: string | null;
  respondBy: string;
  escalatedAt: string | null;
  lines: { lineId: string; title: string; quantity: number }[];
  refunded: { amount: number; currency: string } | null;
  history: { from: string | null; to: string; actor: string; note: string | null; at: string }[];
}

/** The seller ships their part and marks it delivered, through the API. */
export async function shipAndDeliver(seller: TestAccount, sellerOrderId: string) {
  const shipped = await ship(seller, sellerOrderId);
  if (shipped.status !== 201) throw new Error(`ship: ${shipped.status} ${await shipped.text()}`);
  const delivered = await api(`/v1/seller/orders/${sellerOrderId}/delivered`, { method: "POST", headers: seller.auth });
  if (delivered.status !== 200) throw new Error(`deliver: ${delivered.status} ${await delivered.text()}`);
}

/**
 * A paid order from two new sellers: the first sold 3 copies of one book at 10.00 (bought 2) and a second book at
 * 6.00; the second seller one book at 15.00. `delivered` ships and delivers the first seller's part.
 */
export async function orderToReturn({ delivered = true } = {}) {
  const sellers: [TestSeller, TestSeller] = [await asSeller(), await asSeller()];
  const buyer = await signUp();
  const first = await listBook(sellers[0], { quantity: 3, price: 1000 });
  const second = await listBook(sellers[0], { quantity: 1, price: 600 });
  const other = await listBook(sellers[1], { quantity: 1, price: 1500 });
  await addToCart(buyer, first.id, { quantity: 2 });
  await addToCart(buyer, second.id);
  await addToCart(buyer, other.id);
  const { order } = await paidOrder(buyer);
  const part = order.sellerOrders.find((so) => so.sellerId === sellers[0].sellerId)!;
  const otherPart = order.sellerOrders.find((so) => so.sellerId === sellers[1].sellerId)!;
  const lineOf = (listingId: string) =>
    order.sellerOrders.flatMap((so) => so.lines).find((line) => line.listingId === listingId)!;
  if (delivered) await shipAndDeliver(sellers[0], part.id);
  return {
    sellers,
    buyer,
    order,
    part,
    otherPart,
    listings: { first, second, other },
    lines: { first: lineOf(first.id), second: lineOf(second.id), other: lineOf(other.id) },
  };
}

export function requestReturn(
  buyer: TestAccount,
  orderId: string,
  body: Record<string, unknown>,
  key: string | null = newKey(),
) {
  return api(
    `/v1/orders/${orderId}/returns`,
    json({ reason: "damaged", ...body }, { headers: { ...buyer.auth, ...(key ? { "idempotency-key": key } : {}) } }),
  );
}

/** Requests a return and expects 201. */
export async function requestedReturn(
  buyer: TestAccount,
  orderId: string,
  lines: { lineId: string; quantity: number }[],
) {
  const response = await requestReturn(buyer, orderId, { lines });
  if (response.status !== 201) throw new Error(`request return: ${response.status} ${await response.text()}`);
  return response.json<ReturnBody>();
}

export const decide = (
  account: TestAccount,
  returnId: string,
  body: Record<string, unknown>,
  as: "seller" | "admin" = "seller",
) => api(`/v1/${as}/returns/${returnId}/decision`, json(body, { headers: account.auth }));

export const addTracking = (
  buyer: TestAccount,
  orderId: string,
  returnId: string,
  body = { carrier: "DHL", trackingNumber: "RET123456" },
) => api(`/v1/orders/${orderId}/returns/${returnId}/tracking`, json(body, { headers: buyer.auth }));

export const receive = (seller: TestAccount, returnId: string, body: Record<string, unknown> = {}) =>
  api(`/v1/seller/returns/${returnId}/received`, json(body, { headers: seller.auth }));

/** Moves a seller order's return window (to the past, to let it complete or close it). */
export const setReturnWindowEnd = (sellerOrderId: string, at: number) =>
  db.update(sellerOrders).set({ returnWindowEndsAt: at }).where(eq(sellerOrders.id, sellerOrderId));

/** Moves a return's time to answer (to the past, to let the cron escalate it). */
export const setRespondBy = (returnId: string, at: number) =>
  db.update(returns).set({ respondBy: at }).where(eq(returns.id, returnId));

export const sellerOrderRow = async (id: string) =>
  (await db.select().from(sellerOrders).where(eq(sellerOrders.id, id)).limit(1))[0]!;
