import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { deliverRepeatedly, feedOf, quietPeriod, waitForFeed } from "../support/alerts";
import { verifyEmailOf } from "../support/identity";
import { waitForMail } from "../support/mail";
import { decide, orderToReturn, requestedReturn } from "../support/returns";

describe("return notices", () => {
  it("tells the buyer and the seller at each step, by feed and mail", async () => {
    const { sellers, buyer, order, lines } = await orderToReturn();
    await verifyEmailOf(buyer.email);
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    const [sellerNotice] = await waitForFeed(sellers[0].userId, "seller-return-update");
    expect(sellerNotice?.data).toMatchObject({ returnId: requested.id, step: "requested" });
    await waitForFeed(buyer.userId, "return-update");

    await decide(sellers[0], requested.id, { decision: "reject", note: "The copy was sent in perfect shape." });
    const buyerNotices = await waitForFeed(buyer.userId, "return-update", 2);
    expect(buyerNotices.map((notice) => (notice.data as { step: string }).step)).toEqual(["requested", "rejected"]);
    const mails = await waitForMail(buyer.email, "return-update", 2);
    expect(mails.some((mail) => mail.text.includes("The copy was sent in perfect shape."))).toBe(true);
  });

  it("a redelivered return event notifies once", async () => {
    const { sellers, buyer, order, part } = await orderToReturn({ delivered: false });
    const event = createEvent("ReturnStatusChanged", {
      orderId: order.id,
      sellerOrderId: part.id,
      sellerId: sellers[0].sellerId,
      storeName: "Test Store",
      buyerId: buyer.userId,
      buyer: null,
      returnId: `ret_${"3".repeat(32)}`,
      from: "requested",
      to: "approved",
      actor: `seller:${sellers[0].sellerId}`,
      note: null,
      refunded: null,
    });
    await deliverRepeatedly("notifications", event, 3);
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "return-update")).toHaveLength(1);
    expect(await feedOf(sellers[0].userId, "seller-return-update")).toHaveLength(1);
  });
});
