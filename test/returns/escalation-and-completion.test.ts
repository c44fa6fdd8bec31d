import { describe, expect, it } from "vitest";
import { completeSellerOrders, escalateOverdueReturns } from "../../workers/orders";
import { api } from "../support/identity";
import { waitForMail } from "../support/mail";
import { eur, eventsFor, getOrder, orderRow, ordersTestContext, refund } from "../support/orders";
import {
  decide,
  orderToReturn,
  type ReturnBody,
  receive,
  requestedReturn,
  sellerOrderRow,
  setRespondBy,
  setReturnWindowEnd,
  shipAndDeliver,
} from "../support/returns";

const returnsOf = async (buyer: { auth: Record<string, string> }, orderId: string) =>
  (await (await api(`/v1/orders/${orderId}/returns`, { headers: buyer.auth })).json<{ items: ReturnBody[] }>()).items;

describe("escalation by timer", () => {
  it("moves a request past its respond-by to escalated once, with history, and mails the operators", async () => {
    const { buyer, order, lines } = await orderToReturn();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    const ctx = ordersTestContext();
    await escalateOverdueReturns(ctx);
    expect((await returnsOf(buyer, order.id))[0]?.status).toBe("requested");

    await setRespondBy(requested.id, Date.now() - 1000);
    const runs = await Promise.all([escalateOverdueReturns(ctx), escalateOverdueReturns(ctx)]);
    expect(runs.reduce((sum, escalated) => sum + escalated, 0)).toBeGreaterThanOrEqual(1);
    const [escalated] = await returnsOf(buyer, order.id);
    expect(escalated).toMatchObject({ status: "escalated" });
    expect(escalated!.escalatedAt).not.toBeNull();
    expect(escalated!.history.filter((step) => step.to === "escalated")).toHaveLength(1);
    const changes = await eventsFor(order.id, "ReturnStatusChanged");
    expect(changes.filter((event) => event.data.to === "escalated")).toHaveLength(1);
    const [mail] = await waitForMail(ctx.operatorEmails[0]!, "operator-alert");
    expect(mail?.subject).toContain(requested.id);
  });
});

describe("completion after the return window", () => {
  it("completes a delivered seller order only once its window is over, and the order once every part is done", async () => {
    const { sellers, buyer, order, part, otherPart } = await orderToReturn();
    const ctx = ordersTestContext();
    await completeSellerOrders(ctx);
    expect((await sellerOrderRow(part.id)).status).toBe("delivered");

    await setReturnWindowEnd(part.id, Date.now() - 1000);
    await Promise.all([completeSellerOrders(ctx), completeSellerOrders(ctx)]);
    await completeSellerOrders(ctx);
    const completed = await sellerOrderRow(part.id);
    expect(completed.status).toBe("completed");
    expect(completed.completedAt).not.toBeNull();
    const events = await eventsFor(order.id, "SellerOrderCompleted");
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      orderId: order.id,
      sellerOrderId: part.id,
      sellerId: sellers[0].sellerId,
      total: { amount: completed.total, currency: "EUR" },
      refunded: { amount: 0, currency: "EUR" },
      sellerFundedDiscount: { amount: 0, currency: "EUR" },
      completedAt: new Date(completed.completedAt!).toISOString(),
    });
    // The other part is not delivered yet: the order is not complete.
    expect((await orderRow(order.id))?.status).toBe("paid");
    expect(await eventsFor(order.id, "OrderCompleted")).toHaveLength(0);

    await shipAndDeliver(sellers[1], otherPart.id);
    await setReturnWindowEnd(otherPart.id, Date.now() - 1000);
    await Promise.all([completeSellerOrders(ctx), completeSellerOrders(ctx)]);
    await completeSellerOrders(ctx);
    const row = await orderRow(order.id);
    expect(row?.status).toBe("completed");
    expect(await eventsFor(order.id, "OrderCompleted")).toHaveLength(1);
    expect(await eventsFor(order.id, "SellerOrderCompleted")).toHaveLength(2);
    const view = (await getOrder(buyer, order.id)) as unknown as { status: string; completedAt: string };
    expect(view.status).toBe("completed");
    expect(Date.parse(view.completedAt)).toBe(row?.completedAt);
  });

  it("waits while a return is open, and completes the rest once it is refunded", async () => {
    const { sellers, buyer, order, part, lines } = await orderToReturn();
    const ctx = ordersTestContext();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.second.id, quantity: 1 }]);
    await setReturnWindowEnd(part.id, Date.now() - 1000);
    await completeSellerOrders(ctx);
    expect((await sellerOrderRow(part.id)).status).toBe("delivered");

    await decide(sellers[0], requested.id, { decision: "approve" });
    await completeSellerOrders(ctx);
    expect((await sellerOrderRow(part.id)).status).toBe("delivered");

    expect((await receive(sellers[0], requested.id)).status).toBe(200);
    await completeSellerOrders(ctx);
    const completed = await sellerOrderRow(part.id);
    expect(completed.status).toBe("completed");
    const [event] = await eventsFor(order.id, "SellerOrderCompleted");
    expect(event?.data.refunded).toEqual({ amount: 600, currency: "EUR" });
    const view = await getOrder(buyer, order.id);
    const shown = view.sellerOrders.find((so) => so.id === part.id) as unknown as {
      status: string;
      completedAt: string;
    };
    expect(shown.status).toBe("completed");
    expect(Date.parse(shown.completedAt)).toBe(completed.completedAt);
  });

  it("completes the order when its last open seller order is refunded in full after the others completed", async () => {
    const { sellers, buyer, order, part, otherPart } = await orderToReturn();
    const ctx = ordersTestContext();
    await setReturnWindowEnd(part.id, Date.now() - 1000);
    await completeSellerOrders(ctx);
    expect((await sellerOrderRow(part.id)).status).toBe("completed");
    expect((await orderRow(order.id))?.status).toBe("paid");

    const refunded = await refund(sellers[1], order.id, {
      amount: eur((await sellerOrderRow(otherPart.id)).total),
      reason: "could not ship",
      restock: false,
    });
    expect(refunded.status).toBe(201);
    expect((await sellerOrderRow(otherPart.id)).status).toBe("refunded");
    const row = await orderRow(order.id);
    expect(row?.status).toBe("completed");
    expect(row?.completedAt).not.toBeNull();
    expect(await eventsFor(order.id, "OrderCompleted")).toHaveLength(1);
    expect((await getOrder(buyer, order.id)).status).toBe("completed");
  });
});
