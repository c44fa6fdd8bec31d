import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";

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
});
