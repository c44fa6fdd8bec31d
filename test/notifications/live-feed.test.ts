import { describe, expect, it } from "vitest";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { openLive } from "../support/live";
import { addToCart, paidOrder, ship } from "../support/orders";

describe("feed items on the live channel", () => {
  it("pushes the buyer's new feed item to their open socket when the seller ships", async () => {
    const [seller, buyer] = await Promise.all([asSeller(), signUp()]);
    await addToCart(buyer, (await listBook(seller, { quantity: 2 })).id);
    const { order } = await paidOrder(buyer);
    const socket = await openLive(buyer);
    expect((await ship(seller, order.sellerOrders[0]!.id)).status).toBe(201);

    const pushed = await socket.next("notification", (data) => data.kind === "order-shipped");
    expect(pushed.data).toMatchObject({
      id: expect.stringMatching(/^ntf_/),
      kind: "order-shipped",
      category: "orders",
      data: { orderId: order.id, sellerOrderId: order.sellerOrders[0]!.id },
      read: false,
    });
    socket.close();
  });
});
