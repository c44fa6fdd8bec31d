import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";

type Cart = {
  lines: {
    lineId: string;
    listingId: string;
    quantity: number;
    priceChanged: boolean;
    available: number;
    lineTotal: { amount: number };
  }[];
  sellers: { sellerId: string; storeName: string; subtotal: { amount: number }; itemCount: number }[];
  subtotal: { amount: number; currency: string };
  itemCount: number;
};

describe("cart (happy paths)", () => {
  it("adds books from two sellers for a signed-in buyer and groups subtotals per seller", async () => {
    const [alice, bob] = [await asSeller({ storeName: "Alice Books" }), await asSeller({ storeName: "Bob's Attic" })];
    const atAlice = await listBook(alice, {
      quantity: 3,
      price: 1500,
      coverOptions: [{ name: "Leather", kind: "material", price: 1200 }],
    });
    const atBob = await listBook(bob, { quantity: 1, price: 800 });
    const buyer = await signUp();

    const added = await api(
      "/v1/cart/items",
      json({ listingId: atAlice.id, quantity: 2, coverOptionId: atAlice.coverOptions[0]!.id }, { headers: buyer.auth }),
    );
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({
      listingId: atAlice.id,
      quantity: 2,
      priceSeen: { amount: 1500, currency: "EUR" },
    });
    expect((await api("/v1/cart/items", json({ listingId: atBob.id }, { headers: buyer.auth }))).status).toBe(201);

    const cart = await (await api("/v1/cart", { headers: buyer.auth })).json<Cart>();
    expect(cart.itemCount).toBe(3);
    expect(cart.subtotal).toEqual({ amount: 2 * (1500 + 1200) + 800, currency: "EUR" });
    expect(cart.sellers.map((s) => [s.storeName, s.subtotal.amount, s.itemCount])).toEqual([
      ["Alice Books", 5400, 2],
      ["Bob's Attic", 800, 1],
    ]);
  });

  it("gives a guest a cart token and merges the guest cart into the user's cart at login", async () => {
    const seller = await asSeller();
    const first = await listBook(seller, { quantity: 2 });
    const second = await listBook(seller, { quantity: 1 });
    const buyer = await signUp();
    await api("/v1/cart/items", json({ listingId: first.id }, { headers: buyer.auth }));

    const guestAdd = await api("/v1/cart/items", json({ listingId: first.id, quantity: 2 }));
    const token = guestAdd.headers.get("x-cart-token")!;
    expect(token).toMatch(/^crt_[0-9a-f]{32}\./);
    await api("/v1/cart/items", json({ listingId: second.id }, { headers: { "x-cart-token": token } }));
    const guestCart = await (await api("/v1/cart", { headers: { "x-cart-token": token } })).json<Cart>();
    expect(guestCart.itemCount).toBe(3);

    const login = await api(
      "/v1/auth/login",
      json(
        { email: buyer.email, password: buyer.password },
        { headers: { "x-cart-token": token, "cf-connecting-ip": "10.9.9.9" } },
      ),
    );
    expect(login.status).toBe(200);
    const { accessToken } = await login.json<{ accessToken: string }>();
    const merged = await (await api("/v1/cart", { headers: { authorization: `Bearer ${accessToken}` } })).json<Cart>();
    // 1 + 2 copies of the first listing add up but are capped at its 2 copies; the second joins.
    expect(merged.lines.map((line) => [line.listingId, line.quantity])).toEqual([
      [first.id, 2],
      [second.id, 1],
    ]);
    expect((await (await api("/v1/cart", { headers: { "x-cart-token": token } })).json<Cart>()).itemCount).toBe(0);
  });

  it("flags a line whose price changed since it was added, and changes and removes lines", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 5, price: 1000 });
    const buyer = await signUp();
    const { lineId } = await (
      await api("/v1/cart/items", json({ listingId: listing.id }, { headers: buyer.auth }))
    ).json<{ lineId: string }>();
    const repriced = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ price: { amount: 1250, currency: "EUR" } }, { method: "PATCH", headers: seller.auth }),
    );
    expect(repriced.status).toBe(200);

    const cart = await (await api("/v1/cart", { headers: buyer.auth })).json<Cart>();
    expect(cart.lines[0]).toMatchObject({ priceChanged: true, lineTotal: { amount: 1250 } });

    const changed = await api(
      `/v1/cart/items/${lineId}`,
      json({ quantity: 4 }, { method: "PATCH", headers: buyer.auth }),
    );
    expect(changed.status).toBe(200);
    expect((await api(`/v1/cart/items/${lineId}`, { method: "DELETE", headers: buyer.auth })).status).toBe(204);
    expect((await api("/v1/cart", { method: "DELETE", headers: buyer.auth })).status).toBe(204);
    expect((await (await api("/v1/cart", { headers: buyer.auth })).json<Cart>()).lines).toEqual([]);
  });

  it("accepts a valid inscription on an inscription cover option", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      coverOptions: [{ name: "Gold foil", kind: "inscription", price: 500, maxLength: 12 }],
    });
    const buyer = await signUp();
    const added = await api(
      "/v1/cart/items",
      json(
        { listingId: listing.id, coverOptionId: listing.coverOptions[0]!.id, inscription: "For Ada ♥" },
        { headers: buyer.auth },
      ),
    );
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ inscription: "For Ada ♥" });
  });

  it("stores nothing for an anonymous read of an empty cart, and a later add still works", async () => {
    const read = await api("/v1/cart");
    expect(read.status).toBe(200);
    expect(await read.json<Cart>()).toMatchObject({ lines: [], sellers: [], itemCount: 0 });
    const token = read.headers.get("x-cart-token")!;
    const again = await api("/v1/cart", { headers: { "x-cart-token": token } });
    expect((await again.json<Cart>()).lines).toEqual([]);
    const cart = env.CART.getByName(`guest:${token.split(".")[0]}`);
    const tables = () =>
      runInDurableObject(cart, (_, state) =>
        state.storage.sql
          .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
          .toArray()
          .map((row) => row.name),
      );
    expect(await tables()).toEqual([]);
    expect(await runInDurableObject(cart, (_, state) => state.storage.getAlarm())).toBeNull();

    const listing = await listBook(await asSeller(), { quantity: 1 });
    const added = await api("/v1/cart/items", json({ listingId: listing.id }, { headers: { "x-cart-token": token } }));
    expect(added.status).toBe(201);
    const filled = await (await api("/v1/cart", { headers: { "x-cart-token": token } })).json<Cart>();
    expect(filled.lines.map((line) => line.listingId)).toEqual([listing.id]);
    expect(await tables()).toEqual(expect.arrayContaining(["lines", "activity", "outbox"]));
  });
});
