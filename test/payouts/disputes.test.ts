import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../../workers/lib/ids";
import { allocate } from "../../workers/lib/money";
import { eventually } from "../support/eventually";
import { paidTwoSellerOrder } from "../support/orders";
import {
  balanceOf,
  completeSellerOrder,
  enablePayouts,
  feeOn,
  journalPosted,
  paymentDisputeClosed,
  paymentDisputed,
  reversalRows,
  saleOf,
  sellerOrderBalance,
  transferRow,
} from "../support/payouts";

const eur = (amount: number) => ({ amount, currency: "EUR" });

type Placed = Awaited<ReturnType<typeof paidTwoSellerOrder>>;

async function dispute(placed: Placed, disputeId = newId("dsp")) {
  await env.ORDER_EVENTS.send(paymentDisputed(placed, disputeId), { contentType: "json" });
  return disputeId;
}

async function closeDispute(placed: Placed, disputeId: string, outcome: "won" | "lost") {
  await env.ORDER_EVENTS.send(paymentDisputeClosed(placed, disputeId, outcome), { contentType: "json" });
}

/** What each seller earns on their part, less the fee: what a dispute may freeze of it. */
const netOf = (part: Placed["parts"][number]) => {
  const earned = saleOf(part);
  return earned - feeOn(earned);
};

/** The disputed total shared pro rata to the seller orders' sales. */
const sharesOf = (placed: Placed) =>
  allocate(
    placed.order.totals.total.amount,
    placed.parts.map((part) => saleOf(part)),
  );

describe("disputes", () => {
  it("freeze each seller order's share, hold its transfer back, and release both when the dispute is won", async () => {
    const placed = await paidTwoSellerOrder([1000, 3000]);
    const { sellers, parts, order } = placed;
    await enablePayouts(sellers[0]);
    await journalPosted(parts[1].id, "fee");
    const disputeId = await dispute(placed);
    await journalPosted(parts[0].id, "dispute_hold");
    await journalPosted(parts[1].id, "dispute_hold");
    const shares = sharesOf(placed);
    // A share larger than the seller's net is held only up to what they have.
    for (const [index, part] of parts.entries()) {
      expect(await sellerOrderBalance(part.id, "seller_held")).toBe(Math.min(shares[index]!, netOf(part)));
    }
    expect((await balanceOf(sellers[0])).held.amount).toBeGreaterThan(0);

    // Completed while frozen: released to available, but no transfer while anything is held.
    await completeSellerOrder(parts[0], order.id);
    await journalPosted(parts[0].id, "release");
    expect(await transferRow(parts[0].id)).toBeUndefined();

    await closeDispute(placed, disputeId, "won");
    const transfer = await eventually(async () => {
      const row = await transferRow(parts[0].id);
      return row?.status === "sent" ? row : undefined;
    });
    expect(transfer.amount).toBe(netOf(parts[0]));
    expect(await balanceOf(sellers[0])).toEqual({
      pending: eur(0),
      available: eur(0),
      held: eur(0),
      paid: eur(netOf(parts[0])),
    });
    // The seller order not completed yet is back to pending.
    await journalPosted(parts[1].id, "dispute_release");
    expect(await balanceOf(sellers[1])).toMatchObject({ pending: eur(netOf(parts[1])), held: eur(0) });
  });

  it("debit what was frozen when the dispute is lost, and transfer only what is left", async () => {
    const placed = await paidTwoSellerOrder([5000, 1000]);
    const { sellers, parts, order } = placed;
    await enablePayouts(sellers[0]);
    await journalPosted(parts[0].id, "fee");
    await journalPosted(parts[1].id, "fee");
    // Half the order disputed: each seller order's share is frozen.
    const disputeId = newId("dsp");
    const half = Math.floor(order.totals.total.amount / 2);
    const partly = paymentDisputed(placed, disputeId, { amount: half, reason: "product_not_received" });
    await env.ORDER_EVENTS.send(partly, { contentType: "json" });
    await journalPosted(parts[0].id, "dispute_hold");
    const [share] = allocate(
      half,
      parts.map((part) => saleOf(part)),
    );
    expect(await sellerOrderBalance(parts[0].id, "seller_held")).toBe(share);

    const lost = paymentDisputeClosed(placed, disputeId, "lost", eur(half));
    await env.ORDER_EVENTS.send(lost, { contentType: "json" });
    await journalPosted(parts[0].id, "dispute_loss");
    expect(await balanceOf(sellers[0])).toMatchObject({ pending: eur(netOf(parts[0]) - share!), held: eur(0) });

    await completeSellerOrder(parts[0], order.id);
    const transfer = await eventually(async () => {
      const row = await transferRow(parts[0].id);
      return row?.status === "sent" ? row : undefined;
    });
    expect(transfer.amount).toBe(netOf(parts[0]) - share!);
  });

  it("reverse the seller's share of a dispute lost after the transfer went out", async () => {
    const placed = await paidTwoSellerOrder([2000, 2000]);
    const { sellers, parts, order } = placed;
    await enablePayouts(sellers[1]);
    await journalPosted(parts[1].id, "fee");
    await completeSellerOrder(parts[1], order.id);
    const transfer = await eventually(async () => {
      const row = await transferRow(parts[1].id);
      return row?.status === "sent" ? row : undefined;
    });
    const disputeId = await dispute(placed);
    // Nothing of the transferred part is left to freeze; the other seller's pending part is.
    await journalPosted(parts[0].id, "dispute_hold");
    expect(await sellerOrderBalance(parts[1].id, "seller_held")).toBe(0);
    await closeDispute(placed, disputeId, "lost");
    const reversal = await eventually(async () => {
      const [row] = await reversalRows(transfer.id);
      return row?.status === "sent" ? row : undefined;
    });
    expect(reversal).toMatchObject({ reference: disputeId, amount: Math.min(sharesOf(placed)[1]!, transfer.amount) });
    expect((await balanceOf(sellers[1])).paid).toEqual(eur(transfer.amount - reversal.amount));
  });
});
