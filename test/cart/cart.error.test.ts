import { afterAll, describe, expect, it } from "vitest";
import { MAX_CART_LINES } from "../../durable-objects/cart";
import { cartListings } from "../../workers/catalog/for-cart";
import { addBooks, addListing, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";

/** The stock events of many new listings are still being relayed and consumed when the last test ends: let them land. */
async function settledStockCopies(): Promise<void> {
  const processed = async () =>
    (await testDatabase.prepare("SELECT count(*) AS n FROM processed_events").first<{ n: number }>())?.n ?? 0;
  for (let last = -1, now = await processed(); now !== last; last = now, now = await processed()) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

afterAll(settledStockCopies, 30_000);

/** `count` listings of one seller, written through the catalog service (faster than the API, same code). */
async function manyListings(count: number): Promise<string[]> {
  const seller = await asSeller();
  const ctx = catalogContext();
  const base = 700_000 + Math.floor(Math.random() * 100_000) * 200;
  const isbns = Array.from({ length: count }, (_, i) => testIsbn(base + i));
  await addBooks(
    ctx,
    isbns.map((isbn, i) => ({ isbn, title: `Shelf Filler ${i}`, authors: ["Ada Author"] })),
  );
  const ids = await Promise.all(
    isbns.map(async (isbn) => (await addListing(ctx, seller.sellerId, { isbn, quantity: 2 })).id),
  );
  await ctx.settled();
  return ids;
}

const problem = async (response: Response) => ({
  status: response.status,
  ...(await response.json<Record<string, unknown>>()),
});

describe("cart (errors)", () => {
  it("refuses more copies than are available, counting every line of the listing", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      quantity: 1,
      coverOptions: [{ name: "Cloth", kind: "material", price: 300 }],
    });
    const buyer = await signUp();
    expect((await api("/v1/cart/items", json({ listingId: listing.id }, { headers: buyer.auth }))).status).toBe(201);
    const secondLine = await api(
      "/v1/cart/items",
      json({ listingId: listing.id, coverOptionId: listing.coverOptions[0]!.id }, { headers: buyer.auth }),
    );
    expect(await problem(secondLine)).toMatchObject({
      status: 409,
      code: "insufficient_stock",
      available: 1,
      inCart: 1,
    });
    const tooMany = await api(
      "/v1/cart/items",
      json({ listingId: (await listBook(seller, { quantity: 2 })).id, quantity: 3 }, { headers: buyer.auth }),
    );
    expect(await problem(tooMany)).toMatchObject({ status: 409, code: "insufficient_stock", available: 2 });
  });

  it("validates inscriptions: kind, length and printable characters", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      quantity: 3,
      coverOptions: [
        { name: "Gold foil", kind: "inscription", price: 500, maxLength: 10 },
        { name: "Leather", kind: "material", price: 900 },
      ],
    });
    const [inscription, leather] = listing.coverOptions;
    const buyer = await signUp();
    const add = (body: Record<string, unknown>) =>
      api("/v1/cart/items", json({ listingId: listing.id, ...body }, { headers: buyer.auth }));
    expect(
      await problem(await add({ coverOptionId: inscription!.id, inscription: "far too long for this" })),
    ).toMatchObject({
      status: 422,
      code: "invalid_inscription",
      maxLength: 10,
    });
    expect(await problem(await add({ coverOptionId: inscription!.id, inscription: "bell\u0007" }))).toMatchObject({
      code: "invalid_inscription",
    });
    expect(await problem(await add({ coverOptionId: leather!.id, inscription: "Hi" }))).toMatchObject({
      code: "invalid_inscription",
    });
    expect(await problem(await add({ coverOptionId: inscription!.id }))).toMatchObject({ code: "invalid_inscription" });
  });

  it("answers 404 for an unknown listing, line or cover option and 400 for malformed input", async () => {
    const buyer = await signUp();
    const unknown = await api("/v1/cart/items", json({ listingId: `lst_${"0".repeat(32)}` }, { headers: buyer.auth }));
    expect(await problem(unknown)).toMatchObject({ status: 404, code: "not_found" });
    const seller = await asSeller();
    const listing = await listBook(seller);
    const otherCover = await api(
      "/v1/cart/items",
      json({ listingId: listing.id, coverOptionId: `cov_${"1".repeat(32)}` }, { headers: buyer.auth }),
    );
    expect(otherCover.status).toBe(404);
    expect((await api(`/v1/cart/items/lin_${"2".repeat(32)}`, { method: "DELETE", headers: buyer.auth })).status).toBe(
      404,
    );
    const malformed = await api(
      "/v1/cart/items",
      json({ listingId: listing.id, quantity: 0 }, { headers: buyer.auth }),
    );
    expect(await problem(malformed)).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("refuses a paused listing", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    await api(`/v1/seller/listings/${listing.id}`, { method: "DELETE", headers: seller.auth });
    const buyer = await signUp();
    const response = await api("/v1/cart/items", json({ listingId: listing.id }, { headers: buyer.auth }));
    expect(await problem(response)).toMatchObject({ status: 409, code: "listing_unavailable" });
  });

  it("refuses a new line past the cap with 422 cart_full (101 listings), and the full cart still reads", async () => {
    const listingIds = await manyListings(101);
    const buyer = await signUp();
    const adds = await Promise.all(
      listingIds.map((listingId) => api("/v1/cart/items", json({ listingId }, { headers: buyer.auth }))),
    );
    const statuses = adds.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_CART_LINES);
    expect(statuses.filter((status) => status === 422)).toHaveLength(listingIds.length - MAX_CART_LINES);
    const lines = await (await api("/v1/cart", { headers: buyer.auth })).json<{ lines: { listingId: string }[] }>();
    const inCart = new Set(lines.lines.map((line) => line.listingId));
    const outside = listingIds.find((id) => !inCart.has(id))!;
    const inside = listingIds.find((id) => inCart.has(id))!;
    const refused = await api("/v1/cart/items", json({ listingId: outside }, { headers: buyer.auth }));
    expect(await problem(refused)).toMatchObject({ status: 422, code: "cart_full", maxLines: MAX_CART_LINES });
    const more = await api("/v1/cart/items", json({ listingId: inside }, { headers: buyer.auth }));
    expect(more.status).toBe(201);

    const cart = await api("/v1/cart", { headers: buyer.auth });
    expect(cart.status).toBe(200);
    const body = await cart.json<{ lines: { listingId: string }[]; itemCount: number }>();
    expect(body.lines).toHaveLength(MAX_CART_LINES);
    expect(body.itemCount).toBe(MAX_CART_LINES + 1);
  });

  it("reads more than 100 cart listings at once (the IN list is sliced under D1's bound)", async () => {
    const listingIds = await manyListings(101);
    const ctx = catalogContext();
    const found = await cartListings(ctx, listingIds);
    await ctx.settled();
    expect(found.size).toBe(101);
    expect(listingIds.every((id) => found.get(id)?.status === "active")).toBe(true);
  });
});
