// Issue 19: does the recommender find what readers buy next? The demo seed's reading history (readers with
// tastes, scripts/seed/readers.mjs) on the demo catalog; each reader's last order is held out, the daily job
// builds the recommendations from the rest inside the Worker, and hit rate @10 compares each held-out reader's
// `GET /v1/me/recommendations` with the ten best sellers they have not bought.

import { DEMO_READERS, demoReaders } from "../../scripts/seed/history.mjs";
import { bestSellersFor, heldOutSplit } from "../../scripts/seed/readers.mjs";
import { inserts } from "../../scripts/seed/sql.mjs";
import { bearer, buyers } from "../lib/accounts.mjs";
import { demoCatalog } from "../lib/catalog.mjs";
import { APP } from "../lib/runtime.mjs";

const SEED = 20250101;
const DAILY = "30 3 * * *";
const DAY = 86_400_000;
const K = 10;

const percent = (rate) => `${(rate * 100).toFixed(1)}%`;

/** The training history as the recommender's own tables hold it: who bought what in which order, who looked. */
function trainingRows(training, userIdOf, start) {
  const day = (at) => new Date(start + Math.floor(at * 42) * DAY).toISOString().slice(0, 10);
  const purchases = [];
  const viewers = new Map();
  for (const { reader, orders, views } of training) {
    const buyerId = userIdOf(reader);
    orders.forEach((order, n) => {
      for (const isbn13 of order.isbns)
        purchases.push({ order_id: `ord_r${reader}_${n}`, isbn13, buyer_id: buyerId, day: day(order.at), quantity: 1 });
    });
    for (const view of views) {
      const row = { viewer_key: buyerId, isbn13: view.isbn, day: day(view.at), user_id: buyerId };
      viewers.set(`${row.viewer_key}/${row.isbn13}/${row.day}`, row);
    }
  }
  return { purchases, viewers: [...viewers.values()] };
}

export default {
  name: "recommendations",
  title: (ctx) =>
    `Recommendations: hit rate @${K}, held-out last purchases of ${ctx.quick ? "60 readers" : "every reader"}`,
  order: 9,
  baseline: "B1",
  route: { method: "GET", path: "/v1/me/recommendations" },

  async run(ctx) {
    const { rows, db } = await demoCatalog(ctx);
    const { history } = demoReaders({ catalog: rows, seed: SEED, readers: DEMO_READERS });
    const { training, heldOut } = heldOutSplit(history);
    const tested = ctx.quick ? heldOut.slice(0, 60) : heldOut;
    const accounts = await buyers(ctx, tested.length);
    const accountOf = new Map(tested.map((held, i) => [held.reader, accounts[i]]));
    const userIdOf = (reader) => accountOf.get(reader)?.userId ?? `usr_reader_${reader}`;
    const { purchases, viewers } = trainingRows(training, userIdOf, Date.UTC(2026, 9, 1));
    const statements = [
      "DELETE FROM insights_edition_purchases;",
      "DELETE FROM insights_edition_viewers;",
      ...inserts("insights_edition_purchases", purchases),
      ...inserts("insights_edition_viewers", viewers),
    ];
    await db.batch(statements.map((statement) => db.prepare(statement)));
    const worker = await ctx.mf.getWorker(APP);
    await worker.scheduled({ cron: DAILY });

    const trainingOrders = training.flatMap((reader) => reader.orders.map((order) => order.isbns));
    let hits = 0;
    let baselineHits = 0;
    for (const held of tested) {
      const response = await ctx.fetch("/v1/me/recommendations", { headers: bearer(accountOf.get(held.reader)) });
      if (response.status !== 200) throw new Error(`GET /v1/me/recommendations answered ${response.status}`);
      const { items } = await response.json();
      if (items.slice(0, K).some((item) => item.isbn13 === held.isbn13)) hits++;
      const bought = new Set(training.find((reader) => reader.reader === held.reader).orders.flatMap((o) => o.isbns));
      if (bestSellersFor(bought, trainingOrders, K).includes(held.isbn13)) baselineHits++;
    }
    return { readers: tested.length, hitRate: hits / tested.length, baselineHitRate: baselineHits / tested.length };
  },

  verify(_ctx, figures) {
    return {
      ok: figures.hitRate > figures.baselineHitRate,
      notes:
        `hit rate @${K} ${percent(figures.hitRate)} (recommender, GET /v1/me/recommendations) vs ` +
        `${percent(figures.baselineHitRate)} (best sellers not yet bought), ${figures.readers} held-out readers`,
    };
  },
};
