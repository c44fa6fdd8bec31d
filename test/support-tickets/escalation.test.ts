import { describe, expect, it } from "vitest";
import { runScheduled } from "../../workers/scheduled";
import { escalateUnansweredTickets } from "../../workers/support";
import {
  conversationOf,
  cronTestContext,
  historyRows,
  sellerTicket,
  setReplyDue,
  supportTestContext,
  ticketEvents,
  write,
} from "../support/tickets";

describe("support tickets: the seller's reply timer", () => {
  it("escalates a ticket its seller left unanswered past its due time, exactly once", async () => {
    const { buyer, ticket } = await sellerTicket();
    const ctx = supportTestContext();
    await escalateUnansweredTickets(ctx);
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("awaiting_seller");

    await setReplyDue(ticket.id, Date.now() - 1000);
    const runs = await Promise.all([escalateUnansweredTickets(ctx), escalateUnansweredTickets(ctx)]);
    expect(runs.reduce((sum, escalated) => sum + escalated, 0)).toBeGreaterThanOrEqual(1);
    await escalateUnansweredTickets(ctx);

    const escalated = await conversationOf(buyer, "buyer", ticket.id);
    expect(escalated).toMatchObject({ status: "escalated", sellerReplyDueAt: null });
    expect(escalated.escalatedAt).not.toBeNull();
    const rows = (await historyRows(ticket.id)).filter((row) => row.action === "escalated");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: "system:support-escalation",
      fromStatus: "awaiting_seller",
      toStatus: "escalated",
      requestId: null,
    });
    const events = (await ticketEvents(ticket.id, "SupportTicketStatusChanged")).filter(
      (event) => event.data.to === "escalated",
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ from: "awaiting_seller", actor: "system:support-escalation" });
  });

  it("leaves a ticket alone once its seller answered", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    expect((await write(seller, "seller", ticket.id, { body: "On its way." })).status).toBe(201);
    await setReplyDue(ticket.id, Date.now() - 1000);
    await escalateUnansweredTickets(supportTestContext());
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("awaiting_buyer");
    expect(await ticketEvents(ticket.id, "SupportTicketStatusChanged")).toHaveLength(1);
  });

  it("runs in the every-minute cron", async () => {
    const { buyer, ticket } = await sellerTicket();
    await setReplyDue(ticket.id, Date.now() - 1000);
    await runScheduled("* * * * *", cronTestContext());
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("escalated");
  });
});
