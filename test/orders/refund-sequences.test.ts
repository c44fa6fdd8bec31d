import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderLines, sellerOrders } from "../../schema/orders";
import { asAdmin, asSeller, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, eur, orderRow, paidOrder, refund } from "../support/orders";

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Random = ReturnType<typeof generator>;

async function threeSellerOrder() {
  const sellers = [await asSeller(), await asSeller(), await asSeller()];
  const buyer = await signUp();
  for (const [i, seller] of sellers.entries()) {
    await addToCart(buyer, (await listBook(seller, { quantity: 3, price: 700 + 900 * i })).id, { quantity: 2 });
    if (i !== 1) await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 450 })).id);
  }
  const { order } = await paidOrder(buyer);
  return { sellers, order };
}

/** One random refund request: a seller's or an admin's, by amount, lines, seller orders or goodwill. */
function randomRequest(random: Random, order: Awaited<ReturnType<typeof threeSellerOrder>>["order"]) {
  const part = random.pick(order.sellerOrders);
  const line = random.pick(part.lines);
  // Mostly small amounts, so a sequence takes many steps to use an order up; now and then more than is left.
  const total = part.totals.total!.amount;
  const amount = () => eur(1 + random.below(random.chance(0.2) ? total + 300 : Math.ceil(total / 4)));
  const shapes = [
    () => ({ amount: amount() }),
    () => ({ amount: amount() }),
    () => (random.chance(0.3) ? {} : { amount: amount() }),
    () => ({ lines: [{ lineId: line.id, quantity: 1 + random.below(line.quantity) }] }),
    () => ({ lines: [{ lineId: line.id }], amount: amount() }),
    () => ({ sellerOrderIds: [part.id], ...(random.chance(0.7) ? { amount: amount() } : {}) }),
    () => ({ goodwill: true, amount: eur(1 + random.below(400)) }),
  ];
  return { part, body: { ...random.pick(shapes)(), reason: "property", restock: random.chance(0.2) } };
}

async function checkInvariants(orderId: string, step: string) {
  const order = (await orderRow(orderId))!;
  const parts = await db.select().from(sellerOrders).where(eq(sellerOrders.orderId, orderId));
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
  for (const part of parts) expect(part.refundedTotal, `${step}: ${part.id}`).toBeLessThanOrEqual(part.total);
  for (const line of lines) {
    expect(line.refundedAmount, `${step}: ${line.id}`).toBeLessThanOrEqual(line.lineTotal);
    expect(line.refundedQuantity, `${step}: ${line.id}`).toBeLessThanOrEqual(line.quantity);
  }
  const charged = parts.reduce((sum, part) => sum + part.refundedTotal, 0);
  expect(order.refundedTotal, step).toBe(charged + order.goodwillTotal);
  expect(order.refundedTotal, step).toBeLessThanOrEqual(order.total);
}

describe("refund sequences (property)", () => {
  for (const seed of [11, 2026, 90210]) {
    it(`never refunds a seller order beyond what it took, whoever refunds what (seed ${seed})`, async () => {
      const random = generator(seed);
      const { sellers, order } = await threeSellerOrder();
      const admin = await asAdmin();
      const statuses: number[] = [];
      for (let step = 0; step < 24; step++) {
        const { part, body } = randomRequest(random, order);
        const owner = sellers.find((seller) => seller.sellerId === part.sellerId)!;
        const caller: TestAccount = random.chance(0.4) ? admin : random.chance(0.75) ? owner : random.pick(sellers);
        const response = await refund(caller, order.id, body);
        const label = `seed ${seed} step ${step} ${caller === admin ? "admin" : "seller"} ${JSON.stringify(body)}`;
        expect([201, 403, 409, 422], `${label}: ${await response.clone().text()}`).toContain(response.status);
        statuses.push(response.status);
        await checkInvariants(order.id, label);
      }
      // The sequence really refunds, and really gets refused.
      expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(3);
      expect(statuses).toContain(422);
    });
  }
});
