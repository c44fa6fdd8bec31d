import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { listingToAdd } from "../../workers/catalog/for-cart";
import { catalogContext } from "../support/catalog";
import { meteredDb } from "../support/d1-meter";
import { asSeller } from "../support/identity";
import { listBook } from "../support/listings";

describe("cart reads", () => {
  it("reads only the listing for an add, and its cover options only when the add names one", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      quantity: 2,
      price: 1500,
      coverOptions: [{ name: "Leather", kind: "material", price: 1200 }],
    });
    const { db, meter } = meteredDb(env.DB);
    const ctx = { ...catalogContext(), db };

    const plain = await listingToAdd(ctx, listing.id, false);
    expect(plain).toMatchObject({ id: listing.id, status: "active", price: { amount: 1500 }, coverOptions: [] });
    expect(meter.queries).toBe(1);

    const withCover = await listingToAdd(ctx, listing.id, true);
    expect(withCover?.coverOptions.map((option) => option.name)).toEqual(["Leather"]);
    expect(meter.queries).toBe(3);

    expect(await listingToAdd(ctx, "lst_00000000000000000000000000000000", false)).toBeUndefined();
    await ctx.settled();
  });
});
