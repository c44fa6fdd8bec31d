import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { orders } from "../../schema";
import { createDb } from "../../workers/platform/db";
import { api, json, type TestAccount } from "./identity";

export const db = createDb(env.DB);

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

export interface OrderBody {
  id: string;
  status: string;
  totals: Record<"items" | "covers" | "shipping" | "tax" | "total" | "refunded", { amount: number; currency: string }>;
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
    lines: {
      id: string;
      listingId: string;
      quantity: number;
      unitPrice: { amount: number };
      cover: { id: string; name: string; price: { amount: number } } | null;
      inscription: string | null;
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
