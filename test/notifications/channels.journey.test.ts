import { describe, expect, it } from "vitest";
import { devMessages, subscribeBrowser, verifiedPhone } from "../support/channels";
import { eventually } from "../support/eventually";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder, ship } from "../support/orders";

describe("SMS and push, as a reader on `npm start` sees them", () => {
  it("texts and pushes the buyer's shipped order through the real queues and the dev logs", async () => {
    const storeName = `Ada's Books ${crypto.randomUUID().slice(0, 8)}`;
    const seller = await asSeller({ storeName });
    const buyer = await signUp();
    const phone = await verifiedPhone(buyer);
    const { subscription } = await subscribeBrowser(buyer);
    await addToCart(buyer, (await listBook(seller)).id);
    const { order } = await paidOrder(buyer);
    const shipped = await ship(seller, order.sellerOrders[0]!.id, { trackingNumber: "JJD000123" });
    expect(shipped.status).toBe(201);

    const texts = await eventually(async () => {
      const found = (await devMessages("sms", phone)).filter((text) => text.body.includes("shipped"));
      return found.length > 0 ? found : undefined;
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toBe(
      `${storeName} shipped your order: DHL, tracking number JJD000123\nhttp://127.0.0.1:8787/orders/${order.id}`,
    );

    const [pushed] = await eventually(async () => {
      // The order's confirmation is pushed too, and may arrive after the shipment's: look for the shipment's.
      const found = (await devMessages("push", subscription.id)).filter((push) => push.body.includes("order-shipped"));
      return found.length > 0 ? found : undefined;
    });
    expect(JSON.parse(pushed!.body)).toEqual({
      title: `${storeName} shipped your order`,
      body: "DHL, tracking number JJD000123",
      link: `http://127.0.0.1:8787/orders/${order.id}`,
      kind: "order-shipped",
    });
  });
});
