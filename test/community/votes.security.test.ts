import { describe, expect, it } from "vitest";
import { newBook, reviewed, reviewsOf, vote } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("votes — who may vote", () => {
  it("voting needs a signed-in reader", async () => {
    const review = await reviewed(await signUp(), await newBook(), { rating: 4, body: "x" });
    expect((await api(`/v1/reviews/${review.id}/vote`, json({ helpful: true }, { method: "PUT" }))).status).toBe(401);
    expect((await api(`/v1/reviews/${review.id}/vote`, { method: "DELETE" })).status).toBe(401);
  });

  it("a reader cannot vote on their own review: 403 own_review, nothing counted", async () => {
    const author = await signUp();
    const isbn = await newBook();
    const review = await reviewed(author, isbn, { rating: 5, body: "Mine." });
    const response = await vote(author, review.id, true);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "own_review" });
    expect((await reviewsOf(isbn)).items[0]).toMatchObject({ helpfulCount: 0, unhelpfulCount: 0 });
  });

  it("withdrawing takes back only the caller's own vote", async () => {
    const isbn = await newBook();
    const review = await reviewed(await signUp(), isbn, { rating: 5, body: "x" });
    await vote(await signUp(), review.id, true);
    const other = await signUp();
    expect((await api(`/v1/reviews/${review.id}/vote`, { method: "DELETE", headers: other.auth })).status).toBe(204);
    expect((await reviewsOf(isbn)).items[0]).toMatchObject({ helpfulCount: 1 });
  });
});
