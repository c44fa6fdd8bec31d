// Issue 7, scenario 7: checkout and simulated payment, every buyer on a listing of its own (no two buyers want the
// same copy). A round: each buyer's cart is emptied and given one seeded demo-catalog listing (untimed), then all
// buyers check out (POST /v1/checkout, Idempotency-Key, address) and pay (POST /v1/dev/payments/{id}/succeed, the
// simulator's signed webhook), 50 at a time; the figures are those calls. The order becomes paid when the
// PaymentProcessed consumer runs; the round waits for every order to be paid and every cart emptied before the next.
// Since issue 17 every checkout prices one automatic marketplace promotion and German VAT (bench/lib/pricing.mjs).
import { buyers as buyerPool } from "../lib/accounts.mjs";
import { demoCatalog } from "../lib/catalog.mjs";
import { inParallel } from "../lib/client.mjs";
import { figuresOf, percentile, until } from "../lib/flow.mjs";
import { summarize } from "../lib/load.mjs";
import { marketplacePromotion } from "../lib/pricing.mjs";
import { cartsEmptied, checkOutAndPay, fillCarts, paidCount } from "../lib/purchase.mjs";

const STAMP = Date.now().toString(36);
let buyers = [];
let listings = [];
let next = 0;
const outcome = { rounds: [], unpaid: 0, paidSeconds: [], cartsLeftFull: false, orders: [] };

const ms = (n) => (n == null ? "—" : n < 10 ? n.toFixed(1) : String(Math.round(n)));

export default {
  name: "checkout",
  title: "checkout + simulated payment, distinct listings",
  order: 7,
  baseline: "B2",
  target: 0.25,
  route: { method: "POST", path: "/v1/checkout" },

  async setup(ctx) {
    const { rows } = await demoCatalog(ctx);
    // Seeded listings for sale, each bought once: rounds never reuse one.
    listings = rows.listings.filter((l) => l.status === "active" && l.quantity > 0).map((l) => l.id);
    buyers = await buyerPool(ctx, ctx.quick ? 30 : 200);
    ctx.state.promotion = await marketplacePromotion(ctx);
    if (listings.length < buyers.length * ctx.settings.runs)
      throw new Error("not enough seeded listings for the rounds");
  },

  async run(ctx) {
    const db = await ctx.d1();
    const rounds = [];
    for (let round = 1; round <= ctx.settings.runs; round++) {
      // Untimed: one new listing per cart (carts are emptied first: the add-to-cart load filled some).
      const first = next;
      next += buyers.length;
      await fillCarts(ctx, buyers, (i) => listings[first + i]);

      const started = performance.now();
      const results = await inParallel(buyers.length, ctx.settings.connections, (i) =>
        checkOutAndPay(ctx, buyers[i], `bench-${STAMP}-${round}-${i}`),
      );
      const seconds = (performance.now() - started) / 1000;

      const calls = results.flatMap((r) => [r.checkout, r.pay].filter(Boolean));
      const orders = results.map((r) => r.orderId).filter(Boolean);
      outcome.orders.push(...orders);
      const paidStarted = Date.now();
      await until(async () => (await paidCount(db, orders)) === orders.length);
      outcome.paidSeconds.push((Date.now() - paidStarted) / 1000);
      outcome.unpaid += orders.length - (await paidCount(db, orders));
      // The consumer empties a buyer's cart after the order is paid: wait, or it would empty the next round's.
      outcome.cartsLeftFull ||= !(await cartsEmptied(ctx, buyers));
      const kind = (k) => calls.filter((c) => c.kind === k && c.status > 0).map((c) => c.ms);
      rounds.push({
        ...figuresOf(calls, seconds),
        purchases: orders.length,
        purchasesPerSecond: orders.length / seconds,
        checkout: { p50: percentile(kind("checkout"), 50), p99: percentile(kind("checkout"), 99) },
        pay: { p50: percentile(kind("pay"), 50), p99: percentile(kind("pay"), 99) },
      });
    }
    outcome.rounds = rounds;
    return summarize(rounds);
  },

  async verify(ctx, figures) {
    const db = await ctx.d1();
    // Every order ran under the automatic promotion and German VAT: each must carry a discount and tax.
    const priced = await db
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(discount_total > 0 AND tax > 0), 0) AS priced FROM orders " +
          "WHERE id IN (SELECT value FROM json_each(?))",
      )
      .bind(JSON.stringify(outcome.orders))
      .first();
    const mid = outcome.rounds[Math.floor(outcome.rounds.length / 2)];
    const purchases = outcome.rounds.map((r) => r.purchases).join(" / ");
    return {
      ok:
        figures.non2xx === 0 &&
        figures.errors === 0 &&
        outcome.unpaid === 0 &&
        !outcome.cartsLeftFull &&
        priced.n === priced.priced,
      notes:
        `${buyers.length} buyers, each checking out one copy of its own seeded listing and paying, ` +
        `${ctx.settings.connections} at a time; purchases per round ${purchases}, ` +
        `${mid ? mid.purchasesPerSecond.toFixed(1) : "—"} purchases/s; checkout p50/p99 ` +
        `${ms(mid?.checkout.p50)}/${ms(mid?.checkout.p99)} ms, pay ${ms(mid?.pay.p50)}/${ms(mid?.pay.p99)} ms; ` +
        `every order paid by the consumer within ${Math.max(...outcome.paidSeconds).toFixed(1)} s: ` +
        `${outcome.unpaid === 0 ? "yes" : `NO, ${outcome.unpaid} unpaid`}` +
        (outcome.cartsLeftFull ? "; some carts were NOT emptied after payment" : "") +
        `; under one automatic promotion (5% off) and German VAT: ${priced.priced} of ${priced.n} orders ` +
        "carry both a discount and tax",
    };
  },
};
