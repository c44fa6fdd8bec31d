import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { guardUnpaidOrders } from "../../workers/orders/store";
import { createDb } from "../../workers/platform/db";

/**
 * Checkout counts the buyer's unpaid orders still on hold in the batch that writes the order. The count walks the
 * buyer's own entries of orders_buyer_unpaid_idx: along orders_hold_idx it would read every buyer's pending orders,
 * which is what a sale with many buyers checking out at once has most of.
 */
describe("checkout's query plans", () => {
  it("counts a buyer's unpaid orders along the buyer's own index entries", async () => {
    const statement = guardUnpaidOrders(createDb(env.DB), { id: "ord_1", buyerId: "usr_1" }, Date.now(), 5).toSQL();
    const result = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
      .bind(...(statement.params as unknown[]))
      .all<{ detail: string }>();
    const steps = result.results.map((row) => row.detail).join("\n");
    expect(steps).toContain("orders_buyer_unpaid_idx");
    expect(steps).not.toContain("orders_hold_idx");
  });
});
