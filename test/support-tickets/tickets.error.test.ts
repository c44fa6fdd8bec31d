import { describe, expect, it } from "vitest";
import { api, asAdmin, signUp } from "../support/identity";
import {
  act,
  boughtFromSeller,
  FILES,
  openedTicket,
  openTicket,
  sellerTicket,
  upload,
  write,
} from "../support/tickets";

const problemOf = async (response: Response) => ({
  status: response.status,
  code: (await response.json<{ code: string }>()).code,
});

describe("support tickets: bad input", () => {
  it("refuses malformed tickets, messages, notes, ratings and statuses with 400", async () => {
    const { buyer, ticket } = await sellerTicket();
    const admin = await asAdmin();
    const bad = [
      openTicket(buyer, { category: "complaint", subject: "Hello there", body: "x" }),
      openTicket(buyer, { category: "other", subject: "Hi", body: "too short a subject" }),
      openTicket(buyer, { category: "other", subject: "No body" }),
      openTicket(buyer, { category: "other", subject: "Empty body", body: "   " }),
      write(buyer, "buyer", ticket.id, {}),
      write(buyer, "buyer", ticket.id, { body: "x".repeat(5_001) }),
      write(buyer, "buyer", ticket.id, { body: "with a file", attachmentIds: ["not-an-id"] }),
      act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 6 }),
      act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 4.5 }),
      act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, {}),
      act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "awaiting_buyer" }),
      act(buyer, `/v1/support/tickets/${ticket.id}/escalate`, { note: "" }),
      api("/v1/support/tickets/tkt_nope", { headers: buyer.auth }),
      api("/v1/support/tickets?status=pending", { headers: buyer.auth }),
      api("/v1/support/tickets?limit=0", { headers: buyer.auth }),
      api("/v1/support/tickets?cursor=garbage", { headers: buyer.auth }),
    ];
    for (const response of await Promise.all(bad)) {
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const malformed = await api("/v1/support/tickets", {
      method: "POST",
      headers: { ...buyer.auth, "content-type": "application/json" },
      body: "{",
    });
    expect(await problemOf(malformed)).toEqual({ status: 400, code: "malformed_json" });
  });

  it("refuses control characters in a subject with 422 invalid_characters", async () => {
    const buyer = await signUp();
    const response = await openTicket(buyer, { category: "other", subject: "Hello\u202Eworld", body: "x" });
    expect(await problemOf(response)).toEqual({ status: 422, code: "invalid_characters" });
  });

  it("needs the seller order for an order issue (422), and it must be the buyer's own (404)", async () => {
    const { buyer, sellerOrderId } = await boughtFromSeller();
    const missing = await openTicket(buyer, { category: "order_issue", subject: "Late order", body: "Where?" });
    expect(await problemOf(missing)).toEqual({ status: 422, code: "seller_order_required" });
    const stranger = await signUp();
    const others = await openTicket(stranger, {
      category: "order_issue",
      sellerOrderId,
      subject: "Late order",
      body: "Where?",
    });
    expect(await problemOf(others)).toEqual({ status: 404, code: "not_found" });
  });

  it("a payment question about an order goes to support, not the seller", async () => {
    const { buyer, sellerOrderId } = await boughtFromSeller();
    const ticket = await openedTicket(buyer, { category: "payment", sellerOrderId });
    expect(ticket).toMatchObject({ sellerId: null, sellerOrderId, status: "open" });
  });
});

describe("support tickets: conflicts", () => {
  it("409s: escalating twice, closing before resolution, writing in or resolving a resolved ticket", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const admin = await asAdmin();
    expect(await problemOf(await act(buyer, `/v1/support/tickets/${ticket.id}/close`))).toEqual({
      status: 409,
      code: "ticket_not_resolved",
    });
    expect((await act(buyer, `/v1/support/tickets/${ticket.id}/escalate`, { note: "No answer." })).status).toBe(200);
    expect(await problemOf(await act(buyer, `/v1/support/tickets/${ticket.id}/escalate`))).toEqual({
      status: 409,
      code: "invalid_transition",
    });
    // Escalated: it is the marketplace's support's now.
    expect(await problemOf(await act(seller, `/v1/seller/support/tickets/${ticket.id}/resolve`))).toEqual({
      status: 409,
      code: "invalid_transition",
    });
    expect((await write(seller, "seller", ticket.id, { body: "Sorry, I was away." })).status).toBe(201);

    expect((await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "resolved" })).status).toBe(
      200,
    );
    expect(await problemOf(await write(buyer, "buyer", ticket.id, { body: "One more thing" }))).toEqual({
      status: 409,
      code: "invalid_transition",
    });
    expect(await problemOf(await upload(buyer, "buyer", ticket.id, FILES.png, "image/png"))).toEqual({
      status: 409,
      code: "invalid_transition",
    });
    expect(
      await problemOf(await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "escalated" })),
    ).toEqual({ status: 409, code: "invalid_transition" });
    expect((await act(buyer, `/v1/support/tickets/${ticket.id}/close`)).status).toBe(200);
    expect(await problemOf(await act(buyer, `/v1/support/tickets/${ticket.id}/close`))).toEqual({
      status: 409,
      code: "ticket_not_resolved",
    });
    expect(
      await problemOf(await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "closed" })),
    ).toEqual({ status: 409, code: "invalid_transition" });
  });

  it("feedback only after resolution, and once", async () => {
    const buyer = await signUp();
    const admin = await asAdmin();
    const ticket = await openedTicket(buyer, { category: "account" });
    const early = await act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 3 });
    expect(await problemOf(early)).toEqual({ status: 409, code: "ticket_not_resolved" });
    await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "closed", note: "Duplicate." });
    const ratings = await Promise.all([
      act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 2, comment: "Slow." }),
      act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 5 }),
    ]);
    expect(ratings.map((response) => response.status).sort()).toEqual([200, 409]);
    const again = await act(buyer, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 1 });
    expect(await problemOf(again)).toEqual({ status: 409, code: "feedback_given" });
  });
});

describe("support tickets: state machine", () => {
  it("follows the transitions and refuses the rest", async () => {
    const admin = await asAdmin();
    const moves: [string, number][] = [
      ["escalated", 200],
      ["escalated", 409],
      ["resolved", 200],
      ["resolved", 409],
      ["escalated", 409],
      ["closed", 200],
      ["resolved", 409],
      ["closed", 409],
    ];
    const buyer = await signUp();
    const ticket = await openedTicket(buyer, { category: "other" });
    for (const [status, expected] of moves) {
      const response = await act(admin, `/v1/admin/support/tickets/${ticket.id}/status`, { status });
      expect([status, response.status]).toEqual([status, expected]);
    }
    const direct = await openedTicket(buyer, { category: "other" });
    expect((await act(admin, `/v1/admin/support/tickets/${direct.id}/status`, { status: "closed" })).status).toBe(200);
    expect((await write(admin, "admin", direct.id, { body: "Reopen?" })).status).toBe(409);
  });

  it("a seller ticket waits for whichever side was written to", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const statusAfter = async (response: Promise<Response>) => {
      expect((await response).status).toBe(201);
      return (await (await api(`/v1/support/tickets/${ticket.id}`, { headers: buyer.auth })).json<{ status: string }>())
        .status;
    };
    expect(await statusAfter(write(buyer, "buyer", ticket.id, { body: "Any news?" }))).toBe("awaiting_seller");
    expect(await statusAfter(write(seller, "seller", ticket.id, { body: "Shipped." }))).toBe("awaiting_buyer");
    expect(await statusAfter(write(seller, "seller", ticket.id, { body: "Tracking: X1." }))).toBe("awaiting_buyer");
    expect(await statusAfter(write(buyer, "buyer", ticket.id, { body: "Still nothing." }))).toBe("awaiting_seller");
    const admin = await asAdmin();
    expect(await statusAfter(write(admin, "admin", ticket.id, { body: "Looking into it." }))).toBe("awaiting_seller");
  });
});
