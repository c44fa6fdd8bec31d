import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { simulatedProviderRecords } from "../../schema/payments";
import { eventually } from "../support/eventually";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, getOrder, paidOrder, paidTwoSellerOrder, refund } from "../support/orders";
import {
  balanceOf,
  completeSellerOrder,
  enablePayouts,
  entriesOf,
  feeOn,
  journalPosted,
  payoutsOf,
  reversalRows,
  saleOf,
  transferRow,
} from "../support/payouts";
import { aPromotion } from "../support/promotion-rows";

const eur = (amount: number) => ({ amount, currency: "EUR" });

const sentTransfer = (sellerOrderId: string) =>
  eventually(async () => {
    const row = await transferRow(sellerOrderId);
    return row?.status === "sent" ? row : undefined;
  });

const simulatedTransfers = (transferGroup: string) =>
  db.select().from(simulatedProviderRecords).where(eq(simulatedProviderRecords.transferGroup, transferGroup));

describe("seller payouts", () => {
  it("posts a paid order's sale and fee as pending, and transfers what is left when the seller order completes", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([1000, 4000]);
    await enablePayouts(sellers[0]);
    const [part] = parts;
    const earned = saleOf(part);
    await journalPosted(part.id, "fee");
    expect(await balanceOf(sellers[0])).toEqual({
      pending: eur(earned - feeOn(earned)),
      available: eur(0),
      held: eur(0),
      paid: eur(0),
    });

    await completeSellerOrder(part, order.id);
    const transfer = await sentTransfer(part.id);
    expect(transfer).toMatchObject({
      amount: earned - feeOn(earned),
      orderId: order.id,
      sellerId: sellers[0].sellerId,
    });
    expect(await balanceOf(sellers[0])).toEqual({
      pending: eur(0),
      available: eur(0),
      held: eur(0),
      paid: eur(earned - feeOn(earned)),
    });
    // The simulator made the transfer, in the order's transfer group, keyed by the transfer's own id.
    const [made] = (await simulatedTransfers(order.id)).filter((record) => record.kind === "transfer");
    expect(made).toMatchObject({
      id: transfer.providerTransferId,
      amount: transfer.amount,
      idempotencyKey: transfer.id,
    });

    // The other seller's part is still pending, and completing the first did not touch it.
    const other = await balanceOf(sellers[1]);
    expect(other.paid).toEqual(eur(0));
    expect(other.pending.amount).toBeGreaterThan(0);
  });

  it("keeps a completed seller order available until the seller's account takes payouts, then transfers it", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([1500, 2500]);
    const part = parts[1];
    await journalPosted(part.id, "fee");
    await completeSellerOrder(part, order.id);
    await journalPosted(part.id, "release");
    const kept = saleOf(part);
    expect(await balanceOf(sellers[1])).toMatchObject({ pending: eur(0), available: eur(kept - feeOn(kept)) });
    expect(await transferRow(part.id)).toBeUndefined();

    await enablePayouts(sellers[1]);
    expect((await sentTransfer(part.id)).amount).toBe(kept - feeOn(kept));
    expect(await balanceOf(sellers[1])).toMatchObject({ available: eur(0), paid: eur(kept - feeOn(kept)) });
  });

  it("transfers exactly the lines less seller-funded discounts, fee and refunds, and reverses a later refund", async () => {
    const seller = await asSeller();
    await enablePayouts(seller);
    const discounted = await listBook(seller, { price: 1000, quantity: 2 });
    const promoted = await listBook(seller, { price: 2000, quantity: 1 });
    // 10 % off the first book, the seller's own promotion; 25 % off the second, the marketplace's.
    const targets = (listingId: string) => ({ listingIds: [listingId], categoryIds: [], conditions: [], formats: [] });
    await aPromotion(seller, { code: null, percentOff: 10, targets: targets(discounted.id) });
    await aPromotion(null, { code: null, percentOff: 25, targets: targets(promoted.id) });
    const buyer = await signUp();
    await addToCart(buyer, discounted.id, { quantity: 2 });
    await addToCart(buyer, promoted.id);
    const { order } = await paidOrder(buyer);
    const [part] = order.sellerOrders;
    const lineOf = (listingId: string) => part!.lines.find((line) => line.listingId === listingId)!;
    expect(lineOf(discounted.id).discounts).toMatchObject([{ fundedBy: "seller", amount: eur(200) }]);
    expect(lineOf(promoted.id).discounts).toMatchObject([{ fundedBy: "platform", amount: eur(500) }]);
    const shipping = part!.totals.shipping!.amount;
    // The sale is 4000 + shipping before any discount; the seller carries only their own 200.
    const earned = 4000 + shipping - 200;
    await journalPosted(part!.id, "fee");
    const kinds = Object.fromEntries(
      (await entriesOf(part!.id)).filter((e) => e.account === "seller_pending").map((e) => [e.kind, e.amount]),
    );
    expect(kinds).toEqual({ sale: 4000 + shipping, discount: -200, fee: -feeOn(earned) });

    // The buyer gets back the 1500 they paid for the promoted copy; the seller gives back the 2000 they earned on
    // it (the marketplace takes back its own 500), less the fee on it: the fee is worked out again on the rest.
    const refunded = await refund(seller, order.id, { lines: [{ lineId: lineOf(promoted.id).id }], reason: "damaged" });
    expect(refunded.status).toBe(201);
    await journalPosted(part!.id, "refund");
    const kept = earned - 2000;
    expect((await balanceOf(seller)).pending).toEqual(eur(kept - feeOn(kept)));

    await completeSellerOrder(part!, order.id);
    const transfer = await sentTransfer(part!.id);
    expect(transfer.amount).toBe(kept - feeOn(kept));

    // One discounted copy back after the transfer: the transfer is reversed by the seller's share of it.
    const second = await refund(seller, order.id, {
      lines: [{ lineId: lineOf(discounted.id).id, quantity: 1 }],
      reason: "lost",
    });
    expect(second.status).toBe(201);
    const buyerGotBack = (await getOrder(buyer, order.id)).refunds.find((r) => r.reason === "lost")!.amount.amount;
    const reversal = await eventually(async () => {
      const [row] = await reversalRows(transfer.id);
      return row?.status === "sent" ? row : undefined;
    });
    const afterwards = kept - buyerGotBack;
    expect(reversal.amount).toBe(kept - feeOn(kept) - (afterwards - feeOn(afterwards)));
    expect(await transferRow(part!.id)).toMatchObject({ reversedAmount: reversal.amount });
    expect(await balanceOf(seller)).toEqual({
      pending: eur(0),
      available: eur(0),
      held: eur(0),
      paid: eur(afterwards - feeOn(afterwards)),
    });
    expect((await payoutsOf(seller)).items).toMatchObject([
      {
        id: transfer.id,
        reversed: eur(reversal.amount),
        reversals: [{ id: reversal.id, reference: reversal.reference, amount: eur(reversal.amount), status: "sent" }],
      },
    ]);
    const records = await simulatedTransfers(order.id);
    expect(records.filter((record) => record.kind === "reversal")).toMatchObject([
      { parentId: transfer.providerTransferId, amount: reversal.amount, idempotencyKey: reversal.id },
    ]);
  });
});
