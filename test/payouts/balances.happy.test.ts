import { describe, expect, it } from "vitest";
import { eventually } from "../support/eventually";
import { asSeller } from "../support/identity";
import { paidTwoSellerOrder } from "../support/orders";
import {
  balanceOf,
  completeSellerOrder,
  enablePayouts,
  feeOn,
  journalPosted,
  ledgerOf,
  payoutsOf,
  saleOf,
  transferRow,
} from "../support/payouts";

const eur = (amount: number) => ({ amount, currency: "EUR" });

describe("a seller's balance, ledger and payouts", () => {
  it("starts at nothing for a seller who sold nothing", async () => {
    await paidTwoSellerOrder();
    const seller = await asSeller();
    expect(await balanceOf(seller)).toEqual({ pending: eur(0), available: eur(0), held: eur(0), paid: eur(0) });
    expect(await ledgerOf(seller)).toEqual({ items: [], nextCursor: null });
    expect(await payoutsOf(seller)).toEqual({ items: [], nextCursor: null });
  });

  it("lists the seller's entries newest first, page by page, and their transfers", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([1800, 900]);
    const [seller] = sellers;
    const [part] = parts;
    await enablePayouts(seller);
    await journalPosted(part.id, "fee");
    await completeSellerOrder(part, order.id);
    const transfer = await eventually(async () => {
      const row = await transferRow(part.id);
      return row?.status === "sent" ? row : undefined;
    });

    const everything = await ledgerOf(seller, "?limit=100");
    expect(everything.nextCursor).toBeNull();
    // The seller's side of every movement: the sale and fee, the release, the transfer.
    expect(everything.items.map((entry) => `${entry.kind}:${entry.account}`).sort()).toEqual([
      "fee:seller_pending",
      "release:seller_available",
      "release:seller_pending",
      "sale:seller_pending",
      "transfer:seller_available",
      "transfer:seller_paid",
    ]);
    expect(everything.items.at(-1)?.kind).toMatch(/^(sale|fee)$/);
    const times = everything.items.map((entry) => Date.parse(entry.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(everything.items[0]).toMatchObject({ kind: "transfer", orderId: order.id, sellerOrderId: part.id });

    // Two at a time, the same entries in the same order, none twice.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await ledgerOf(seller, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everything.items.map((entry) => entry.id));

    const earned = saleOf(part);
    expect(await balanceOf(seller)).toEqual({
      pending: eur(0),
      available: eur(0),
      held: eur(0),
      paid: eur(earned - feeOn(earned)),
    });
    const payouts = await payoutsOf(seller);
    expect(payouts).toMatchObject({
      items: [
        {
          id: transfer.id,
          orderId: order.id,
          sellerOrderId: part.id,
          amount: eur(earned - feeOn(earned)),
          reversed: eur(0),
          status: "sent",
          providerTransferId: transfer.providerTransferId,
          reversals: [],
        },
      ],
      nextCursor: null,
    });
  });
});
