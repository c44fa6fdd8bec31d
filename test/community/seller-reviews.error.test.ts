import { describe, expect, it } from "vitest";
import { markDelivered, purchase } from "../support/community";
import { api, json, signUp } from "../support/identity";

const rate = (auth: Record<string, string>, sellerOrderId: string, body: Record<string, unknown>) =>
  api(`/v1/seller-orders/${sellerOrderId}/review`, json(body, { headers: auth }));

describe("seller reviews — bad input and wrong moments", () => {
  it("before delivery is 409 not_delivered; after it, once; twice is 409 already_reviewed", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer, { delivered: false });
    const early = await rate(buyer.auth, sellerOrderId, { rating: 5 });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "not_delivered" });

    expect((await markDelivered(seller, sellerOrderId)).status).toBe(200);
    expect((await rate(buyer.auth, sellerOrderId, { rating: 5 })).status).toBe(201);
    const twice = await rate(buyer.auth, sellerOrderId, { rating: 1, comment: "Changed my mind." });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: "already_reviewed" });
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({
      rating: { average: 5, count: 1 },
    });
  });

  it("refuses stars outside 1–5, an empty comment and a malformed id with 400; an unknown order is 404", async () => {
    const buyer = await signUp();
    const id = `sor_${"0".repeat(32)}`;
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 2.5 }, { rating: 3, comment: "" }, {}]) {
      expect((await rate(buyer.auth, id, body)).status).toBe(400);
    }
    expect((await rate(buyer.auth, "ord_123", { rating: 3 })).status).toBe(400);
    expect((await rate(buyer.auth, id, { rating: 3 })).status).toBe(404);
  });

  it("a store page of an unknown seller is 404, of a malformed id 400", async () => {
    expect((await api(`/v1/sellers/sel_${"0".repeat(32)}`)).status).toBe(404);
    expect((await api("/v1/sellers/nobody")).status).toBe(400);
  });
});
