// Buying through the API, for the checkout and flash-sale scenarios: fill carts, check out, pay with the simulator,
// and read back what the payment consumer did.
import { bearer } from "./accounts.mjs";
import { inParallel, send } from "./client.mjs";
import { call, until } from "./flow.mjs";

export const ADDRESS = {
  name: "Bench Buyer",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
};

/** Orders of `ids` that are paid (ids passed as one JSON parameter: D1 binds at most 100). */
export async function paidCount(db, ids) {
  const row = await db
    .prepare("SELECT count(*) AS n FROM orders WHERE paid_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(ids))
    .first();
  return row.n;
}

/** Waits until none of these buyers' carts holds a line (the payment consumer empties them). */
export async function cartsEmptied(ctx, accounts, timeoutMs = 30_000) {
  const carts = await ctx.durableObjects("CART");
  return until(async () => {
    const counts = await inParallel(accounts.length, 25, async (i) => {
      const lines = await carts.get(carts.idFromName(`user:${accounts[i].userId}`)).lines();
      return lines.length;
    });
    return counts.every((n) => n === 0);
  }, timeoutMs);
}

/** Empties each buyer's cart and adds `listingOf(i)`: one line, one copy. */
export async function fillCarts(ctx, accounts, listingOf) {
  await inParallel(accounts.length, 8, async (i) => {
    await send(ctx, "DELETE", "/v1/cart", undefined, { headers: bearer(accounts[i]), expect: 204 });
    await send(
      ctx,
      "POST",
      "/v1/cart/items",
      { listingId: listingOf(i), quantity: 1 },
      {
        headers: bearer(accounts[i]),
        expect: 201,
      },
    );
  });
}

/** A buyer's checkout, then its payment when the checkout answered 201. */
export async function checkOutAndPay(ctx, buyer, key) {
  const checkout = await call(ctx.url, "checkout", {
    method: "POST",
    path: "/v1/checkout",
    headers: { ...bearer(buyer), "idempotency-key": key },
    body: { shippingAddress: ADDRESS, shippingMethod: "standard" },
  });
  if (checkout.status !== 201) return { checkout };
  const pay = await call(ctx.url, "pay", {
    method: "POST",
    path: `/v1/dev/payments/${checkout.body.payment.id}/succeed`,
    body: {},
  });
  return { checkout, pay, orderId: checkout.body.order.id };
}
