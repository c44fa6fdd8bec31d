// A paid order never exists without stock, and stock is never sold without a paid order: for every (order,
// listing), the units its StockDO reservation committed equal the units of that listing in the order, if the
// order was paid. "Paid" is `orders.paid_at` set: a paid order later cancelled or refunded keeps its commit
// (the copies come back through a restock adjustment), and an order never paid commits nothing.
const key = (orderId, listingId) => `${orderId} / ${listingId}`;

export default {
  name: "units committed = units in paid orders",
  async check({ db, stock, tableExists }) {
    const committed = new Map();
    for (const { levels, reservations } of stock) {
      for (const r of reservations.filter((r) => r.state === "committed")) {
        const k = key(r.orderId, levels?.listingId ?? "?");
        committed.set(k, (committed.get(k) ?? 0) + r.quantity);
      }
    }
    const committedUnits = [...committed.values()].reduce((a, b) => a + b, 0);
    if (!(await tableExists("orders")) || !(await tableExists("order_lines"))) {
      return { status: "not available", detail: `no orders tables yet (issue 6); ${committedUnits} units committed` };
    }

    const { results } = await db
      .prepare(
        `SELECT l.order_id AS order_id, l.listing_id AS listing_id, SUM(l.quantity) AS units
         FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.paid_at IS NOT NULL GROUP BY l.order_id, l.listing_id`,
      )
      .all();
    const paid = new Map(results.map((row) => [key(row.order_id, row.listing_id), row.units]));
    const paidUnits = [...paid.values()].reduce((a, b) => a + b, 0);

    const mismatches = [];
    for (const k of new Set([...committed.keys(), ...paid.keys()])) {
      const [c, p] = [committed.get(k) ?? 0, paid.get(k) ?? 0];
      if (c !== p) mismatches.push(`${k}: ${c} committed, ${p} in the paid order`);
    }
    const totals = `${committedUnits} units committed, ${paidUnits} in paid orders`;
    return mismatches.length
      ? { status: "failed", detail: `${totals}; ${mismatches.slice(0, 10).join("; ")}` }
      : { status: "ok", detail: totals };
  },
};
