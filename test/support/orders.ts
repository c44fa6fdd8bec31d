import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { orders } from "../../schema/orders";
import { outbox } from "../../schema/platform";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { ordersContext } from "../../workers/orders/context";
import { buildServices } from "../../workers/platform/services";
import { firstRow, testDb } from "./database";
import { eventually } from "./eventually";
import { api, asSeller, json, signUp, type TestAccount } from "./identity";
import { listBook } from "./listings";

export const db = testDb();

export const eur = (amount: number) => ({ amount, currency: "EUR" });

export const BERLIN = {
  name: "Ada Reader",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
};
export const PARIS = {
  name: "Ada Reader",
  line1: "1 Rue de Rivoli",
  city: "Paris",
  postalCode: "75001",
  country: "FR",
};

/** Adds copies of a listing to the buyer's cart through the API. */
export async function addToCart(
  buyer: TestAccount,
  listingId: string,
  extra: { quantity?: number; coverOptionId?: string; inscription?: string } = {},
) {
  const response = await api("/v1/cart/items", json({ listingId, ...extra }, { headers: buyer.auth }));
  if (response.status !== 201) throw new Error(`add to cart: ${response.status} ${await response.text()}`);
}

export const newKey = () => `test-${crypto.randomUUID()}`;

/** POST /v1/checkout with an Idempotency-Key (a fresh one unless given). */
export function checkout(
  buyer: TestAccount,
  body: Record<string, unknown> = { shippingAddress: BERLIN, shippingMethod: "standard" },
  key: string | null = newKey(),
) {
  return api("/v1/checkout", json(body, { headers: { ...buyer.auth, ...(key ? { "idempotency-key": key } : {}) } }));
}

type Money = { amount: number; currency: string };

/** The tax in a total, per rate. */
export interface TaxBody {
  lines: { taxClass: string; rate: number; name: string; taxable: Money; tax: Money }[];
  total: Money;
}

export interface OrderBody {
  id: string;
  status: string;
  totals: Record<"items" | "covers" | "shipping" | "discount" | "tax" | "total" | "refunded", Money>;
  discountTotal: Money;
  sellerFundedDiscount: Money;
  platformFundedDiscount: Money;
  tax: TaxBody & { country: string };
  shippingAddress: Record<string, string>;
  holdExpiresAt: string;
  paidAt: string | null;
  cancelReason: string | null;
  sellerOrders: {
    id: string;
    sellerId: string;
    storeName: string;
    status: string;
    totals: Record<string, { amount: number }>;
    tax: TaxBody;
    lines: {
      id: string;
      listingId: string;
      quantity: number;
      unitPrice: { amount: number };
      cover: { id: string; name: string; price: { amount: number } } | null;
      inscription: string | null;
      discounts: { promotionId: string; code: string | null; name: string; fundedBy: string; amount: Money }[];
      discountTotal: { amount: number };
      grossTotal: { amount: number };
      lineTotal: { amount: number };
      refunded: { amount: number };
    }[];
    shipment: {
      carrier: string;
      trackingNumber: string;
      trackingUrl: string | null;
      deliveredAt: string | null;
    } | null;
  }[];
  history: { sellerOrderId: string | null; from: string | null; to: string; actor: string; reason: string | null }[];
  refunds: { id: string; state: string; amount: { amount: number }; reason: string; restocked: boolean }[];
}

export interface CheckoutBody {
  order: OrderBody;
  payment: { id: string; provider: string; clientSecret: string | null };
}

/** Checks out and expects 201. */
export async function placeOrder(buyer: TestAccount, body?: Record<string, unknown>): Promise<CheckoutBody> {
  const response = await checkout(buyer, body);
  if (response.status !== 201) throw new Error(`checkout: ${response.status} ${await response.text()}`);
  return response.json<CheckoutBody>();
}

export async function stockLevels(listingId: string) {
  const snapshot = await env.STOCK.getByName(listingId).snapshot();
  return { onHand: snapshot.levels?.onHand, held: snapshot.levels?.held, available: snapshot.levels?.available };
}

export const ordersOf = (buyerId: string) => db.select().from(orders).where(eq(orders.buyerId, buyerId));

/** The simulator's dev routes: the payment succeeds or fails through a signed webhook. */
export async function settlePayment(paymentId: string, outcome: "succeed" | "fail", failureReason?: string) {
  const response = await api(
    `/v1/dev/payments/${paymentId}/${outcome}`,
    json(failureReason ? { failureReason } : {}, { method: "POST" }),
  );
  if (response.status !== 200) throw new Error(`settle payment: ${response.status} ${await response.text()}`);
  return response.json<{ eventId: string; outcome: string }>();
}

export const orderRow = (orderId: string) => firstRow(db.select().from(orders).where(eq(orders.id, orderId)).limit(1));

/** Waits until the order (moved by a queue consumer) reaches `status`. */
export async function waitForOrderStatus(orderId: string, status: string, timeoutMs = 10_000) {
  return eventually(async () => {
    const row = await orderRow(orderId);
    return row?.status === status ? row : undefined;
  }, timeoutMs);
}

/** Every event of `type` written to the outbox for an order. */
export async function eventsFor(orderId: string, type: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.type, type));
  const events = rows
    .map((row) => JSON.parse(row.envelope) as { id: string; type: string; data: Record<string, unknown> })
    .filter((event) => event.data.orderId === orderId);
  // One row per queue: count each event once.
  return [...new Map(events.map((event) => [event.id, event])).values()];
}

/** The orders module's context as the queue consumer and cron build it, for calling its jobs directly. */
export function ordersTestContext(withEnv: Env = env) {
  const config = loadConfig(withEnv);
  const log = createLogger({ test: "orders" });
  return ordersContext({
    env: withEnv,
    config,
    services: buildServices(withEnv, config, createExecutionContext(), log),
    log,
  });
}

/** Checks out the buyer's cart and pays it through the simulator; returns the order once it is paid. */
export async function paidOrder(buyer: TestAccount, body?: Record<string, unknown>): Promise<CheckoutBody> {
  const placed = await placeOrder(buyer, body);
  await settlePayment(placed.payment.id, "succeed");
  await waitForOrderStatus(placed.order.id, "paid");
  return placed;
}

export async function getOrder(buyer: TestAccount, orderId: string): Promise<OrderBody> {
  const response = await api(`/v1/orders/${orderId}`, { headers: buyer.auth });
  if (response.status !== 200) throw new Error(`GET order: ${response.status} ${await response.text()}`);
  return response.json<OrderBody>();
}

export function refund(
  account: TestAccount,
  orderId: string,
  body: Record<string, unknown>,
  key: string | null = newKey(),
) {
  return api(
    `/v1/orders/${orderId}/refunds`,
    json(body, { headers: { ...account.auth, ...(key ? { "idempotency-key": key } : {}) } }),
  );
}

export function ship(seller: TestAccount, sellerOrderId: string, body: Record<string, unknown> = {}) {
  return api(
    `/v1/seller/orders/${sellerOrderId}/shipments`,
    json({ carrier: "DHL", trackingNumber: `JJD${Date.now()}`, ...body }, { headers: seller.auth }),
  );
}

/** A paid order with one book from each of two new sellers; `parts` are their seller orders, in that order. */
export async function paidTwoSellerOrder(prices: [number, number] = [1000, 4000]) {
  const sellers = [await asSeller(), await asSeller()] as const;
  const buyer = await signUp();
  for (const [i, seller] of sellers.entries()) {
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: prices[i] })).id);
  }
  const placed = await paidOrder(buyer);
  const partOf = (seller: (typeof sellers)[number]) =>
    placed.order.sellerOrders.find((so) => so.sellerId === seller.sellerId)!;
  const parts = [partOf(sellers[0]), partOf(sellers[1])] as const;
  return { sellers, buyer, parts, ...placed };
}
