import { describe, expect, it } from "vitest";
import { newBook, reviewed, reviewsOf, vote } from "../support/community";
import { api, signUp } from "../support/identity";

describe("PUT /v1/reviews/{id}/vote", () => {
  it("counts one vote per reader, and changing it moves the counts exactly", async () => {
    const isbn = await newBook();
    const review = await reviewed(await signUp(), isbn, { rating: 4, body: "Useful notes." });
    const [ada, bob] = [await signUp(), await signUp()];

    const first = await vote(ada, review.id, true);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ reviewId: review.id, helpful: true, helpfulCount: 1, unhelpfulCount: 0 });
    expect(await (await vote(ada, review.id, true)).json()).toMatchObject({ helpfulCount: 1, unhelpfulCount: 0 });
    expect(await (await vote(bob, review.id, false)).json()).toMatchObject({ helpfulCount: 1, unhelpfulCount: 1 });
    expect(await (await vote(ada, review.id, false)).json()).toMatchObject({ helpfulCount: 0, unhelpfulCount: 2 });
    expect((await reviewsOf(isbn)).items[0]).toMatchObject({ helpfulCount: 0, unhelpfulCount: 2 });

    const withdrawn = await api(`/v1/reviews/${review.id}/vote`, { method: "DELETE", headers: ada.auth });
    expect(withdrawn.status).toBe(204);
    expect((await reviewsOf(isbn)).items[0]).toMatchObject({ helpfulCount: 0, unhelpfulCount: 1 });
    expect((await api(`/v1/reviews/${review.id}/vote`, { method: "DELETE", headers: ada.auth })).status).toBe(204);
  });

  it("sorts a book's reviews by helpful votes, ties newest first", async () => {
    const isbn = await newBook();
    const [older, newer, helped] = [
      await reviewed(await signUp(), isbn, { rating: 3, body: "Older." }),
      await reviewed(await signUp(), isbn, { rating: 3, body: "Newer." }),
      await reviewed(await signUp(), isbn, { rating: 3, body: "Helped." }),
    ];
    for (const voter of [await signUp(), await signUp()]) await vote(voter, older.id, true);
    await vote(await signUp(), helped.id, true);
    const page = await reviewsOf(isbn, "?sort=helpful");
    expect(page.items.map((item) => item.id)).toEqual([older.id, helped.id, newer.id]);
  });
});
