import { describe, expect, it } from "vitest";
import { newBook, reviewed, vote } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("votes — bad input and missing reviews", () => {
  it("refuses a body without a boolean `helpful` with 400", async () => {
    const review = await reviewed(await signUp(), await newBook(), { rating: 4, body: "x" });
    const voter = await signUp();
    for (const body of [{}, { helpful: "yes" }, { helpful: 1 }, { helpful: true, weight: 10 }]) {
      const response = await api(`/v1/reviews/${review.id}/vote`, json(body, { method: "PUT", headers: voter.auth }));
      expect(response.status).toBe(400);
    }
  });

  it("an unknown review, or one still pending, is 404", async () => {
    const voter = await signUp();
    expect((await vote(voter, `rev_${"0".repeat(32)}`, true)).status).toBe(404);
    const held = await reviewed(await signUp(), await newBook(), { rating: 1, body: "Utter shit." });
    expect(held.status).toBe("pending");
    const response = await vote(voter, held.id, true);
    expect(response.status).toBe(404);
    expect((await api(`/v1/reviews/${held.id}/vote`, { method: "DELETE", headers: voter.auth })).status).toBe(404);
  });
});
