import { describe, expect, it } from "vitest";
import { purchase, XSS } from "../support/community";
import { api, asAdmin, json, signUp } from "../support/identity";
import { itemsOf, queueItemOf, report, statusOf } from "./moderated-content";

describe("seller reviews in the moderation queue", () => {
  it("a held comment with stored-XSS text reaches the admin byte-identical, as inert text", async () => {
    const buyer = await signUp({ name: XSS[1] });
    const { sellerOrderId } = await purchase(buyer);
    const comment = `${XSS[0]} shit ${XSS[1]}`;
    const response = await api(
      `/v1/seller-orders/${sellerOrderId}/review`,
      json({ rating: 1, comment }, { headers: buyer.auth }),
    );
    const held = await response.json<{ id: string; status: string }>();
    expect(held.status).toBe("pending");
    const admin = await asAdmin();
    const queue = await api("/v1/admin/moderation?status=pending&limit=100", { headers: admin.auth });
    expect(queue.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await queueItemOf(admin, "pending", held.id)).toMatchObject({
      target: { type: "seller_review", body: comment, author: { name: XSS[1] } },
    });
  });

  it("only admins see or decide on seller reviews in the queue", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    const response = await api(
      `/v1/seller-orders/${sellerOrderId}/review`,
      json({ rating: 1, comment: "Shitty." }, { headers: buyer.auth }),
    );
    const held = await response.json<{ id: string }>();
    const [item] = await itemsOf(held.id);
    for (const account of [buyer, seller]) {
      expect((await api("/v1/admin/moderation?status=pending", { headers: account.auth })).status).toBe(403);
      const decided = await api(
        `/v1/admin/moderation/${item!.id}/decision`,
        json({ action: "approve", note: "Mine." }, { headers: account.auth }),
      );
      expect(decided.status).toBe(403);
    }
    expect(await statusOf("seller_review", held.id)).toBe("pending");
    // Reporting needs an account.
    const anonymous = await api(
      "/v1/reports",
      json({ targetType: "seller_review", targetId: `srv_${"0".repeat(32)}`, reason: "x" }),
    );
    expect(anonymous.status).toBe(401);
    expect((await report(await signUp(), "seller_review", `srv_${"0".repeat(32)}`)).status).toBe(404);
  });
});
