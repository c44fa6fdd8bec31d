import { describe, expect, it } from "vitest";
import { purchase, XSS } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("seller reviews — who may rate", () => {
  it("needs a signed-in caller", async () => {
    const response = await api(`/v1/seller-orders/sor_${"0".repeat(32)}/review`, json({ rating: 5 }));
    expect(response.status).toBe(401);
  });

  it("another buyer's seller order is 404, and its seller's rating does not move", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    const stranger = await signUp();
    const response = await api(
      `/v1/seller-orders/${sellerOrderId}/review`,
      json({ rating: 1 }, { headers: stranger.auth }),
    );
    expect(response.status).toBe(404);
    // Nor may the seller rate their own order.
    const own = await api(`/v1/seller-orders/${sellerOrderId}/review`, json({ rating: 5 }, { headers: seller.auth }));
    expect(own.status).toBe(404);
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({
      rating: { average: null, count: 0 },
    });
  });

  it("the comment comes back as inert text; a flagged one is held out of the rating", async () => {
    const buyer = await signUp();
    const { seller, sellerOrderId } = await purchase(buyer);
    const comment = `${XSS[0]} ${XSS[1]}`;
    const response = await api(
      `/v1/seller-orders/${sellerOrderId}/review`,
      json({ rating: 2, comment }, { headers: buyer.auth }),
    );
    expect(await response.json()).toMatchObject({ comment, status: "published" });

    const other = await signUp();
    const second = await purchase(other);
    const held = await api(
      `/v1/seller-orders/${second.sellerOrderId}/review`,
      json({ rating: 1, comment: "Shitty seller." }, { headers: other.auth }),
    );
    expect(await held.json()).toMatchObject({ status: "pending" });
    expect(await (await api(`/v1/sellers/${second.seller.sellerId}`)).json()).toMatchObject({
      rating: { average: null, count: 0 },
    });
    expect(await (await api(`/v1/sellers/${seller.sellerId}`)).json()).toMatchObject({ rating: { count: 1 } });
  });
});
