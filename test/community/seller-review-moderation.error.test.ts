import { describe, expect, it } from "vitest";
import { newId } from "../../workers/lib/ids";
import { purchase } from "../support/community";
import { api, asAdmin, json, signUp } from "../support/identity";
import { itemsOf, report } from "./moderated-content";

/** What moderation refuses about seller reviews. */

async function rated(comment: string) {
  const buyer = await signUp();
  const { seller, sellerOrderId } = await purchase(buyer);
  const response = await api(
    `/v1/seller-orders/${sellerOrderId}/review`,
    json({ rating: 3, comment }, { headers: buyer.auth }),
  );
  expect(response.status).toBe(201);
  return { buyer, seller, review: await response.json<{ id: string; status: string }>() };
}

describe("reporting and deciding on seller reviews", () => {
  it("a buyer cannot report their own seller review (403 own_content)", async () => {
    const { buyer, review } = await rated("Fine.");
    const response = await report(buyer, "seller_review", review.id);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "own_content" });
  });

  it("a held seller review, an unknown one and one named as another kind are 404", async () => {
    const { review: held } = await rated("Shitty seller.");
    expect(held.status).toBe("pending");
    const reader = await signUp();
    for (const [type, id] of [
      ["seller_review", held.id],
      ["seller_review", newId("srv")],
    ] as const) {
      const response = await report(reader, type, id);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
    const { review } = await rated("Prompt and friendly.");
    expect((await report(reader, "review", review.id)).status).toBe(404);
  });

  it("a reader reports a seller review once (409 already_reported)", async () => {
    const { review } = await rated("Prompt and friendly.");
    const reader = await signUp();
    expect((await report(reader, "seller_review", review.id)).status).toBe(201);
    const again = await report(reader, "seller_review", review.id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "already_reported" });
  });

  it("a second decision on a held seller review is 409 already_decided", async () => {
    const { review } = await rated("Shitty seller.");
    const [item] = await itemsOf(review.id);
    const admin = await asAdmin();
    const decide = (action: "approve" | "remove") =>
      api(`/v1/admin/moderation/${item!.id}/decision`, json({ action, note: "Looked." }, { headers: admin.auth }));
    expect((await decide("remove")).status).toBe(200);
    const second = await decide("approve");
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "already_decided" });
  });
});
