import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderRefunds } from "../../schema/orders";
import { eventually } from "../support/eventually";
import { api, asAdmin, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, orderRow, paidOrder, refund } from "../support/orders";
import { taxedOrder, taxedRefund } from "./tax-rows";

interface TaxCollected {
  from: string;
  to: string;
  until: string;
  days: {
    day: string;
    country: string;
    currency: string;
    orders: number;
    collected: number;
    refunds: number;
    refunded: number;
    net: number;
  }[];
  totals: { country: string; currency: string; collected: number; refunded: number; net: number }[];
}

let admin: TestAccount;

beforeAll(async () => {
  admin = await asAdmin();
});

async function report(query = ""): Promise<TaxCollected> {
  const response = await api(`/v1/admin/reconciliation${query}`, { headers: admin.auth });
  expect(response.status).toBe(200);
  return (await response.json<{ taxCollected: TaxCollected }>()).taxCollected;
}

const runNow = async () => {
  const response = await api("/v1/admin/reconciliation/runs", json({}, { headers: admin.auth }));
  expect(response.status).toBe(201);
  return response.json<{ run: { since: string; runAt: string }; taxCollected: TaxCollected }>();
};

describe("the reconciliation report's tax collected per country per day", () => {
  it("adds up orders by the UTC day they were paid and refunds by the day they completed, per country", async () => {
    const first = await taxedOrder({ country: "DE", tax: 140, paidAt: "2025-03-01T10:00:00Z" });
    await taxedOrder({ country: "DE", tax: 70, paidAt: "2025-03-01T23:59:59.999Z" });
    await taxedOrder({ country: "DE", tax: 190, paidAt: "2025-03-02T12:00:00Z" });
    await taxedOrder({ country: "FR", tax: 55, paidAt: "2025-03-02T00:00:00Z" });
    const february = await taxedOrder({ country: "FR", tax: 110, paidAt: "2025-02-28T09:00:00Z" });
    // Left out: unpaid, paid outside the days asked for, and from before tax was charged (no tax country).
    await taxedOrder({ country: "DE", tax: 999, paidAt: null });
    await taxedOrder({ country: "DE", tax: 999, paidAt: "2025-03-03T00:00:00Z" });
    await taxedOrder({ country: "", tax: 0, paidAt: "2025-03-01T12:00:00Z" });

    await taxedRefund(first, { tax: 70, completedAt: "2025-03-02T08:00:00Z" });
    await taxedRefund(first, { tax: 30, completedAt: null });
    await taxedRefund(first, { tax: 999, completedAt: "2025-03-03T08:00:00Z" });
    await taxedRefund(february, { tax: 20, completedAt: "2025-03-01T15:00:00Z" });
    await runNow();

    const tax = await report("?from=2025-03-01&to=2025-03-02");
    expect(tax).toMatchObject({ from: "2025-03-01", to: "2025-03-02", until: "2025-03-03T00:00:00.000Z" });
    const figures = { currency: "EUR" };
    expect(tax.days).toEqual([
      { day: "2025-03-01", country: "DE", ...figures, orders: 2, collected: 210, refunds: 0, refunded: 0, net: 210 },
      { day: "2025-03-02", country: "DE", ...figures, orders: 1, collected: 190, refunds: 1, refunded: 70, net: 120 },
      // A refund of an order paid before the days asked for still counts on the day it completed.
      { day: "2025-03-01", country: "FR", ...figures, orders: 0, collected: 0, refunds: 1, refunded: 20, net: -20 },
      { day: "2025-03-02", country: "FR", ...figures, orders: 1, collected: 55, refunds: 0, refunded: 0, net: 55 },
    ]);
    expect(tax.totals).toEqual([
      { country: "DE", currency: "EUR", collected: 400, refunded: 70, net: 330 },
      { country: "FR", currency: "EUR", collected: 55, refunded: 20, net: 35 },
    ]);

    expect((await report("?from=2025-03-02&to=2025-03-02")).days.map((day) => [day.country, day.net])).toEqual([
      ["DE", 120],
      ["FR", 55],
    ]);
  });

  it("covers the run's days by default: a paid order to Germany and its refund, as the orders module wrote them", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 2, price: 1500 })).id, { quantity: 2 });
    const { order } = await paidOrder(buyer);
    const line = order.sellerOrders[0]!.lines[0]!;
    expect(
      (await refund(seller, order.id, { lines: [{ lineId: line.id, quantity: 1 }], reason: "torn", restock: false }))
        .status,
    ).toBe(201);
    const refunded = await eventually(async () => {
      const [row] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
      return row?.state === "succeeded" ? row : undefined;
    });
    const paid = (await orderRow(order.id))!;

    const { run, taxCollected } = await runNow();
    const dayOf = (iso: string) => iso.slice(0, 10);
    expect(taxCollected.from).toBe(dayOf(run.since));
    expect(taxCollected.to).toBe(dayOf(run.runAt));
    expect(taxCollected.until).toBe(run.runAt);
    const germany = taxCollected.days.filter((day) => day.country === "DE");
    const paidOn = new Date(paid.paidAt!).toISOString().slice(0, 10);
    const refundedOn = new Date(refunded.completedAt!).toISOString().slice(0, 10);
    expect(germany.find((day) => day.day === paidOn)).toMatchObject({ orders: 1, collected: paid.tax });
    expect(germany.find((day) => day.day === refundedOn)).toMatchObject({ refunds: 1, refunded: refunded.tax });
    expect(taxCollected.totals.find((total) => total.country === "DE")).toEqual({
      country: "DE",
      currency: "EUR",
      collected: paid.tax,
      refunded: refunded.tax,
      net: paid.tax - refunded.tax,
    });
    // The days from the first test are outside the run's window.
    expect(taxCollected.days.some((day) => day.day.startsWith("2025-03"))).toBe(false);
  });
});
