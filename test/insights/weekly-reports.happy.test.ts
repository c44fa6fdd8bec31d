import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, type TestAccount } from "../support/identity";
import { WEEK, weeklyReport, weekWithSales } from "../support/weekly-reports";

const none = { lines: 0, units: 0, revenue: 0, discount: 0, averageUnitRevenue: 0 };
const day = (date: string, gmv = 0, orders = 0, units = 0) => ({
  day: date,
  gmv,
  orders,
  units,
  averageOrderValue: orders === 0 ? 0 : Math.round(gmv / orders),
});

describe("the weekly report of a week with known sales", () => {
  let admin: TestAccount;
  let data: Awaited<ReturnType<typeof weekWithSales>>;
  beforeAll(async () => {
    data = await weekWithSales();
    admin = await asAdmin();
  });

  it("computes every section exactly", async () => {
    const response = await weeklyReport(admin, "admin");
    expect(response.status).toBe(200);
    const report = await response.json<Record<string, unknown>>();
    expect(report).toMatchObject({
      week: WEEK,
      from: "2025-05-12T00:00:00.000Z",
      to: "2025-05-19T00:00:00.000Z",
      currency: "EUR",
    });
    expect(report.sales).toEqual({
      totals: { gmv: 5700, orders: 2, units: 4, averageOrderValue: 2850 },
      days: [
        day("2025-05-12", 2400, 1, 2),
        day("2025-05-13"),
        day("2025-05-14", 3300, 1, 2),
        day("2025-05-15"),
        day("2025-05-16"),
        day("2025-05-17"),
        day("2025-05-18"),
      ],
      byCategory: [{ category: "Uncategorised", gmv: 5700, orders: 2, units: 4, averageOrderValue: 2850 }],
      byCondition: [
        { kind: "new", gmv: 2400, orders: 1, units: 2, averageOrderValue: 2400 },
        { kind: "second_hand", gmv: 3300, orders: 1, units: 2, averageOrderValue: 3300 },
      ],
    });
    expect(report.pricing).toEqual({
      bands: [
        { band: "5_to_10", condition: "very_good", listed: 1, sold: 1, sellThrough: 1, averageDaysToSell: 1 },
        { band: "10_to_20", condition: "new", listed: 1, sold: 1, sellThrough: 1, averageDaysToSell: 2 },
        { band: "20_to_50", condition: "very_good", listed: 1, sold: 1, sellThrough: 1, averageDaysToSell: 10 },
      ],
      promotions: [
        { discounted: true, ...none },
        { discounted: false, lines: 3, units: 4, revenue: 5700, discount: 0, averageUnitRevenue: 1425 },
      ],
    });
    const books = report.popularBooks as { editionId: string }[];
    expect(books.map(({ editionId, ...book }) => ({ editionId, ...book }))).toMatchObject([
      { editionId: data.editions.a1, views: 10, cartAdds: 3, bought: 2, viewToCart: 0.3, cartToBought: 0.6667 },
      { editionId: data.editions.a2, views: 4, cartAdds: 1, bought: 1, viewToCart: 0.25, cartToBought: 1 },
      { editionId: data.editions.b1, views: 0, cartAdds: 0, bought: 1, viewToCart: 0, cartToBought: 0 },
    ]);
    expect(report.engagement).toEqual({ activeBuyers: 2, newAccounts: 1, reviews: 3, comments: 0 });
    expect(report.reviews).toEqual({
      days: [
        { day: "2025-05-12", reviews: 0, averageRating: null },
        { day: "2025-05-13", reviews: 2, averageRating: 4.5 },
        { day: "2025-05-14", reviews: 0, averageRating: null },
        { day: "2025-05-15", reviews: 1, averageRating: 1 },
        { day: "2025-05-16", reviews: 0, averageRating: null },
        { day: "2025-05-17", reviews: 0, averageRating: null },
        { day: "2025-05-18", reviews: 0, averageRating: null },
      ],
      averageRating: 3.33,
      sentiment: {
        positive: 1,
        neutral: 1,
        negative: 1,
        positiveShare: 0.3333,
        neutralShare: 0.3333,
        negativeShare: 0.3333,
      },
      positiveKeywords: [
        { word: "wonderful", count: 2 },
        { word: "characters", count: 1 },
        { word: "story", count: 1 },
      ],
      negativeKeywords: [
        { word: "terrible", count: 2 },
        { word: "binding", count: 1 },
        { word: "fell", count: 1 },
        { word: "pages", count: 1 },
      ],
    });
    const seller = (rank: number, sellerId: string, storeName: string) => ({ rank, sellerId, storeName });
    expect(report.sellers).toEqual([
      {
        ...seller(1, data.sellerA.sellerId, "Alpha Books"),
        orders: 2,
        gmv: 3200,
        units: 3,
        averageHoursToShip: 6,
        fulfilmentRate: 0.5,
        cancellationRate: 0,
        returnRate: 0,
        supportTickets: 0,
        supportAnswered: 0,
        medianFirstResponseMinutes: null,
        rating: null,
        ratingCount: 0,
      },
      {
        ...seller(2, data.sellerB.sellerId, "Beta Books"),
        orders: 1,
        gmv: 2500,
        units: 1,
        averageHoursToShip: null,
        fulfilmentRate: 0,
        cancellationRate: 0,
        returnRate: 0,
        supportTickets: 0,
        supportAnswered: 0,
        medianFirstResponseMinutes: null,
        rating: null,
        ratingCount: 0,
      },
    ]);
  });

  it("rebuilds a week into the same figures", async () => {
    const first = await (await weeklyReport(admin, "admin")).json<Record<string, unknown>>();
    const rebuilt = await api(`/v1/admin/reports/weekly/rebuild?week=${WEEK}`, { method: "POST", headers: admin.auth });
    expect(rebuilt.status).toBe(200);
    const again = await rebuilt.json<Record<string, unknown>>();
    const { builtAt: _first, ...firstFigures } = first;
    const { builtAt: _again, ...againFigures } = again;
    expect(againFigures).toEqual(firstFigures);
    const stored = await (await weeklyReport(admin, "admin")).json<Record<string, unknown>>();
    expect(stored.sellers).toEqual(first.sellers);
  });

  it("shows a seller their own row and rank, and nobody else's figures", async () => {
    const response = await weeklyReport(data.sellerB, "seller");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(data.sellerA.sellerId);
    expect(text).not.toContain("Alpha Books");
    expect(JSON.parse(text)).toMatchObject({
      week: WEEK,
      sellerCount: 2,
      rank: 2,
      figures: { sellerId: data.sellerB.sellerId, rank: 2, orders: 1, gmv: 2500 },
    });
    const quiet = await (await weeklyReport(data.sellerB, "seller", "?week=2025-W21")).json();
    expect(quiet).toMatchObject({ week: "2025-W21", sellerCount: 0, rank: null, figures: null });
  });

  it("answers CSV by format and by Accept", async () => {
    const admins = await weeklyReport(admin, "admin", `?week=${WEEK}&format=csv`);
    expect(admins.headers.get("content-type")).toContain("text/csv");
    const rows = (await admins.text()).trimEnd().split("\r\n");
    expect(rows[0]).toBe("section,key,metric,value");
    expect(rows).toContain("sales,week,gmv,5700");
    expect(rows).toContain("sales,2025-05-14,orders,1");
    expect(rows).toContain("positive_keywords,wonderful,count,2");
    expect(rows).toContain(`sellers,${data.sellerA.sellerId},rank,1`);
    expect(rows.every((row) => row.split(",").length === 4)).toBe(true);

    const sellers = await weeklyReport(data.sellerA, "seller", `?week=${WEEK}`, { headers: { accept: "text/csv" } });
    expect(sellers.headers.get("content-type")).toContain("text/csv");
    const [header, row, ...rest] = (await sellers.text()).trimEnd().split("\r\n");
    expect(rest).toEqual([]);
    expect(header).toBe(
      "week,sellerCount,rank,sellerId,storeName,orders,gmv,units,averageHoursToShip,fulfilmentRate,cancellationRate," +
        "returnRate,supportTickets,supportAnswered,medianFirstResponseMinutes,rating,ratingCount",
    );
    expect(row).toBe(`${WEEK},2,1,${data.sellerA.sellerId},Alpha Books,2,3200,3,6,0.5,0,0,0,0,,,0`);
  });
});
