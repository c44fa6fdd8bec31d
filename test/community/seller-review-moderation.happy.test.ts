import { describe, expect, it } from "vitest";
import { purchase } from "../support/community";
import { api, asAdmin, json, signUp, type TestAccount } from "../support/identity";
import { waitForMail } from "../support/mail";
import { eventsAbout, itemsOf, queueItemOf, report, statusOf } from "./moderated-content";

/** Seller reviews through moderation: held by the filter or hidden by reports, then approved or removed. */

async function rateSeller(buyer: TestAccount, sellerOrderId: string, body: { rating: number; comment?: string }) {
  const response = await api(`/v1/seller-orders/${sellerOrderId}/review`, json(body, { headers: buyer.auth }));
  expect(response.status).toBe(201);
  return response.json<{ id: string; status: string }>();
}

const sellerRating = async (sellerId: string) =>
  (await (await api(`/v1/sellers/${sellerId}`)).json<{ rating: { average: number | null; count: number } }>()).rating;

const shownReviews = async (sellerId: string) =>
  (await (await api(`/v1/sellers/${sellerId}/reviews`)).json<{ items: { id: string }[] }>()).items.map(
    (review) => review.id,
  );

const decide = (admin: TestAccount, id: string, action: "approve" | "remove", note: string) =>
  api(`/v1/admin/moderation/${id}/decision`, json({ action, note }, { headers: admin.auth }));

describe("a seller review the content filter holds", () => {
  it("waits in the moderation queue, out of the seller's rating, until a moderator approves it", async () => {
    const buyer = await signUp({ verified: true, name: "Blunt Buyer" });
    const { seller, sellerOrderId } = await purchase(buyer);
    const held = await rateSeller(buyer, sellerOrderId, { rating: 2, comment: "Shitty packaging, bent cover." });
    expect(held.status).toBe("pending");
    expect(await sellerRating(seller.sellerId)).toEqual({ average: null, count: 0 });
    expect(await shownReviews(seller.sellerId)).toEqual([]);
    expect(await eventsAbout("ContentHidden", held.id)).toBe(1);

    const admin = await asAdmin();
    const item = await queueItemOf(admin, "pending", held.id);
    expect(item).toMatchObject({
      status: "pending",
      cause: "filter",
      flags: ["profanity"],
      target: {
        type: "seller_review",
        id: held.id,
        status: "pending",
        title: null,
        body: "Shitty packaging, bent cover.",
        deleted: false,
        author: { id: buyer.userId, name: "Blunt Buyer" },
      },
    });

    const response = await decide(admin, item!.id, "approve", "Strong words about the parcel, not the person.");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "approved",
      target: { type: "seller_review", status: "published" },
    });
    expect(await statusOf("seller_review", held.id)).toBe("published");
    expect(await sellerRating(seller.sellerId)).toEqual({ average: 2, count: 1 });
    expect(await shownReviews(seller.sellerId)).toEqual([held.id]);

    const audit = await api(`/v1/admin/audit?type=moderation_decided&userId=${buyer.userId}`, { headers: admin.auth });
    expect((await audit.json<{ items: unknown[] }>()).items).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        detail: expect.objectContaining({ targetType: "seller_review", targetId: held.id, action: "approve" }),
      }),
    ]);
    const [mail] = await waitForMail(buyer.email, "moderation-approved");
    expect(mail!.subject).toBe("Your seller review on Book Bazaar was approved");
    expect(mail!.text).toContain("A moderator looked at your seller review and approved it");
  });

  it("stays out of the seller's rating for good once a moderator removes it", async () => {
    const buyer = await signUp({ verified: true });
    const { seller, sellerOrderId } = await purchase(buyer);
    const held = await rateSeller(buyer, sellerOrderId, { rating: 1, comment: "This seller is a fucking crook." });
    const [item] = await itemsOf(held.id);
    expect(item).toMatchObject({ status: "pending", cause: "filter" });

    const response = await decide(await asAdmin(), item!.id, "remove", "Insults are not allowed.");
    expect(response.status).toBe(200);
    expect(await statusOf("seller_review", held.id)).toBe("removed");
    expect(await sellerRating(seller.sellerId)).toEqual({ average: null, count: 0 });
    expect(await shownReviews(seller.sellerId)).toEqual([]);
    const [mail] = await waitForMail(buyer.email, "moderation-removed");
    expect(mail!.subject).toBe("Your seller review on Book Bazaar was removed");
  });

  it("a clean comment opens no moderation item", async () => {
    const buyer = await signUp();
    const { sellerOrderId } = await purchase(buyer);
    const review = await rateSeller(buyer, sellerOrderId, { rating: 5, comment: "Lovely copy, well wrapped." });
    expect(review.status).toBe("published");
    expect(await itemsOf(review.id)).toEqual([]);
    expect(await eventsAbout("ContentHidden", review.id)).toBe(0);
  });
});

describe("a reported seller review", () => {
  it("is hidden after three readers report it, leaving the seller's rating, and counts again once approved", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    const review = await rateSeller(buyer, sellerOrderId, { rating: 1, comment: "The owner is a liar and a thief." });
    expect(await sellerRating(seller.sellerId)).toEqual({ average: 1, count: 1 });

    // The seller insulted in it is one of the reporters.
    const reporters = [seller, await signUp(), await signUp()];
    for (const [index, reporter] of reporters.entries()) {
      expect((await report(reporter, "seller_review", review.id, "Defamatory")).status).toBe(201);
      expect(await statusOf("seller_review", review.id)).toBe(index < 2 ? "published" : "hidden");
    }
    expect(await sellerRating(seller.sellerId)).toEqual({ average: null, count: 0 });
    expect(await shownReviews(seller.sellerId)).toEqual([]);

    const admin = await asAdmin();
    const item = await queueItemOf(admin, "hidden", review.id);
    expect(item).toMatchObject({
      cause: "reports",
      reportCount: 3,
      reasons: ["Defamatory", "Defamatory", "Defamatory"],
      target: { type: "seller_review", status: "hidden" },
    });
    expect((await decide(admin, item!.id, "approve", "An honest, if harsh, account.")).status).toBe(200);
    expect(await sellerRating(seller.sellerId)).toEqual({ average: 1, count: 1 });
    expect(await shownReviews(seller.sellerId)).toEqual([review.id]);
  });

  it("removed after being hidden, it stays out of the rating", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    const review = await rateSeller(buyer, sellerOrderId, { rating: 4 });
    for (const reporter of [await signUp(), await signUp(), await signUp()]) {
      expect((await report(reporter, "seller_review", review.id)).status).toBe(201);
    }
    const [item] = await itemsOf(review.id);
    expect((await decide(await asAdmin(), item!.id, "remove", "Fake review.")).status).toBe(200);
    expect(await statusOf("seller_review", review.id)).toBe("removed");
    expect(await sellerRating(seller.sellerId)).toEqual({ average: null, count: 0 });
  });
});
