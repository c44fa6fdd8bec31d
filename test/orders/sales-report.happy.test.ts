import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { salesReport, salesReportCsv, sellerDashboard } from "../../workers/orders";
import { meteredDb } from "../support/d1-meter";
import { onPlanetScale } from "../support/database";
import { api } from "../support/identity";
import { eur, ordersTestContext } from "../support/orders";
import { at, sellerWithSales } from "../support/seller-sales";

let sales: Awaited<ReturnType<typeof sellerWithSales>>;
beforeAll(async () => {
  sales = await sellerWithSales();
}, 60_000);

const report = async (query: string) => {
  const response = await api(`/v1/seller/reports/sales${query}`, { headers: sales.seller.auth });
  expect(response.status).toBe(200);
  return response.json<Awaited<ReturnType<typeof salesReport>>>();
};

const nothing = { revenue: eur(0), units: 0, refunds: { count: 0, amount: eur(0) }, shipped: 0 };
const none = { ...nothing, averagePaidToShippedSeconds: null };

describe("sales report (happy paths)", () => {
  it("gives revenue and copies by day of payment, refunds by day issued, parcels by day sent", async () => {
    const body = await report("?from=2025-03-03&to=2025-03-10");
    expect(body).toMatchObject({ from: "2025-03-03", to: "2025-03-10", period: "day", currency: "EUR" });
    expect(body.periods.map((period) => period.start)).toEqual([
      "2025-03-03",
      "2025-03-04",
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
      "2025-03-08",
      "2025-03-09",
      "2025-03-10",
    ]);
    expect(body.periods[0]).toEqual({
      start: "2025-03-03",
      end: "2025-03-03",
      revenue: eur(3000),
      units: 2,
      refunds: { count: 0, amount: eur(0) },
      shipped: 1,
      averagePaidToShippedSeconds: 7200,
    });
    expect(body.periods[1]).toEqual({ start: "2025-03-04", end: "2025-03-04", ...none });
    expect(body.periods[2]).toMatchObject({
      revenue: eur(2000),
      units: 2,
      shipped: 0,
      averagePaidToShippedSeconds: null,
    });
    expect(body.periods[7]).toMatchObject({ revenue: eur(0), refunds: { count: 1, amount: eur(800) } });
    expect(body.totals).toEqual({
      revenue: eur(5000),
      units: 4,
      refunds: { count: 1, amount: eur(800) },
      shipped: 1,
      averagePaidToShippedSeconds: 7200,
    });
    expect(body.topBooks).toEqual([
      { ...sales.bookA, units: 3, revenue: eur(4200) },
      { ...sales.bookB, units: 1, revenue: eur(800) },
    ]);
  });

  it("adds days up into ISO weeks, clipped to the range", async () => {
    const weeks = await report("?from=2025-03-05&to=2025-03-12&period=week");
    expect(weeks.periods).toEqual([
      {
        start: "2025-03-05",
        end: "2025-03-09",
        ...nothing,
        revenue: eur(2000),
        units: 2,
        averagePaidToShippedSeconds: null,
      },
      {
        start: "2025-03-10",
        end: "2025-03-12",
        ...nothing,
        refunds: { count: 1, amount: eur(800) },
        averagePaidToShippedSeconds: null,
      },
    ]);
    // Sales outside the range (the 3rd) count neither in the periods nor in the top books.
    expect(weeks.topBooks.map((book) => book.units)).toEqual([1, 1]);
  });

  it("covers the last 30 days, by day, when asked for no range", async () => {
    const body = await report("");
    const today = new Date().toISOString().slice(0, 10);
    expect(body).toMatchObject({ to: today, period: "day" });
    expect(body.periods).toHaveLength(30);
    expect(body.periods.at(-1)?.end).toBe(today);
    expect(body.totals).toEqual(none);
  });

  it("answers the periods as CSV with format=csv", async () => {
    const response = await api("/v1/seller/reports/sales?from=2025-03-03&to=2025-03-05&format=csv", {
      headers: sales.seller.auth,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="sales-2025-03-03-to-2025-03-05-by-day.csv"',
    );
    expect((await response.text()).split("\r\n")).toEqual([
      "period_start,period_end,currency,revenue_minor_units,units_sold,refunds,refunded_minor_units,parcels_shipped,average_paid_to_shipped_seconds",
      "2025-03-03,2025-03-03,EUR,3000,2,0,0,1,7200",
      "2025-03-04,2025-03-04,EUR,0,0,0,0,0,",
      "2025-03-05,2025-03-05,EUR,2000,2,0,0,0,",
      "",
    ]);
  });

  it.skipIf(onPlanetScale)("reads a report, and the dashboard, in one D1 round trip each", async () => {
    const { db, meter } = meteredDb(env.DB);
    const base = ordersTestContext();
    const ctx = { ...base, services: { ...base.services, db } };
    const body = await salesReport(ctx, sales.seller.sellerId, {
      from: "2025-03-03",
      to: "2025-03-10",
      period: "week",
    });
    expect(meter.roundTrips).toBe(1);
    expect(body.totals.revenue).toEqual(eur(5000));
    expect(salesReportCsv(body).split("\r\n")).toHaveLength(4);
    await sellerDashboard(ctx, sales.seller.sellerId, at("2025-03-10T15:00:00Z"));
    expect(meter.roundTrips).toBe(2);
  });
});

describe("dashboard figures", () => {
  it("sums today, 7 and 30 days of sales, refunds and parcels, and lists what waits to be sent", async () => {
    const dashboard = await sellerDashboard(ordersTestContext(), sales.seller.sellerId, at("2025-03-10T15:00:00Z"));
    expect(dashboard.revenue).toEqual({ today: eur(0), last7Days: eur(2000), last30Days: eur(5000) });
    expect(dashboard.unitsSoldLast30Days).toBe(4);
    expect(dashboard.refundsLast30Days).toEqual({ count: 1, amount: eur(800) });
    expect(dashboard.shippedLast30Days).toEqual({ parcels: 1, averagePaidToShippedSeconds: 7200 });
    expect(dashboard.daily).toHaveLength(30);
    expect(dashboard.daily[0]).toEqual({ date: "2025-02-09", revenue: eur(0), units: 0 });
    expect(dashboard.daily.at(-1)).toEqual({ date: "2025-03-10", revenue: eur(0), units: 0 });
    expect(dashboard.daily.find((day) => day.date === "2025-03-03")).toEqual({
      date: "2025-03-03",
      revenue: eur(3000),
      units: 2,
    });
    expect(dashboard.awaitingShipment).toEqual({
      count: 1,
      longestWaiting: [
        {
          id: sales.waiting.id,
          orderId: sales.waitingOrder.id,
          status: "partially_refunded",
          units: 2,
          total: eur(sales.waiting.totals.total!.amount),
          paidAt: "2025-03-05T23:30:00.000Z",
          createdAt: expect.any(String),
        },
      ],
    });
  });

  it("is offered as GET /v1/seller/dashboard, for today", async () => {
    const response = await api("/v1/seller/dashboard", { headers: sales.seller.auth });
    expect(response.status).toBe(200);
    const body = await response.json<Awaited<ReturnType<typeof sellerDashboard>>>();
    expect(body.awaitingShipment.count).toBe(1);
    expect(body.daily.at(-1)?.date).toBe(new Date().toISOString().slice(0, 10));
    expect(body.revenue.last30Days).toEqual(eur(0));
  });
});
