import { describe, expect, it } from "vitest";
import { testIsbn } from "../support/catalog";
import { bookRating, newBook, patchReview, postReview, reviewed, reviewsOf } from "../support/community";
import { api, signUp } from "../support/identity";

describe("reviews — bad input and conflicts", () => {
  it("an ISBN of no edition is 404, a malformed one 422", async () => {
    const reader = await signUp();
    const unknown = testIsbn(99_999_998);
    expect((await postReview(reader, unknown, { rating: 3, body: "?" })).status).toBe(404);
    expect((await api(`/v1/books/${unknown}/reviews`)).status).toBe(404);
    expect((await api("/v1/books/9780000000000000/reviews")).status).toBe(422);
  });

  it("refuses stars outside 1–5, fractional stars and an empty body with 400", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    for (const body of [
      { rating: 0, body: "x" },
      { rating: 6, body: "x" },
      { rating: 3.5, body: "x" },
      { rating: 3, body: "" },
      { rating: 3 },
      { body: "no stars" },
    ]) {
      const response = await postReview(reader, isbn, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
  });

  it("a second review of the same work is 409 already_reviewed", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    await reviewed(reader, isbn, { rating: 4, body: "First." });
    const again = await postReview(reader, isbn, { rating: 2, body: "Second." });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "already_reviewed" });
    expect((await reviewsOf(isbn)).items).toHaveLength(1);
  });

  it("racing first reviews by one reader: one is written, the others are 409 already_reviewed", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(async (rating) => (await postReview(reader, isbn, { rating, body: `${rating}` })).status),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect((await bookRating(isbn)).count).toBe(1);
  });

  it("racing edits of one review move the stars once: the rating matches the review that stands", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const review = await reviewed(reader, isbn, { rating: 3, body: "First." });
    const statuses = await Promise.all(
      [1, 2, 4, 5].map(async (rating) => (await patchReview(reader, review.id, { rating })).status),
    );
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const [standing] = (await reviewsOf(isbn)).items;
    const rating = await bookRating(isbn);
    expect(rating.count).toBe(1);
    expect(rating.average).toBe(standing!.rating);
  });

  it("an edit must change something; an unknown review is 404", async () => {
    const reader = await signUp();
    const review = await reviewed(reader, await newBook(), { rating: 4, body: "First." });
    expect((await patchReview(reader, review.id, {})).status).toBe(400);
    expect((await patchReview(reader, review.id, { rating: 9 })).status).toBe(400);
    expect((await patchReview(reader, `rev_${"0".repeat(32)}`, { rating: 2 })).status).toBe(404);
    expect((await patchReview(reader, "not-an-id", { rating: 2 })).status).toBe(400);
  });

  it("a cursor of another sort, or a made-up one, is 400 invalid_cursor", async () => {
    const isbn = await newBook();
    for (const rating of [1, 2]) await reviewed(await signUp(), isbn, { rating, body: "x" });
    const page = await reviewsOf(isbn, "?sort=newest&limit=1");
    const crossed = await api(`/v1/books/${isbn}/reviews?sort=highest&cursor=${page.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect(await crossed.json()).toMatchObject({ code: "invalid_cursor" });
    expect((await api(`/v1/books/${isbn}/reviews?cursor=bm90LWpzb24`)).status).toBe(400);
    expect((await api(`/v1/books/${isbn}/reviews?sort=random`)).status).toBe(400);
  });

  it("posting past the reader's limit is 429 with Retry-After", async () => {
    const reader = await signUp();
    const books = [];
    for (let i = 0; i < 11; i++) books.push(await newBook());
    const statuses = [];
    let refused: Response | undefined;
    for (const isbn of books) {
      const response = await postReview(reader, isbn, { rating: 3, body: "One more." });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ code: "rate_limited" });
  });
});
