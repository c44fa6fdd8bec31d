import { orderRefunds, orders } from "../../schema/orders";
import { newId } from "../../workers/lib/ids";
import { db } from "../support/orders";

/**
 * Orders and refunds written straight into the orders tables with the tax they carried, as checkout and refunds
 * write them, so the tax report can be read for days chosen by the test.
 */

const at = (iso: string) => Date.parse(iso);

export async function taxedOrder(fields: { country: string; tax: number; paidAt: string | null; total?: number }) {
  const id = newId("ord");
  const total = fields.total ?? 2000;
  const paidAt = fields.paidAt === null ? null : at(fields.paidAt);
  await db.insert(orders).values({
    id,
    buyerId: newId("usr"),
    status: paidAt === null ? "pending_payment" : "paid",
    currency: "EUR",
    itemsTotal: total,
    coversTotal: 0,
    shippingTotal: 0,
    tax: fields.tax,
    taxCountry: fields.country,
    total,
    shippingAddress: { name: "Ada Reader", line1: "1 Main St", city: "Town", postalCode: "10117", country: "DE" },
    shippingMethod: "standard",
    holdExpiresAt: (paidAt ?? Date.now()) + 900_000,
    paidAt,
    createdAt: paidAt ?? Date.now(),
    updatedAt: paidAt ?? Date.now(),
  });
  return id;
}

export async function taxedRefund(orderId: string, fields: { tax: number; completedAt: string | null }) {
  const completedAt = fields.completedAt === null ? null : at(fields.completedAt);
  const id = newId("orf");
  await db.insert(orderRefunds).values({
    id,
    orderId,
    requestKey: `test:${id}`,
    state: completedAt === null ? "pending" : "succeeded",
    amount: 1000,
    tax: fields.tax,
    currency: "EUR",
    reason: "damaged in transit",
    restock: false,
    allocation: { sellerOrders: [], lines: [] },
    actor: "test",
    createdAt: (completedAt ?? Date.now()) - 60_000,
    completedAt,
  });
  return id;
}
