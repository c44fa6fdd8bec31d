import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { insightsContext, rebuildRecommendations } from "../../workers/insights";
import { recordPurchases } from "../../workers/insights/recommendations/store";
import { atomically } from "../../workers/platform/db";
import { catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";

// 30 orders of two editions each: 60 lists, written 25 editions a commit, so three windows.
const ctx = catalogContext();
const insights = () => insightsContext({ services: ctx.services, config: loadConfig(env), log: ctx.log });
const ORDERS = 30;

const tally = async () =>
  (await testDatabase
    .prepare(
      "SELECT count(*) AS lists, count(DISTINCT isbn13) AS editions, min(built_at) AS oldest FROM " +
        "insights_edition_recommendations",
    )
    .first<{ lists: number; editions: number; oldest: number }>())!;

describe("the daily rebuild, a window of editions at a time", () => {
  it("writes every edition's list across windows, then drops the lists a later build leaves out", async () => {
    const { db } = ctx.services;
    const purchases = Array.from({ length: ORDERS }, (_, n) =>
      [testIsbn(9_000 + 2 * n), testIsbn(9_001 + 2 * n)].map((isbn13) => ({
        orderId: `ord_window_${String(n).padStart(2, "0")}`,
        isbn13,
        buyerId: `usr_window_${n}`,
        day: "2026-11-20",
        quantity: 1,
      })),
    ).flat();
    await atomically(db, recordPurchases(db, purchases));
    expect(await rebuildRecommendations(insights(), 1_000)).toBe(2 * ORDERS);
    const first = await tally();
    expect([Number(first.lists), Number(first.editions)]).toEqual([2 * ORDERS, 2 * ORDERS]);

    await testDatabase.prepare("DELETE FROM insights_edition_purchases WHERE order_id >= 'ord_window_20'").run();
    expect(await rebuildRecommendations(insights(), 2_000)).toBe(40);
    const after = await tally();
    expect(Number(after.lists)).toBe(40);
    expect(Number(after.oldest)).toBe(2_000);
  });
});
