// Issue 7, scenario 8: the flash sale. One listing with one copy; 500 buyers (50 with --quick) each have it in their
// cart, then all check out at the same moment, one connection each, and whoever gets a 201 pays at once. Exactly
// one may win: paid orders, oversold units (must be 0), rejected buyers (409 out_of_stock) and their p99 are
// reported, and the sale's wall time is compared with B2 answering the same number of calls at the same
// concurrency (target: within 2 ×).
import { baselines } from "../baselines/index.mjs";
import { benchSeller, buyers as buyerPool } from "../lib/accounts.mjs";
import { call, figuresOf, percentile, until } from "../lib/flow.mjs";
import { checkOutAndPay, fillCarts } from "../lib/purchase.mjs";

const COPIES = 1;
const STAMP = Date.now().toString(36);
const THE_HOBBIT = "9780261102217";

let buyers = [];
let listingId;
const sale = {};

const fmt = (n) => n.toLocaleString("en");
const ms = (n) => (n == null ? "—" : n < 10 ? n.toFixed(1) : String(Math.round(n)));

/** Units of the listing in paid orders, and those orders. */
async function paidUnits(db, listing) {
  const row = await db
    .prepare(
      `SELECT count(DISTINCT o.id) AS orders, coalesce(sum(l.quantity), 0) AS units
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.listing_id = ? AND o.paid_at IS NOT NULL`,
    )
    .bind(listing)
    .first();
  return { orders: row.orders, units: row.units };
}

export default {
  name: "flash-sale",
  title: (ctx) => `flash sale: ${ctx.quick ? 50 : 500} buyers, one 1-copy listing`,
  order: 8,
  baseline: "B2",
  route: { method: "POST", path: "/v1/checkout" },

  async setup(ctx) {
    const seller = await benchSeller(ctx);
    listingId = await seller.list({ isbn: THE_HOBBIT, quantity: COPIES, price: 4999 });
    buyers = await buyerPool(ctx, ctx.quick ? 50 : 500);
  },

  async run(ctx) {
    // Untimed: every buyer's cart holds the listing and nothing else (adding holds nothing; checkout does).
    await fillCarts(ctx, buyers, () => listingId);

    const started = performance.now();
    const results = await Promise.all(buyers.map((buyer, i) => checkOutAndPay(ctx, buyer, `flash-${STAMP}-${i}`)));
    sale.seconds = (performance.now() - started) / 1000;
    const calls = results.flatMap((r) => [r.checkout, r.pay].filter(Boolean));
    sale.calls = calls.length;
    sale.winners = results.filter((r) => r.orderId).length;
    const rejected = results.filter((r) => r.checkout.status === 409);
    sale.rejected = rejected.length;
    sale.rejectedCodes = [...new Set(rejected.map((r) => r.checkout.body?.code))].join(", ");
    sale.rejectedP99 = percentile(
      rejected.map((r) => r.checkout.ms),
      99,
    );
    sale.serverErrors = calls.filter((c) => c.status >= 500).length;
    sale.unanswered = calls.filter((c) => c.status === 0).length;
    sale.otherStatuses = [
      ...new Set(
        calls.filter((c) => c.status > 0 && c.status < 500 && ![200, 201, 409].includes(c.status)).map((c) => c.status),
      ),
    ];

    // B2 answering as many calls, all at once from as many connections, through the same client.
    const [b2] = baselines.find((b) => b.id === "B2").requests(ctx);
    const b2Started = performance.now();
    const b2Calls = await Promise.all(
      Array.from({ length: calls.length }, () => call(ctx.urls.B2, "b2", b2.setupRequest({ method: b2.method }))),
    );
    sale.b2Seconds = (performance.now() - b2Started) / 1000;
    sale.b2Failed = b2Calls.filter((c) => c.status < 200 || c.status > 299).length;

    // The winner's order becomes paid when the payment consumer runs.
    const db = await ctx.d1();
    await until(async () => (await paidUnits(db, listingId)).orders >= sale.winners, 30_000);
    Object.assign(sale, await paidUnits(db, listingId));
    const stock = await (await ctx.durableObjects("STOCK")).get(
      (await ctx.durableObjects("STOCK")).idFromName(listingId),
    );
    sale.stock = (await stock.snapshot()).levels;
    return figuresOf(calls, sale.seconds);
  },

  async verify(_ctx, figures) {
    const oversold = Math.max(0, sale.units - COPIES);
    const withinTarget = sale.seconds <= 2 * sale.b2Seconds;
    const answered = sale.serverErrors === 0 && sale.unanswered === 0 && figures.errors === 0;
    return {
      ok: oversold === 0 && answered && sale.orders === 1 && sale.otherStatuses.length === 0,
      notes:
        `${fmt(buyers.length)} buyers at once for ${COPIES} copy: paid orders ${sale.orders}, oversold units ${oversold}, ` +
        `rejected buyers ${sale.rejected} (${sale.rejectedCodes || "—"}, p99 ${ms(sale.rejectedP99)} ms), ` +
        `5xx ${sale.serverErrors}, unanswered ${sale.unanswered}; stock after: on hand ${sale.stock?.onHand}, ` +
        `available ${sale.stock?.available}; sale ${sale.calls} calls in ${sale.seconds.toFixed(2)} s vs B2 ` +
        `${sale.calls} calls at once in ${sale.b2Seconds.toFixed(2)} s${sale.b2Failed ? ` (${sale.b2Failed} failed)` : ""} ` +
        `(×${(sale.seconds / sale.b2Seconds).toFixed(2)}; target ≤ ×2: ${withinTarget ? "met" : "MISSED"})`,
    };
  },
};
