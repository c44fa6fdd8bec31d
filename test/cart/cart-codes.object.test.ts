import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CartDO } from "../../durable-objects/cart";

const line = (listingId: string, quantity = 1) => ({
  listingId,
  quantity,
  coverOptionId: null,
  inscription: null,
  priceSeen: { amount: 1200, currency: "EUR" },
});

describe("CartDO promotion codes", () => {
  it("keeps codes upper-cased, once each, in the order entered, at most five", async () => {
    const cart = env.CART.getByName("user:usr_codes-1");
    await cart.add(line("lst_c1"), 5);
    expect(await cart.addCode(" spring10 ")).toEqual({ ok: true, codes: ["SPRING10"] });
    expect(await cart.addCode("SPRING10")).toEqual({ ok: true, codes: ["SPRING10"] });
    for (const code of ["B", "c", "D", "E"]) await cart.addCode(code);
    expect(await cart.addCode("F")).toEqual({ ok: false, reason: "too_many_codes", maxCodes: 5 });
    expect(await cart.contents()).toMatchObject({ codes: ["SPRING10", "B", "C", "D", "E"] });
    expect(await cart.removeCode("c")).toBe(true);
    expect(await cart.removeCode("C")).toBe(false);
    expect(await cart.addCode("C")).toMatchObject({ codes: ["SPRING10", "B", "D", "E", "C"] });
  });

  it("writes CartUpdated for a code kept or removed, and nothing for one already kept or not held", async () => {
    const cart = env.CART.getByName("user:usr_codes-events");
    const changes = await runInDurableObject(cart, (instance: CartDO, state) => {
      instance.add(line("lst_ce"), 5);
      instance.addCode("spring10");
      instance.addCode("SPRING10");
      instance.removeCode("spring10");
      instance.removeCode("SPRING10");
      return state.storage.sql
        .exec<{ envelope: string }>("SELECT envelope FROM outbox ORDER BY seq")
        .toArray()
        .map((row) => JSON.parse(row.envelope) as { type: string; data: { change: string } })
        .filter((event) => event.type === "CartUpdated")
        .map((event) => event.data.change);
    });
    expect(changes).toEqual(["added", "code_added", "code_removed"]);
  });

  it("clears codes with the lines, and a cart abandoned for thirty days keeps none", async () => {
    const cart = env.CART.getByName("user:usr_codes-2");
    await cart.add(line("lst_c2"), 5);
    await cart.addCode("SPRING10");
    await cart.clear();
    expect(await cart.contents()).toEqual({ lines: [], codes: [] });

    await cart.add(line("lst_c2"), 5);
    await cart.addCode("SPRING10");
    await runInDurableObject(cart, (_, state) => {
      state.storage.sql.exec("UPDATE activity SET last_at = ?", Date.now() - 31 * 24 * 60 * 60 * 1000);
    });
    await runDurableObjectAlarm(cart);
    expect(await cart.contents()).toEqual({ lines: [], codes: [] });
  });

  it("takes a guest's codes after its own at a merge, as many as fit", async () => {
    const user = env.CART.getByName("user:usr_codes-3");
    for (const code of ["A", "B", "C", "D"]) await user.addCode(code);
    const merged = await user.merge([], {}, ["b", "E", "F"]);
    expect(merged).toEqual([]);
    expect(await user.codes()).toEqual(["A", "B", "C", "D", "E"]);

    const fresh = env.CART.getByName("user:usr_codes-4");
    await fresh.merge([{ ...line("lst_c4"), lineId: "lin_guest", addedAt: 1 }], { lst_c4: 1 }, ["SPRING10"]);
    expect(await fresh.contents()).toMatchObject({ lines: [{ listingId: "lst_c4" }], codes: ["SPRING10"] });
  });

  it("gives a cart stored before codes existed its codes table when it wakes", async () => {
    const cart = env.CART.getByName("user:usr_codes-5");
    await cart.add(line("lst_c5"), 5);
    const codes = await runInDurableObject(cart, (_, state) => {
      state.storage.sql.exec("DROP TABLE codes");
      const woken = new CartDO(state, env);
      woken.addCode("SPRING10");
      return woken.contents();
    });
    expect(codes).toMatchObject({ lines: [{ listingId: "lst_c5" }], codes: ["SPRING10"] });
  });
});
