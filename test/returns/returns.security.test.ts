import { describe, expect, it } from "vitest";
import { escalateOverdueReturns } from "../../workers/orders";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { ordersTestContext } from "../support/orders";
import {
  addTracking,
  decide,
  orderToReturn,
  type ReturnBody,
  receive,
  requestedReturn,
  requestReturn,
  setRespondBy,
} from "../support/returns";

describe("returns: who may do what", () => {
  it("needs a token everywhere", async () => {
    const { order, lines } = await orderToReturn({ delivered: false });
    const id = `ret_${"2".repeat(32)}`;
    const anonymous = [
      api(
        `/v1/orders/${order.id}/returns`,
        json({ lines: [{ lineId: lines.first.id, quantity: 1 }], reason: "other" }),
      ),
      api(`/v1/orders/${order.id}/returns`),
      api(`/v1/orders/${order.id}/returns/${id}/tracking`, json({ carrier: "DHL", trackingNumber: "X1" })),
      api("/v1/seller/returns"),
      api(`/v1/seller/returns/${id}/decision`, json({ decision: "approve" })),
      api(`/v1/seller/returns/${id}/received`, json({})),
      api("/v1/admin/returns"),
      api(`/v1/admin/returns/${id}/decision`, json({ decision: "approve" })),
    ];
    for (const response of await Promise.all(anonymous)) expect(response.status).toBe(401);
  });

  it("another buyer's order and return are 404, and their list too", async () => {
    const { buyer, order, lines } = await orderToReturn();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    const stranger = await signUp();
    const asked = await requestReturn(stranger, order.id, { lines: [{ lineId: lines.first.id, quantity: 1 }] });
    expect(asked.status).toBe(404);
    expect((await api(`/v1/orders/${order.id}/returns`, { headers: stranger.auth })).status).toBe(404);
    expect((await addTracking(stranger, order.id, requested.id)).status).toBe(404);
  });

  it("the seller of the other lines cannot see or decide the return; a buyer cannot decide at all", async () => {
    const { sellers, buyer, order, lines } = await orderToReturn();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    expect((await decide(sellers[1], requested.id, { decision: "approve" })).status).toBe(404);
    expect((await receive(sellers[1], requested.id)).status).toBe(404);
    const stranger = await asSeller();
    expect((await decide(stranger, requested.id, { decision: "approve" })).status).toBe(404);
    const othersList = await api("/v1/seller/returns", { headers: sellers[1].auth });
    expect((await othersList.json<{ items: ReturnBody[] }>()).items).toEqual([]);
    const ownList = await api("/v1/seller/returns?status=requested", { headers: sellers[0].auth });
    expect((await ownList.json<{ items: ReturnBody[] }>()).items.map((item) => item.id)).toEqual([requested.id]);

    expect((await decide(buyer, requested.id, { decision: "approve" })).status).toBe(403);
    expect((await decide(buyer, requested.id, { decision: "approve" }, "admin")).status).toBe(403);
    expect((await decide(sellers[0], requested.id, { decision: "approve" }, "admin")).status).toBe(403);
    expect((await api("/v1/admin/returns", { headers: buyer.auth })).status).toBe(403);
  });

  it("once escalated only an admin decides it", async () => {
    const { sellers, buyer, order, lines } = await orderToReturn();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    await setRespondBy(requested.id, Date.now() - 1000);
    await escalateOverdueReturns(ordersTestContext());
    const late = await decide(sellers[0], requested.id, { decision: "approve" });
    expect(late.status).toBe(409);
    const admin = await asAdmin();
    const escalated = await api("/v1/admin/returns?status=escalated", { headers: admin.auth });
    expect((await escalated.json<{ items: ReturnBody[] }>()).items.map((item) => item.id)).toContain(requested.id);
    const decided = await decide(admin, requested.id, { decision: "approve", restock: true }, "admin");
    expect(decided.status).toBe(200);
    const body = await decided.json<ReturnBody>();
    expect(body).toMatchObject({ status: "approved", restock: true });
    expect(body.decidedBy).toMatch(/^admin:/);
  });
});
