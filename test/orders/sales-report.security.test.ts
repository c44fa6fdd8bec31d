import { describe, expect, it } from "vitest";
import {
  refundSellerOrder,
  type SellerOrderDetail,
  salesReport,
  sellerDashboard,
  sellerOrder,
} from "../../workers/orders";
import { api, asAdmin, asSeller, signUp } from "../support/identity";
import { eur, getOrder, newKey, ordersTestContext, paidTwoSellerOrder, refund } from "../support/orders";
import { at, sellerWithSales } from "../support/seller-sales";

describe("sales report and dashboard (security)", () => {
  it("need a token and a seller profile", async () => {
    for (const path of ["/v1/seller/reports/sales", "/v1/seller/reports/sales?format=csv", "/v1/seller/dashboard"]) {
      expect((await api(path)).status, path).toBe(401);
      const buyer = await signUp();
      expect((await api(path, { headers: buyer.auth })).status, path).toBe(403);
    }
  });

  it("count only the caller's own sales, refunds, parcels and orders to send", async () => {
    const sales = await sellerWithSales();
    const other = await asSeller();
    const ctx = ordersTestContext();
    const range = { from: "2025-03-01", to: "2025-03-31", period: "week" as const };
    expect((await salesReport(ctx, sales.seller.sellerId, range)).totals.revenue).toEqual(eur(5000));
    const theirs = await salesReport(ctx, other.sellerId, range);
    expect(theirs.totals).toEqual({
      revenue: eur(0),
      units: 0,
      refunds: { count: 0, amount: eur(0) },
      shipped: 0,
      averagePaidToShippedSeconds: null,
    });
    expect(theirs.topBooks).toEqual([]);
    const dashboard = await sellerDashboard(ctx, other.sellerId, at("2025-03-10T15:00:00Z"));
    expect(dashboard.awaitingShipment).toEqual({ count: 0, longestWaiting: [] });
    expect(dashboard.revenue.last30Days).toEqual(eur(0));
    const csv = await api("/v1/seller/reports/sales?from=2025-03-01&to=2025-03-31&format=csv", {
      headers: other.auth,
    });
    expect(await csv.text()).not.toMatch(/,5000,|,3000,|,2000,/);
  });
});

describe("a seller order's page (security)", () => {
  it("shows each seller only their share of a refund and their own lines, nothing of the other part", async () => {
    const { sellers, parts, order, buyer } = await paidTwoSellerOrder([1000, 4000]);
    const admin = await asAdmin();
    expect((await refund(admin, order.id, { reason: "never arrived", restock: false })).status).toBe(201);
    const whole = await getOrder(buyer, order.id);
    expect(whole.refunds).toHaveLength(1);

    for (const [i, seller] of sellers.entries()) {
      const part = parts[i]!;
      const response = await api(`/v1/seller/orders/${part.id}`, { headers: seller.auth });
      const page = await response.json<SellerOrderDetail>();
      expect(page.refunds).toHaveLength(1);
      expect(page.refunds[0]!.amount).toEqual(eur(part.totals.total!.amount));
      expect(page.refunds[0]!.lines.map((line) => line.lineId)).toEqual(part.lines.map((line) => line.id));
      const shown = JSON.stringify(page);
      const otherPart = parts[1 - i]!;
      expect(shown).not.toContain(otherPart.id);
      expect(shown).not.toContain(otherPart.lines[0]!.id);
      expect(shown).not.toContain(buyer.email);
    }
  });

  it("answers another seller's order 404 through the service too, and refunds nothing of it", async () => {
    const { sellers, parts, order, buyer } = await paidTwoSellerOrder();
    const [alice, bob] = sellers;
    const ctx = ordersTestContext();
    await expect(sellerOrder(ctx, bob.sellerId, parts[0].id)).rejects.toMatchObject({ code: "not_found" });
    const asBob = { lines: [{ lineId: parts[0].lines[0]!.id }], reason: "x", restock: true };
    await expect(refundSellerOrder(ctx, bob.sellerId, parts[0].id, asBob, newKey())).rejects.toMatchObject({
      code: "not_found",
    });
    // Bob's own seller order does not let him name Alice's line either.
    await expect(refundSellerOrder(ctx, bob.sellerId, parts[1].id, asBob, newKey())).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(0));
    expect((await sellerOrder(ctx, alice.sellerId, parts[0].id)).refunds).toEqual([]);
  });
});
