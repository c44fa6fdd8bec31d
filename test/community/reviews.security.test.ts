import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationItems, reviews } from "../../schema/community";
import {
  bookRating,
  deleteReview,
  newBook,
  patchReview,
  postReview,
  purchase,
  reviewed,
  reviewsOf,
  XSS,
} from "../support/community";
import { firstRow } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { db } from "../support/orders";

const NONE = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };

describe("reviews — who may do what", () => {
  it("writing, editing and deleting need a signed-in reader; reading does not", async () => {
    const isbn = await newBook();
    expect((await api(`/v1/books/${isbn}/reviews`, json({ rating: 3, body: "x" }))).status).toBe(401);
    const id = `rev_${"1".repeat(32)}`;
    expect((await api(`/v1/reviews/${id}`, json({ rating: 3 }, { method: "PATCH" }))).status).toBe(401);
    expect((await api(`/v1/reviews/${id}`, { method: "DELETE" })).status).toBe(401);
    expect((await api(`/v1/books/${isbn}/reviews`)).status).toBe(200);
  });

  it("another reader's review is 404 to edit or delete, and stays as it was", async () => {
    const [author, intruder] = [await signUp(), await signUp()];
    const isbn = await newBook();
    const review = await reviewed(author, isbn, { rating: 5, body: "Mine." });
    const edit = await patchReview(intruder, review.id, { rating: 1, body: "Hijacked." });
    expect(edit.status).toBe(404);
    expect((await deleteReview(intruder, review.id)).status).toBe(404);
    expect((await reviewsOf(isbn)).items).toMatchObject([{ id: review.id, rating: 5, body: "Mine." }]);
  });

  it("verified cannot be forged: a body that says so is refused, and a non-buyer stays unverified", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const forged = await postReview(reader, isbn, { rating: 5, body: "Trust me.", verified: true });
    expect(forged.status).toBe(400);
    const review = await reviewed(reader, isbn, { rating: 5, body: "Trust me." });
    expect(review.verified).toBe(false);
    expect((await patchReview(reader, review.id, { verified: true })).status).toBe(400);
    expect((await patchReview(reader, review.id, { body: "Still me.", status: "published" })).status).toBe(400);
    expect((await reviewsOf(isbn, "?verified=true")).items).toEqual([]);
  });

  it("a buyer's purchase verifies only their own review, not another reader's of the same book", async () => {
    const buyer = await signUp();
    const { isbn13 } = await purchase(buyer);
    const bystander = await reviewed(await signUp(), isbn13, { rating: 1, body: "Never bought it." });
    expect(bystander.verified).toBe(false);
  });

  it("stored-XSS strings come back byte for byte, as JSON text", async () => {
    const reader = await signUp({ name: XSS[1] });
    const isbn = await newBook();
    const review = await reviewed(reader, isbn, { rating: 3, title: XSS[0], body: `${XSS[0]} ${XSS[1]}` });
    const response = await api(`/v1/books/${isbn}/reviews`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const [shown] = (await response.json<{ items: { title: string; body: string; authorName: string }[] }>()).items;
    expect(shown).toMatchObject({ title: XSS[0], body: `${XSS[0]} ${XSS[1]}`, authorName: XSS[1] });
    expect(review.title).toBe(XSS[0]);
  });

  it("profanity is held as pending: not listed, not counted, queued for a moderator", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const held = await reviewed(reader, isbn, { rating: 1, body: "What a fucking waste of paper." });
    expect(held.status).toBe("pending");
    expect((await reviewsOf(isbn)).items).toEqual([]);
    expect(await bookRating(isbn)).toEqual({ average: null, count: 0, distribution: NONE });
    const item = await firstRow(db.select().from(moderationItems).where(eq(moderationItems.targetId, held.id)));
    expect(item).toMatchObject({ targetType: "review", status: "pending", cause: "filter", flags: ["profanity"] });
  });

  it("an edit of a published review that the filter flags goes back to pending and leaves the rating", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const review = await reviewed(reader, isbn, { rating: 5, body: "Lovely." });
    expect((await bookRating(isbn)).count).toBe(1);
    const edited = await patchReview(reader, review.id, { body: "Actually it is shit." });
    expect(await edited.json()).toMatchObject({ status: "pending" });
    expect(await bookRating(isbn)).toEqual({ average: null, count: 0, distribution: NONE });
    expect((await reviewsOf(isbn)).items).toEqual([]);
    const row = await firstRow(db.select().from(reviews).where(eq(reviews.id, review.id)));
    expect(row).toMatchObject({ status: "pending", revision: 2 });
  });
});
