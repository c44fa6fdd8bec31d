import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sellerReviews } from "../../schema/community";
import { markDelivered, purchase } from "../support/community";
import { firstRow } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder, ship } from "../support/orders";

describe("POST /v1/seller-orders/{id}/review", () => {
  it("the buyer of a delivered seller order rates its seller: on the store page and on its offers", async () => {
    const buyer = await signUp({ name: "Grace Hopper" });
    const { seller, sellerOrderId } = await purchase(buyer);
    const response = await api(
      `/v1/seller-orders/${sellerOrderId}/review`,
      json({ rating: 4, comment: "Quick and careful, thank you!" }, { headers: buyer.auth }),
    );
    expect(response.status).toBe(201);
    const review = await response.json<{ id: string }>();
    expect(review).toMatchObject({
      id: expect.stringMatching(/^srv_/),
      sellerId: seller.sellerId,
      sellerOrderId,
      authorName: "Grace Hopper",
      rating: 4,
      comment: "Quick and careful, thank you!",
      status: "published",
    });
    const row = await firstRow(db.select().from(sellerReviews).where(eq(sellerReviews.id, review.id)));
    expect(row?.sentiment).toBeGreaterThan(0);

    const store = await api(`/v1/sellers/${seller.sellerId}`);
    expect(store.status).toBe(200);
    const page = await store.json<Record<string, unknown>>();
    expect(page).toMatchObject({ id: seller.sellerId, shipsFrom: "DE", rating: { average: 4, count: 1 } });
    expect(page.memberSince).toEqual(expect.any(String));
    expect(page).not.toHaveProperty("contactEmail");
    expect(page).not.toHaveProperty("userId");

    const listing = await listBook(seller, { quantity: 2 });
    const { isbn13 } = await (await api(`/v1/listings/${listing.id}`)).json<{ isbn13: string }>();
    const book = await (await api(`/v1/books/${isbn13}`)).json<{ offers: { seller: unknown }[] }>();
    expect(book.offers[0]?.seller).toEqual({
      id: seller.sellerId,
      storeName: expect.any(String),
      rating: { average: 4, count: 1 },
    });
    const shown = await (await api(`/v1/listings/${listing.id}`)).json<{ seller: unknown }>();
    expect(shown.seller).toMatchObject({ id: seller.sellerId, rating: { average: 4, count: 1 } });
  });

  it("lists a seller's published reviews newest first, page by page", async () => {
    const [ada, bob] = [await signUp({ name: "Ada" }), await signUp({ name: "Bob" })];
    const first = await purchase(ada);
    const seller = first.seller;
    await api(`/v1/seller-orders/${first.sellerOrderId}/review`, json({ rating: 5 }, { headers: ada.auth }));
    // Bob buys from the same seller.
    const listing = await listBook(seller, { quantity: 1 });
    await addToCart(bob, listing.id);
    const placed = await paidOrder(bob);
    const part = placed.order.sellerOrders[0]!.id;
    await ship(seller, part);
    await markDelivered(seller, part);
    await api(`/v1/seller-orders/${part}/review`, json({ rating: 3, comment: "Slow." }, { headers: bob.auth }));

    const page = await (await api(`/v1/sellers/${seller.sellerId}/reviews?limit=1`)).json<{
      items: { authorName: string; rating: number }[];
      nextCursor: string | null;
    }>();
    expect(page.items).toMatchObject([{ authorName: "Bob", rating: 3 }]);
    const next = await (await api(`/v1/sellers/${seller.sellerId}/reviews?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next).toMatchObject({ items: [{ authorName: "Ada", rating: 5 }], nextCursor: null });
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({
      rating: { average: 4, count: 2 },
    });
    expect((await api(`/v1/sellers/sel_${"0".repeat(32)}/reviews`)).status).toBe(404);
  });

  it("a store nobody rated yet shows no average", async () => {
    const buyer = await signUp();
    const { seller } = await purchase(buyer, { delivered: false });
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({
      rating: { average: null, count: 0 },
    });
  });
});
