import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderStatusHistory, orders } from "../../schema/orders";
import { outbox } from "../../schema/platform";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { moveWholeOrder } from "../../workers/orders/plans";
import { changeOrder, loadOrder } from "../../workers/orders/transitions";
import { buildServices } from "../../workers/platform/services";
import { firstRow } from "../support/database";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, placeOrder } from "../support/orders";

const services = buildServices(env, loadConfig(env), createExecutionContext(), createLogger());

async function pendingOrder() {
  const seller = await asSeller();
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
  return (await placeOrder(buyer)).order.id;
}

describe("order transitions", () => {
  it("writes nothing (no history, no event) when the order changed since it was read", async () => {
    const orderId = await pendingOrder();
    const stale = (await loadOrder(db, orderId))!;
    const now = Date.now();
    const first = moveWholeOrder(db, stale, "payment_failed", { actor: "system:test", reason: "first", now });
    await services.outbox.commit(first.statements, first.events);

    const second = moveWholeOrder(db, stale, "expired", { actor: "system:test", reason: "second", now: now + 1 });
    await expect(services.outbox.commit(second.statements, second.events)).rejects.toThrow();

    expect((await firstRow(db.select().from(orders).where(eq(orders.id, orderId)).limit(1)))?.status).toBe(
      "payment_failed",
    );
    const history = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    expect(history.filter((row) => row.reason === "second")).toEqual([]);
    const events = (await db.select().from(outbox).where(eq(outbox.type, "OrderStatusChanged"))).map(
      (row) => JSON.parse(row.envelope).data,
    );
    expect(events.filter((data) => data.orderId === orderId).map((data) => data.reason)).not.toContain("second");
  });

  it("reads the order again and re-plans when it lost a race", async () => {
    const orderId = await pendingOrder();
    const seen: string[] = [];
    let raced = false;
    await changeOrder(services, orderId, async (state) => {
      seen.push(state.order.status);
      if (!raced) {
        raced = true;
        // Another writer moves the order between this plan's read and its commit.
        const other = moveWholeOrder(db, state, "payment_failed", {
          actor: "system:test",
          reason: "other",
          now: Date.now(),
        });
        await services.outbox.commit(other.statements, other.events);
      }
      return {
        ...moveWholeOrder(db, state, "expired", { actor: "system:test", reason: "sweep", now: Date.now() }),
        result: 1,
      };
    });
    expect(seen).toEqual(["pending_payment", "payment_failed"]);
    const history = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    expect(history.filter((row) => row.sellerOrderId === null).map((row) => [row.fromStatus, row.toStatus])).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "payment_failed"],
      ["payment_failed", "expired"],
    ]);
  });

  it("refuses a move the state machine does not allow with 409 invalid_transition", async () => {
    const orderId = await pendingOrder();
    await expect(
      changeOrder(services, orderId, (state) => ({
        ...moveWholeOrder(db, state, "refunded", { actor: "system:test", reason: null, now: Date.now() }),
        result: undefined,
      })),
    ).rejects.toMatchObject({ code: "invalid_transition" });
  });
});
