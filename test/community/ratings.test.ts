import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editions, works } from "../../schema/catalog";
import { ratingRecomputes } from "../../schema/community";
import { sellers } from "../../schema/sellers";
import { recomputeRatings } from "../../workers/community";
import { bookRating, communityTestContext, newBook, purchase, reviewed } from "../support/community";
import { firstRow } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { db } from "../support/orders";

const NONE = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };

async function workOf(isbn: string) {
  return (await firstRow(db.select().from(editions).where(eq(editions.isbn13, isbn))))!.workId;
}

describe("the nightly rating recompute", () => {
  it("sets drifted stars and seller ratings right from the published reviews, and records how many", async () => {
    const reviewedBook = await newBook();
    await reviewed(await signUp(), reviewedBook, { rating: 4, body: "Good." });
    await reviewed(await signUp(), reviewedBook, { rating: 2, body: "Meh." });
    await reviewed(await signUp(), reviewedBook, { rating: 1, body: "Bloody awful shit." }); // held: not counted
    const forgotten = await newBook();

    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    await api(`/v1/seller-orders/${sellerOrderId}/review`, json({ rating: 5 }, { headers: buyer.auth }));

    const before = await recomputeRatings(communityTestContext());
    expect(before.worksCorrected + before.sellersCorrected).toBe(0);

    // Drift: wrong stars on a reviewed work, stars on a work nobody reviewed, a wrong seller total.
    await db
      .update(works)
      .set({ stars1: 7, stars5: 3 })
      .where(eq(works.id, await workOf(reviewedBook)));
    await db
      .update(works)
      .set({ stars3: 2 })
      .where(eq(works.id, await workOf(forgotten)));
    await db.update(sellers).set({ ratingCount: 3, ratingTotal: 9 }).where(eq(sellers.id, seller.sellerId));
    expect((await bookRating(forgotten)).count).toBe(2);

    const run = await recomputeRatings(communityTestContext());
    expect(run).toMatchObject({ worksCorrected: 2, sellersCorrected: 1 });
    expect(run.worksChecked).toBeGreaterThanOrEqual(2);
    expect(run.sellersChecked).toBeGreaterThanOrEqual(1);
    const recorded = await firstRow(db.select().from(ratingRecomputes).orderBy(desc(ratingRecomputes.ranAt)).limit(1));
    expect(recorded).toEqual(run);

    expect(await bookRating(reviewedBook)).toEqual({ average: 3, count: 2, distribution: { ...NONE, "2": 1, "4": 1 } });
    expect(await bookRating(forgotten)).toEqual({ average: null, count: 0, distribution: NONE });
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({
      rating: { average: 5, count: 1 },
    });
    expect((await recomputeRatings(communityTestContext())).worksCorrected).toBe(0);
  });
});
