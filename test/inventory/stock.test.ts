import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StockDO } from "../../durable-objects/stock";
import { eventually } from "../support/eventually";

const MINUTE = 60_000;
let counter = 0;

async function listingWith(quantity: number, lowThreshold?: number) {
  const listingId = `lst_stock_${++counter}`;
  const stock = env.STOCK.getByName(listingId);
  const result = await stock.setQuantity(listingId, quantity, lowThreshold);
  expect(result.ok).toBe(true);
  return { listingId, stock };
}

describe("StockDO", () => {
  it("lets exactly one of 100 concurrent reservations take a single copy", async () => {
    const { stock } = await listingWith(1);
    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stock.reserve(`rsv_${i}`, `ord_${i}`, 1, 15 * MINUTE)),
    );
    const winners = attempts.filter((attempt) => attempt.ok);
    expect(winners).toHaveLength(1);
    expect(
      attempts.filter((a) => !a.ok).every((a) => !a.ok && a.reason === "insufficient_stock" && a.available === 0),
    ).toBe(true);
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 1, held: 1, available: 0 });
  });

  it("refuses a reservation larger than what is available and says what is left", async () => {
    const { stock } = await listingWith(3);
    expect(await stock.reserve("rsv_a", "ord_a", 2, MINUTE)).toMatchObject({ ok: true, available: 1 });
    expect(await stock.reserve("rsv_b", "ord_b", 2, MINUTE)).toEqual({
      ok: false,
      reason: "insufficient_stock",
      available: 1,
    });
  });

  it("gives a repeated reserve, commit or release with the same id one effect", async () => {
    const { stock } = await listingWith(5);
    await stock.reserve("rsv_1", "ord_1", 2, MINUTE);
    await stock.reserve("rsv_1", "ord_1", 2, MINUTE);
    expect((await stock.snapshot()).levels).toMatchObject({ held: 2, available: 3 });
    await stock.commit("rsv_1");
    await stock.commit("rsv_1");
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 3, held: 0, available: 3 });
    await stock.reserve("rsv_2", "ord_2", 1, MINUTE);
    expect(await stock.release("rsv_2")).toEqual({ ok: true, released: true });
    expect(await stock.release("rsv_2")).toEqual({ ok: true, released: false });
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 3, available: 3 });
    await stock.restock("adj_1", 2, "return");
    await stock.restock("adj_1", 2, "return");
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 5 });
  });

  it("releases an expired hold exactly once from its alarm, after which a commit fails cleanly", async () => {
    const { stock } = await listingWith(1);
    const held = await stock.reserve("rsv_exp", "ord_exp", 1, 1);
    expect(held.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runDurableObjectAlarm(stock);
    await runDurableObjectAlarm(stock);
    const { levels, reservations } = await stock.snapshot();
    expect(levels).toMatchObject({ held: 0, available: 1 });
    expect(reservations).toMatchObject([{ reservationId: "rsv_exp", state: "released" }]);
    expect(await stock.commit("rsv_exp")).toEqual({ ok: false, reason: "released" });
    expect(await stock.reserve("rsv_exp", "ord_exp", 1, MINUTE)).toMatchObject({ ok: false, reason: "released" });
  });

  it("does not commit a hold whose time ran out even before the alarm ran", async () => {
    const { stock } = await listingWith(1);
    await stock.reserve("rsv_late", "ord_late", 1, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await stock.commit("rsv_late")).toEqual({ ok: false, reason: "released" });
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 1, available: 1 });
  });

  it("never lets the seller set the quantity below what is held, and refuses to release a sold copy", async () => {
    const { listingId, stock } = await listingWith(4);
    await stock.reserve("rsv_h", "ord_h", 3, MINUTE);
    expect(await stock.setQuantity(listingId, 2)).toEqual({ ok: false, reason: "below_held", held: 3 });
    expect(await stock.setQuantity(listingId, 3)).toMatchObject({ ok: true, levels: { available: 0 } });
    await stock.commit("rsv_h");
    expect(await stock.release("rsv_h")).toEqual({ ok: false, reason: "committed" });
  });

  it("writes its events with the change and relays them from its alarm, warning when stock runs low", async () => {
    const { stock } = await listingWith(3, 1);
    const pending = (state: DurableObjectState) =>
      state.storage.sql
        .exec<{ envelope: string }>("SELECT envelope FROM outbox ORDER BY seq")
        .toArray()
        .map((row) => (JSON.parse(row.envelope) as { type: string }).type);
    // Read in the same turn as the change, before the alarm can relay anything.
    const written = await runInDurableObject(stock, (instance: StockDO, state) => {
      instance.reserve("rsv_low", "ord_low", 2, MINUTE);
      return pending(state);
    });
    expect(written.slice(-2)).toEqual(["StockReserved", "StockLow"]);
    // The alarm was set for now: it relays without anyone asking.
    await eventually(async () =>
      (await runInDurableObject(stock, (_instance, state) => pending(state))).length === 0 ? true : undefined,
    );
  });
});

describe("StockDO.initialize", () => {
  it("sets the first count once and never overwrites levels the object already has", async () => {
    const listingId = `lst_stock_init_${++counter}`;
    const stock = env.STOCK.getByName(listingId);
    expect(await stock.initialize(listingId, 3)).toMatchObject({ onHand: 3, available: 3, version: 1 });
    await stock.reserve("rsv_init", "ord_init", 2, MINUTE);
    await stock.commit("rsv_init");
    expect(await stock.initialize(listingId, 3)).toMatchObject({ onHand: 1, available: 1 });
    expect((await stock.snapshot()).levels).toMatchObject({ onHand: 1 });
  });
});

describe("StockDO low-stock threshold", () => {
  it("starts with the threshold it is initialized with, and changes it alone without a new version or event", async () => {
    const listingId = `lst_stock_threshold_${++counter}`;
    const stock = env.STOCK.getByName(listingId);
    expect(await stock.setLowThreshold(2)).toBeNull();
    expect((await stock.snapshot()).levels).toBeNull();
    const started = await stock.initialize(listingId, 4, 2);
    expect(started).toMatchObject({ onHand: 4, lowThreshold: 2 });
    expect(await stock.setLowThreshold(3)).toEqual({ ...started, lowThreshold: 3 });
    // Counted in one turn, before and after, so a relay of earlier events cannot change the count between.
    const pending = await runInDurableObject(stock, (instance: StockDO, state) => {
      const count = () => state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM outbox").one().n;
      const before = count();
      instance.setLowThreshold(5);
      return { before, after: count() };
    });
    expect(pending.after).toBe(pending.before);
  });
});
