import { describe, expect, it } from "vitest";
import { asAdmin, signUp } from "../support/identity";
import {
  act,
  conversationOf,
  listTickets,
  type MessageBody,
  openedTicket,
  sellerTicket,
  type TicketBody,
  ticketEvents,
  ticketIdsOf,
  write,
} from "../support/tickets";

const HOUR = 3_600_000;

describe("support tickets: buyer and seller", () => {
  it("opens a ticket with the seller, who answers and resolves it; the buyer rates and closes it", async () => {
    const { seller, buyer, sellerOrderId, ticket } = await sellerTicket();
    expect(ticket).toMatchObject({
      buyerId: buyer.userId,
      sellerId: seller.sellerId,
      sellerOrderId,
      category: "order_issue",
      status: "awaiting_seller",
      feedback: null,
    });
    expect(Date.parse(ticket.sellerReplyDueAt!) - Date.parse(ticket.createdAt)).toBe(48 * HOUR);
    expect(await ticketIdsOf(seller, "seller")).toContain(ticket.id);
    expect(await ticketIdsOf(buyer, "buyer")).toContain(ticket.id);

    const answer = await write(seller, "seller", ticket.id, { body: "Sent yesterday, tracking follows." });
    expect(answer.status).toBe(201);
    expect(await answer.json<MessageBody>()).toMatchObject({ authorRole: "seller", attachmentIds: [] });
    const answered = await conversationOf(buyer, "buyer", ticket.id);
    expect(answered).toMatchObject({ status: "awaiting_buyer", sellerReplyDueAt: null });
    expect(answered.firstSellerReplyAt).not.toBeNull();
    expect(answered.messages.map((message) => [message.authorRole, message.body])).toEqual([
      ["buyer", "It has not arrived."],
      ["seller", "Sent yesterday, tracking follows."],
    ]);
    expect(answered.history).toBeUndefined();

    expect((await write(buyer, "buyer", ticket.id, { body: "Thanks, it came today." })).status).toBe(201);
    expect((await conversationOf(seller, "seller", ticket.id)).status).toBe("awaiting_seller");

    const resolved = await act(seller, `/v1/seller/support/tickets/${ticket.id}/resolve`, { note: "Delivered." });
    expect(resolved.status).toBe(200);
    expect(await resolved.json<TicketBody>()).toMatchObject({ status: "resolved", sellerReplyDueAt: null });

    const rated = await act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 5, comment: "Quick." });
    expect(rated.status).toBe(200);
    expect((await rated.json<TicketBody>()).feedback).toMatchObject({ rating: 5, comment: "Quick." });
    const closed = await act(buyer, `/v1/support/tickets/${ticket.id}/close`);
    expect(closed.status).toBe(200);
    expect((await closed.json<TicketBody>()).status).toBe("closed");

    expect(await ticketEvents(ticket.id, "SupportTicketOpened")).toHaveLength(1);
    expect(await ticketEvents(ticket.id, "SupportMessagePosted")).toHaveLength(2);
    const moves = (await ticketEvents(ticket.id, "SupportTicketStatusChanged")).map((event) => event.data.to);
    expect(moves).toEqual(expect.arrayContaining(["awaiting_buyer", "awaiting_seller", "resolved", "closed"]));
    expect(moves).toHaveLength(4);
    expect(await ticketIdsOf(buyer, "buyer", "?status=closed")).toEqual([ticket.id]);
    expect(await ticketIdsOf(seller, "seller", "?status=awaiting_seller")).toEqual([]);
  });
});

describe("support tickets: buyer and the marketplace's support", () => {
  it("goes to support, which answers and resolves it; every admin action is in the history", async () => {
    const buyer = await signUp();
    const admin = await asAdmin();
    const ticket = await openedTicket(buyer, { category: "payment", subject: "Charged twice", body: "See my bank." });
    expect(ticket).toMatchObject({ sellerId: null, sellerOrderId: null, status: "open", sellerReplyDueAt: null });
    expect(await ticketIdsOf(admin, "admin", "?status=open&limit=100")).toContain(ticket.id);

    const answer = await write(admin, "admin", ticket.id, { body: "One charge was released." });
    expect(answer.status).toBe(201);
    expect((await answer.json<MessageBody>()).authorRole).toBe("support");
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("awaiting_buyer");
    expect((await write(buyer, "buyer", ticket.id, { body: "I see it now." })).status).toBe(201);
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("open");

    const resolved = await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, {
      status: "resolved",
      note: "Refund of the second charge confirmed.",
    });
    expect(resolved.status).toBe(200);
    expect((await resolved.json<TicketBody>()).resolvedAt).not.toBeNull();
    expect((await act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 4 })).status).toBe(200);

    const seen = await conversationOf(admin, "admin", ticket.id);
    expect(seen.feedback).toMatchObject({ rating: 4, comment: null });
    expect(seen.history!.map((entry) => [entry.actor, entry.action, entry.from, entry.to])).toEqual([
      [`buyer:${buyer.userId}`, "opened", null, "open"],
      [`admin:${admin.userId}`, "message", "open", "awaiting_buyer"],
      [`buyer:${buyer.userId}`, "message", "awaiting_buyer", "open"],
      [`admin:${admin.userId}`, "resolved", "open", "resolved"],
      [`buyer:${buyer.userId}`, "rated", null, null],
    ]);
  });

  it("pages a buyer's tickets newest first with a cursor", async () => {
    const buyer = await signUp();
    const opened: string[] = [];
    for (const subject of ["First question", "Second question", "Third question"]) {
      opened.push((await openedTicket(buyer, { category: "account", subject })).id);
    }
    const first = await (await listTickets(buyer, "buyer", "?limit=2")).json<{
      items: TicketBody[];
      nextCursor: string;
    }>();
    expect(first.items.map((ticket) => ticket.id)).toEqual([opened[2], opened[1]]);
    const second = await (await listTickets(buyer, "buyer", `?limit=2&cursor=${first.nextCursor}`)).json<{
      items: TicketBody[];
      nextCursor: string | null;
    }>();
    expect(second).toEqual({ items: [expect.objectContaining({ id: opened[0] })], nextCursor: null });
  });
});
