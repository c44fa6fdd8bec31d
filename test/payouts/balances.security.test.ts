import { describe, expect, it } from "vitest";
import { eventually } from "../support/eventually";
import { api, asSeller, signUp } from "../support/identity";
import { paidTwoSellerOrder } from "../support/orders";
import {
  balanceOf,
  completeSellerOrder,
  enablePayouts,
  journalPosted,
  ledgerOf,
  payoutsOf,
  transferRow,
} from "../support/payouts";

const PATHS = ["/v1/seller/balance", "/v1/seller/ledger", "/v1/seller/payouts"];

describe("balance, ledger and payouts, security", () => {
  it("need a signed-in seller", async () => {
    const buyer = await signUp();
    for (const path of PATHS) {
      expect((await api(path)).status, path).toBe(401);
      expect((await api(path, { headers: { authorization: "Bearer not-a-token" } })).status, path).toBe(401);
      expect((await api(path, { headers: buyer.auth })).status, path).toBe(403);
    }
  });

  it("show each seller only their own money: the other seller of the same order sees nothing of it", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([2000, 3000]);
    const [paidSeller, otherSeller] = sellers;
    await enablePayouts(paidSeller);
    await journalPosted(parts[0].id, "fee");
    await journalPosted(parts[1].id, "fee");
    await completeSellerOrder(parts[0], order.id);
    await eventually(async () => ((await transferRow(parts[0].id))?.status === "sent" ? true : undefined));

    const theirs = await ledgerOf(otherSeller, "?limit=100");
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((entry) => entry.sellerOrderId === parts[1].id)).toBe(true);
    expect((await payoutsOf(otherSeller)).items).toEqual([]);
    expect((await balanceOf(otherSeller)).paid.amount).toBe(0);

    const stranger = await asSeller();
    expect((await ledgerOf(stranger)).items).toEqual([]);
    expect((await payoutsOf(stranger)).items).toEqual([]);
    // A cursor from the paid seller's pages reads nothing of theirs for another seller.
    const page = await ledgerOf(paidSeller, "?limit=1");
    expect(page.nextCursor).not.toBeNull();
    expect((await ledgerOf(stranger, `?limit=100&cursor=${page.nextCursor}`)).items).toEqual([]);
    for (const path of PATHS) {
      const body = await (await api(path, { headers: stranger.auth })).text();
      expect(body).not.toContain(parts[0].id);
    }
  });
});
