import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { supportTickets } from "../../schema/support";
import { sellerSupportFigures } from "../../workers/support";
import { asAdmin } from "../support/identity";
import { db } from "../support/orders";
import { act, conversationOf, openedTicket, sellerTicket, supportTestContext, write } from "../support/tickets";

const MINUTE = 60_000;

describe("support tickets: the admins' audit trail", () => {
  it("records every admin action with its actor, note and request id", async () => {
    const { buyer, ticket } = await sellerTicket();
    const admin = await asAdmin();
    const requestIds = ["req-support-answer-1", "req-support-resolve-1", "req-support-close-1"];
    expect(
      (await write(admin, "admin", ticket.id, { body: "We are on it." }, { "x-request-id": requestIds[0]! })).status,
    ).toBe(201);
    const resolve = await act(
      admin,
      `/v1/admin/support/tickets/${ticket.id}/status`,
      { status: "resolved", note: "Refunded by the seller." },
      { "x-request-id": requestIds[1]! },
    );
    expect(resolve.status).toBe(200);
    expect(resolve.headers.get("x-request-id")).toBe(requestIds[1]);
    const close = await act(
      admin,
      `/v1/admin/support/tickets/${ticket.id}/status`,
      { status: "closed" },
      { "x-request-id": requestIds[2]! },
    );
    expect(close.status).toBe(200);

    const { history } = await conversationOf(admin, "admin", ticket.id);
    const adminRows = history!.filter((entry) => entry.actor === `admin:${admin.userId}`);
    expect(adminRows.map(({ action, from, to, note, requestId }) => ({ action, from, to, note, requestId }))).toEqual([
      { action: "message", from: "awaiting_seller", to: "awaiting_seller", note: null, requestId: requestIds[0] },
      {
        action: "resolved",
        from: "awaiting_seller",
        to: "resolved",
        note: "Refunded by the seller.",
        requestId: requestIds[1],
      },
      { action: "closed", from: "resolved", to: "closed", note: null, requestId: requestIds[2] },
    ]);
    for (const entry of history!) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    expect(history![0]).toMatchObject({ actor: `buyer:${buyer.userId}`, action: "opened", to: "awaiting_seller" });
  });
});

describe("support tickets: seller support figures", () => {
  it("counts tickets, answered ones and the median first response on a known set", async () => {
    // Three tickets with one seller (answered after 30 and 90 minutes, one unanswered), one with another (10 min).
    const first = await sellerTicket();
    const second = await sellerTicket();
    const tickets = [
      first.ticket,
      await openedTicket(first.buyer, { category: "return", sellerOrderId: first.sellerOrderId }),
      await openedTicket(first.buyer, { category: "cover_customisation", sellerOrderId: first.sellerOrderId }),
      second.ticket,
    ];
    await openedTicket(first.buyer, { category: "payment", sellerOrderId: first.sellerOrderId });
    for (const [ticket, seller] of [
      [tickets[0]!, first.seller],
      [tickets[1]!, first.seller],
      [tickets[3]!, second.seller],
    ] as const) {
      expect((await write(seller, "seller", ticket.id, { body: "Answer" })).status).toBe(201);
    }
    // Place them in a range of their own, with known times.
    const from = Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 1_000_000) * 10 * MINUTE;
    const times = [
      [0, 30],
      [5, 95],
      [10, null],
      [15, 25],
    ] as const;
    for (const [index, [opened, answered]] of times.entries()) {
      await db
        .update(supportTickets)
        .set({
          createdAt: from + opened * MINUTE,
          firstSellerReplyAt: answered === null ? null : from + answered * MINUTE,
        })
        .where(eq(supportTickets.id, tickets[index]!.id));
    }

    const figures = await sellerSupportFigures(supportTestContext(), { from, to: from + 20 * MINUTE });
    expect(figures).toEqual(
      [
        { sellerId: first.seller.sellerId, tickets: 3, answered: 2, medianFirstResponseMinutes: 60 },
        { sellerId: second.seller.sellerId, tickets: 1, answered: 1, medianFirstResponseMinutes: 10 },
      ].sort((a, b) => a.sellerId.localeCompare(b.sellerId)),
    );
    expect(
      await sellerSupportFigures(supportTestContext(), { from: from + 20 * MINUTE, to: from + 30 * MINUTE }),
    ).toEqual([]);
  });
});
