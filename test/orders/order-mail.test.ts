import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { devMailbox } from "../../schema/notifications";
import worker from "../../workers/index";
import { formatMoney } from "../../workers/lib/money";
import { signUp } from "../support/identity";
import { waitForMail } from "../support/mail";
import { db, eur } from "../support/orders";

const order = `ord_${"a".repeat(32)}`;

describe("order mail (notifications consumer)", () => {
  it("sends one mail for a RefundIssued delivered twice", async () => {
    const buyer = await signUp({ verified: true, name: "Ada" });
    const to = buyer.email;
    const event = createEvent("RefundIssued", {
      refundId: `orf_${"b".repeat(32)}`,
      orderId: order,
      buyerId: buyer.userId,
      buyer: { email: to, name: "Ada" },
      amount: eur(1250),
      orderRefunded: eur(1250),
      reason: "damaged in transit",
      restocked: false,
      actor: "seller:sel_x",
      sellerOrderIds: [],
      lines: [{ lineId: `oln_${"d".repeat(32)}`, title: "Dune", quantity: 1, amount: eur(1250) }],
    });
    const batch = createMessageBatch("notifications", [
      { id: "r-1", timestamp: new Date(), attempts: 1, body: event },
      { id: "r-2", timestamp: new Date(), attempts: 2, body: event },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["r-1", "r-2"]);
    // The mail is a queued delivery, sent by its own consumer shortly after.
    await waitForMail(to, "refund-issued");
    const mails = (await db.select().from(devMailbox).where(eq(devMailbox.to, to))).filter(
      (mail) => mail.template === "refund-issued",
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("12.50 EUR");
    expect(mails[0]!.text).toContain("1 × Dune");
  });

  it("sends nothing for a buyer whose account is gone", async () => {
    const event = createEvent("OrderPaymentFailed", {
      orderId: order,
      buyerId: `usr_${"c".repeat(32)}`,
      buyer: null,
      reason: "declined",
      total: eur(100),
    });
    const batch = createMessageBatch("notifications", [{ id: "f-1", timestamp: new Date(), attempts: 1, body: event }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["f-1"]);
  });

  it("formats minor units as amounts", () => {
    expect(formatMoney(eur(5))).toBe("0.05 EUR");
    expect(formatMoney(eur(123456))).toBe("1234.56 EUR");
  });
});
