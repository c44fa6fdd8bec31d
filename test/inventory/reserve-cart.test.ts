import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { availability, releaseHolds, reserveCart, setStock } from "../../workers/inventory/service";

const MINUTE = 60_000;

async function stocked(listings: Record<string, number>) {
  for (const [listingId, quantity] of Object.entries(listings)) await setStock(env.STOCK, listingId, quantity);
}

describe("reserveCart", () => {
  it("holds every listing of a cart with one expiry, or nothing at all", async () => {
    await stocked({ lst_rc_a: 2, lst_rc_b: 1 });
    const held = await reserveCart(
      env.STOCK,
      "ord_rc_1",
      [
        { listingId: "lst_rc_a", quantity: 1 },
        { listingId: "lst_rc_b", quantity: 1 },
      ],
      MINUTE,
    );
    expect(held.ok).toBe(true);
    const refused = await reserveCart(
      env.STOCK,
      "ord_rc_2",
      [
        { listingId: "lst_rc_a", quantity: 1 },
        { listingId: "lst_rc_b", quantity: 1 },
      ],
      MINUTE,
    );
    expect(refused).toEqual({ ok: false, shortages: [{ listingId: "lst_rc_b", requested: 1, available: 0 }] });
    // The copy of lst_rc_a taken before lst_rc_b fell short was given back.
    expect(await availability(env.STOCK, ["lst_rc_a", "lst_rc_b"])).toEqual({ lst_rc_a: 1, lst_rc_b: 0 });
  });

  it("counts two lines of the same single-copy listing (different covers) together", async () => {
    await stocked({ lst_rc_single: 1 });
    const result = await reserveCart(
      env.STOCK,
      "ord_rc_covers",
      [
        { listingId: "lst_rc_single", quantity: 1 },
        { listingId: "lst_rc_single", quantity: 1 },
      ],
      MINUTE,
    );
    expect(result).toEqual({ ok: false, shortages: [{ listingId: "lst_rc_single", requested: 2, available: 1 }] });
    expect(await availability(env.STOCK, ["lst_rc_single"])).toEqual({ lst_rc_single: 1 });
  });

  it("is idempotent for a retried checkout of the same order", async () => {
    await stocked({ lst_rc_retry: 3 });
    const demand = [{ listingId: "lst_rc_retry", quantity: 2 }];
    await reserveCart(env.STOCK, "ord_rc_retry", demand, MINUTE);
    await reserveCart(env.STOCK, "ord_rc_retry", demand, MINUTE);
    expect(await availability(env.STOCK, ["lst_rc_retry"])).toEqual({ lst_rc_retry: 1 });
  });

  it("never holds more than is stocked when 50 carts race for overlapping listings", async () => {
    const listings = ["lst_race_0", "lst_race_1", "lst_race_2", "lst_race_3", "lst_race_4"];
    await stocked(Object.fromEntries(listings.map((id) => [id, 5])));
    const carts = Array.from({ length: 50 }, (_, i) => ({
      orderId: `ord_race_${i}`,
      demand: [0, 1, 2].map((k) => ({ listingId: listings[(i + k * 2) % listings.length]!, quantity: 2 })),
    }));
    const results = await Promise.all(carts.map((cart) => reserveCart(env.STOCK, cart.orderId, cart.demand, MINUTE)));

    const heldPerListing = Object.fromEntries(listings.map((id) => [id, 0]));
    for (const [i, result] of results.entries()) {
      if (result.ok) for (const line of carts[i]!.demand) heldPerListing[line.listingId]! += line.quantity;
    }
    for (const listingId of listings) {
      const { levels, reservations } = await env.STOCK.getByName(listingId).snapshot();
      const held = reservations.filter((r) => r.state === "held");
      expect(levels!.held).toBeLessThanOrEqual(5);
      expect(levels!.held).toBe(heldPerListing[listingId]);
      // Every hold belongs to a cart whose whole reservation succeeded.
      for (const hold of held) expect(results[Number(hold.orderId.split("_").at(-1))]?.ok).toBe(true);
    }
    expect(results.some((result) => result.ok)).toBe(true);
    expect(results.some((result) => !result.ok)).toBe(true);
  });

  it("releases holds as the compensation of a failed checkout", async () => {
    await stocked({ lst_rc_comp: 1 });
    const result = await reserveCart(env.STOCK, "ord_rc_comp", [{ listingId: "lst_rc_comp", quantity: 1 }], MINUTE);
    if (!result.ok) throw new Error("expected a hold");
    await releaseHolds(env.STOCK, result.holds);
    expect(await availability(env.STOCK, ["lst_rc_comp"])).toEqual({ lst_rc_comp: 1 });
  });
});
