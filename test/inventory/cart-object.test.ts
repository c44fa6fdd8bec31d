import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CartDO } from "../../durable-objects/cart";

const price = { amount: 1200, currency: "EUR" };
const line = (listingId: string, quantity: number, coverOptionId: string | null = null) => ({
  listingId,
  quantity,
  coverOptionId,
  inscription: null,
  priceSeen: price,
});

describe("CartDO", () => {
  it("adds up the same listing and cover on one line, and checks stock across lines with other covers", async () => {
    const cart = env.CART.getByName("user:cart-1");
    expect((await cart.add(line("lst_1", 1), 2)).ok).toBe(true);
    expect((await cart.add(line("lst_1", 1), 2)).ok).toBe(true);
    expect(await cart.lines()).toHaveLength(1);
    expect(await cart.add(line("lst_1", 1, "cov_leather"), 2)).toEqual({
      ok: false,
      reason: "insufficient_stock",
      listingId: "lst_1",
      available: 2,
      inCart: 2,
    });
  });

  it("keeps different cover choices of one listing on separate lines", async () => {
    const cart = env.CART.getByName("user:cart-2");
    await cart.add(line("lst_2", 1), 3);
    await cart.add(line("lst_2", 1, "cov_gold"), 3);
    const lines = await cart.lines();
    expect(lines.map((l) => l.coverOptionId)).toEqual([null, "cov_gold"]);
    const gold = lines[1]!;
    expect((await cart.setQuantity(gold.lineId, 3, 3)).ok).toBe(false);
    expect((await cart.setQuantity(gold.lineId, 2, 3)).ok).toBe(true);
  });

  it("merges a guest cart, adding up matching lines and capping at stock", async () => {
    const guest = env.CART.getByName("guest:g-1");
    await guest.add(line("lst_3", 2), 5);
    await guest.add(line("lst_4", 1), 1);
    const user = env.CART.getByName("user:cart-3");
    await user.add(line("lst_3", 2), 5);
    const merged = await user.merge(await guest.lines(), { lst_3: 3, lst_4: 1 });
    expect(merged.map((l) => [l.listingId, l.quantity])).toEqual([
      ["lst_3", 3],
      ["lst_4", 1],
    ]);
  });

  it("keeps a recently used cart and empties one untouched for 30 days when its alarm fires", async () => {
    const cart = env.CART.getByName("user:cart-4");
    await cart.add(line("lst_5", 1), 1);
    await runDurableObjectAlarm(cart);
    expect(await cart.lines()).toHaveLength(1);
    await runInDurableObject(cart, (_instance, state) => {
      state.storage.sql.exec("UPDATE activity SET last_at = ?", Date.now() - 31 * 24 * 60 * 60 * 1000);
    });
    await runDurableObjectAlarm(cart);
    expect(await cart.lines()).toEqual([]);
  });

  it("writes CartUpdated and ProductAddedToCart with the change", async () => {
    const cart = env.CART.getByName("user:usr_events");
    const types = await runInDurableObject(cart, (instance: CartDO, state) => {
      instance.add(line("lst_6", 2), 5);
      return state.storage.sql
        .exec<{ envelope: string }>("SELECT envelope FROM outbox ORDER BY seq")
        .toArray()
        .map((row) => JSON.parse(row.envelope) as { type: string; data: Record<string, unknown> });
    });
    expect(types.map((event) => event.type)).toEqual(["ProductAddedToCart", "CartUpdated"]);
    expect(types[1]?.data).toMatchObject({ userId: "usr_events", change: "added", lineCount: 1, itemCount: 2 });
  });
});
