import { describe, expect, it } from "vitest";
import { api, json } from "../support/identity";
import { getOrder, newKey, orderRow, stockLevels } from "../support/orders";
import {
  addTracking,
  decide,
  orderToReturn,
  type ReturnBody,
  receive,
  requestedReturn,
  requestReturn,
  sellerOrderRow,
  shipAndDeliver,
} from "../support/returns";

const DAY = 86_400_000;

describe("returns: request → approve → tracking → received → refunded", () => {
  it("refunds exactly the returned copies and puts them back on sale when asked", async () => {
    const { sellers, buyer, order, part, listings, lines } = await orderToReturn();
    const before = await stockLevels(listings.first.id);
    const requested = await requestedReturn(buyer, order.id, [
      { lineId: lines.first.id, quantity: 1 },
      { lineId: lines.second.id, quantity: 1 },
    ]);
    expect(requested).toMatchObject({ status: "requested", sellerOrderId: part.id, sellerId: sellers[0].sellerId });
    expect(Date.parse(requested.respondBy) - Date.parse(requested.history[0]!.at)).toBe(3 * DAY);

    const approved = await decide(sellers[0], requested.id, { decision: "approve", restock: true });
    expect(approved.status).toBe(200);
    expect(await approved.json<ReturnBody>()).toMatchObject({ status: "approved", restock: true });

    const sent = await addTracking(buyer, order.id, requested.id);
    expect(sent.status).toBe(200);
    expect(await sent.json<ReturnBody>()).toMatchObject({
      status: "in_transit",
      tracking: { carrier: "DHL", trackingNumber: "RET123456" },
    });

    const received = await receive(sellers[0], requested.id);
    expect(received.status).toBe(200);
    const refunded = await received.json<ReturnBody>();
    expect(refunded).toMatchObject({ status: "refunded", refunded: { amount: 1600, currency: "EUR" } });
    expect(refunded.refundId).toMatch(/^orf_/);
    expect(refunded.history.map((step) => step.to)).toEqual(["requested", "approved", "in_transit", "refunded"]);

    const row = await orderRow(order.id);
    expect(row).toMatchObject({ refundedTotal: 1600, status: "partially_refunded" });
    expect(await sellerOrderRow(part.id)).toMatchObject({ refundedTotal: 1600, status: "partially_refunded" });
    expect((await stockLevels(listings.first.id)).available).toBe(before.available! + 1);

    const listed = await api(`/v1/orders/${order.id}/returns`, { headers: buyer.auth });
    expect(listed.status).toBe(200);
    const { items } = await listed.json<{ items: ReturnBody[] }>();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: requested.id, status: "refunded" });
    expect(items[0]!.lines).toEqual([
      expect.objectContaining({ lineId: lines.first.id, quantity: 1 }),
      expect.objectContaining({ lineId: lines.second.id, quantity: 1 }),
    ]);
    const view = await getOrder(buyer, order.id);
    expect(view.refunds).toEqual([
      expect.objectContaining({ id: refunded.refundId, amount: expect.objectContaining({ amount: 1600 }) }),
    ]);
  });

  it("receives an approved return without tracking, keeps the copies off sale, and refunds once however often it is sent", async () => {
    const { sellers, buyer, order, listings, lines } = await orderToReturn();
    const before = await stockLevels(listings.first.id);
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 2 }]);
    expect((await decide(sellers[0], requested.id, { decision: "approve" })).status).toBe(200);
    const first = await receive(sellers[0], requested.id);
    const again = await receive(sellers[0], requested.id);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const [a, b] = [await first.json<ReturnBody>(), await again.json<ReturnBody>()];
    expect(a.refundId).toBe(b.refundId);
    expect(a.refunded).toEqual({ amount: 2000, currency: "EUR" });
    expect((await orderRow(order.id))?.refundedTotal).toBe(2000);
    expect((await stockLevels(listings.first.id)).available).toBe(before.available);
  });

  it("a retried request with the same Idempotency-Key makes one return", async () => {
    const { buyer, order, lines } = await orderToReturn();
    const key = newKey();
    const body = { lines: [{ lineId: lines.first.id, quantity: 1 }] };
    const first = await requestReturn(buyer, order.id, body, key);
    const replay = await requestReturn(buyer, order.id, body, key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect((await replay.json<ReturnBody>()).id).toBe((await first.json<ReturnBody>()).id);
    const { items } = await (await api(`/v1/orders/${order.id}/returns`, { headers: buyer.auth })).json<{
      items: ReturnBody[];
    }>();
    expect(items).toHaveLength(1);
  });

  it("the seller's own return window is set at delivery and shown on the profile and the seller order", async () => {
    const { sellers, otherPart } = await orderToReturn();
    const patched = await api(
      "/v1/seller/profile",
      json({ returnWindowDays: 30 }, { method: "PATCH", headers: sellers[1].auth }),
    );
    expect(patched.status).toBe(200);
    const profile = await (await api("/v1/seller/profile", { headers: sellers[1].auth })).json<{
      returnWindowDays: number;
    }>();
    expect(profile.returnWindowDays).toBe(30);
    await shipAndDeliver(sellers[1], otherPart.id);
    const row = await sellerOrderRow(otherPart.id);
    expect(row.returnWindowEndsAt! - row.deliveredAt!).toBe(30 * DAY);
    const shown = await (await api(`/v1/seller/orders/${otherPart.id}`, { headers: sellers[1].auth })).json<{
      returnWindowEndsAt: string;
    }>();
    expect(Date.parse(shown.returnWindowEndsAt)).toBe(row.returnWindowEndsAt);
  });

  it("a seller whose window is 0 days takes no returns; the default is 14 days", async () => {
    const { sellers, buyer, order, part, otherPart, lines } = await orderToReturn();
    const row = await sellerOrderRow(part.id);
    expect(row.returnWindowEndsAt! - row.deliveredAt!).toBe(14 * DAY);
    await api("/v1/seller/profile", json({ returnWindowDays: 0 }, { method: "PATCH", headers: sellers[1].auth }));
    await shipAndDeliver(sellers[1], otherPart.id);
    const refused = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.other.id, quantity: 1 }] });
    expect(refused.status).toBe(422);
    expect((await refused.json<{ code: string }>()).code).toBe("return_window_closed");
  });
});
