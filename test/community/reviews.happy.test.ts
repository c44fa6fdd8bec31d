import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editions } from "../../schema/catalog";
import { reviews } from "../../schema/community";
import { outbox } from "../../schema/platform";
import { bookRating, deleteReview, newBook, patchReview, purchase, reviewed, reviewsOf } from "../support/community";
import { firstRow } from "../support/database";
import { api, signUp } from "../support/identity";
import { db } from "../support/orders";

const NONE = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };

async function cardRating(title: string, limit: number) {
  const response = await api(`/v1/books?q=${encodeURIComponent(title)}&limit=${limit}`);
  const page = await response.json<{ items: { title: string; rating: unknown }[] }>();
  return page.items.find((item) => item.title === title)?.rating;
}

describe("POST /v1/books/{isbn}/reviews", () => {
  it("publishes a reader's review, unverified without a purchase, scored and announced", async () => {
    const reader = await signUp({ name: "Ada Lovelace" });
    const isbn = await newBook();
    const review = await reviewed(reader, isbn, { rating: 4, title: "Wonderful", body: "A lovely, happy read." });
    expect(review).toMatchObject({
      id: expect.stringMatching(/^rev_/),
      isbn13: isbn,
      authorName: "Ada Lovelace",
      rating: 4,
      title: "Wonderful",
      body: "A lovely, happy read.",
      verified: false,
      status: "published",
      helpfulCount: 0,
      unhelpfulCount: 0,
    });
    const row = await firstRow(db.select().from(reviews).where(eq(reviews.id, review.id)));
    expect(row?.sentiment).toBeGreaterThan(0);
    expect(Number.isInteger(row?.sentiment)).toBe(true);
    const events = await db.select().from(outbox).where(eq(outbox.type, "ReviewPosted"));
    const posted = events.map((event) => JSON.parse(event.envelope)).find((e) => e.data.reviewId === review.id);
    expect(posted?.data).toMatchObject({ isbn13: isbn, rating: 4, verified: false, status: "published" });
    expect((await reviewsOf(isbn)).items.map((item) => item.id)).toEqual([review.id]);
  });

  it("is a verified purchase when the reader received a copy of the work, and only then", async () => {
    const buyer = await signUp();
    const { isbn13 } = await purchase(buyer);
    const review = await reviewed(buyer, isbn13, { rating: 5, body: "Arrived well packed, read it in a day." });
    expect(review.verified).toBe(true);

    const other = await signUp();
    await reviewed(other, isbn13, { rating: 2, body: "Not for me." });
    const onlyVerified = await reviewsOf(isbn13, "?verified=true");
    expect(onlyVerified.items.map((item) => item.id)).toEqual([review.id]);
    expect((await reviewsOf(isbn13)).items).toHaveLength(2);
  });

  it("an order shipped but not delivered does not verify", async () => {
    const buyer = await signUp();
    const { isbn13 } = await purchase(buyer, { delivered: false });
    expect((await reviewed(buyer, isbn13, { rating: 3, body: "Still waiting on my copy." })).verified).toBe(false);
  });
});

describe("a work's reviews and rating", () => {
  it("shows every edition's reviews, keeping the edition reviewed, and moves the rating on create, edit, delete", async () => {
    const title = `Two Editions ${crypto.randomUUID().slice(0, 8)}`;
    const hardcover = await newBook(title);
    const paperback = await newBook(`${title} paperback`);
    const work = await firstRow(db.select().from(editions).where(eq(editions.isbn13, hardcover)));
    await db.update(editions).set({ workId: work!.workId }).where(eq(editions.isbn13, paperback));

    const [ada, bob] = [await signUp(), await signUp()];
    const first = await reviewed(ada, hardcover, { rating: 5, body: "Superb." });
    const second = await reviewed(bob, paperback, { rating: 3, body: "Fine." });
    const listed = await reviewsOf(hardcover, "?sort=newest");
    expect(listed.items.map((item) => [item.id, item.isbn13])).toEqual([
      [second.id, paperback],
      [first.id, hardcover],
    ]);
    const both = { average: 4, count: 2, distribution: { ...NONE, "3": 1, "5": 1 } };
    expect(await bookRating(hardcover)).toEqual(both);
    expect(await bookRating(paperback)).toEqual(both);
    expect(await cardRating(title, 10)).toEqual(both);

    const edited = await patchReview(bob, second.id, { rating: 1, body: "Worse on a second read." });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ rating: 1, body: "Worse on a second read.", isbn13: paperback });
    const afterEdit = { average: 3, count: 2, distribution: { ...NONE, "1": 1, "5": 1 } };
    expect(await bookRating(hardcover)).toEqual(afterEdit);
    expect(await cardRating(title, 11)).toEqual(afterEdit);

    expect((await deleteReview(ada, first.id)).status).toBe(204);
    const afterDelete = { average: 1, count: 1, distribution: { ...NONE, "1": 1 } };
    expect(await bookRating(paperback)).toEqual(afterDelete);
    expect(await cardRating(title, 12)).toEqual(afterDelete);
    expect((await reviewsOf(hardcover)).items.map((item) => item.id)).toEqual([second.id]);
  });

  it("sorts by stars and pages with a cursor, neither repeating nor skipping", async () => {
    const isbn = await newBook();
    const written = [];
    for (const rating of [3, 5, 1, 4])
      written.push(await reviewed(await signUp(), isbn, { rating, body: `${rating}` }));
    expect((await reviewsOf(isbn, "?sort=highest")).items.map((item) => item.rating)).toEqual([5, 4, 3, 1]);
    expect((await reviewsOf(isbn, "?sort=lowest")).items.map((item) => item.rating)).toEqual([1, 3, 4, 5]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?sort=newest&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await reviewsOf(isbn, query);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(written.map((review) => review.id).reverse());
  });

  it("an edit that changes only the text leaves the stars as they were", async () => {
    const isbn = await newBook();
    const reader = await signUp();
    const review = await reviewed(reader, isbn, { rating: 4, title: "Good", body: "Good." });
    const response = await patchReview(reader, review.id, { title: null });
    expect(await response.json()).toMatchObject({ title: null, body: "Good.", rating: 4 });
    expect(await bookRating(isbn)).toEqual({ average: 4, count: 1, distribution: { ...NONE, "4": 1 } });
  });
});
