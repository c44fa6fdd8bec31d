import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import {
  act,
  download,
  FILES,
  openedTicket,
  readTicket,
  sellerTicket,
  ticketIdsOf,
  upload,
  uploaded,
  write,
} from "../support/tickets";

describe("support tickets: who may do what", () => {
  it("needs a token everywhere", async () => {
    const id = `tkt_${"3".repeat(32)}`;
    const file = `tka_${"4".repeat(32)}`;
    const anonymous = [
      api("/v1/support/tickets", json({ category: "other", subject: "Hello", body: "x" })),
      api("/v1/support/tickets"),
      api(`/v1/support/tickets/${id}`),
      api(`/v1/support/tickets/${id}/messages`, json({ body: "x" })),
      api(`/v1/support/tickets/${id}/escalate`, json({})),
      api(`/v1/support/tickets/${id}/close`, json({})),
      api(`/v1/support/tickets/${id}/feedback`, json({ rating: 5 })),
      api(`/v1/support/tickets/${id}/attachments`, { method: "POST", body: FILES.png }),
      api(`/v1/support/tickets/${id}/attachments/${file}`),
      api("/v1/seller/support/tickets"),
      api(`/v1/seller/support/tickets/${id}/resolve`, json({})),
      api("/v1/admin/support/tickets"),
      api(`/v1/admin/support/tickets/${id}/status`, json({ status: "resolved" })),
    ];
    for (const response of await Promise.all(anonymous)) expect(response.status).toBe(401);
  });

  it("a third party cannot read, write in, act on, upload to or download from a ticket: 404", async () => {
    const { buyer, ticket } = await sellerTicket();
    const file = await uploaded(buyer, "buyer", ticket.id, FILES.pdf, "application/pdf", "receipt.pdf");
    expect((await write(buyer, "buyer", ticket.id, { body: "See file", attachmentIds: [file.id] })).status).toBe(201);
    const stranger = await signUp();
    const tries = [
      readTicket(stranger, "buyer", ticket.id),
      write(stranger, "buyer", ticket.id, { body: "Me too" }),
      act(stranger, `/v1/support/tickets/${ticket.id}/escalate`),
      act(stranger, `/v1/support/tickets/${ticket.id}/close`),
      act(stranger, `/v1/support/tickets/${ticket.id}/feedback`, { rating: 1 }),
      upload(stranger, "buyer", ticket.id, FILES.png, "image/png"),
      download(stranger, "buyer", ticket.id, file.id),
    ];
    for (const response of await Promise.all(tries)) expect(response.status).toBe(404);
    expect(await ticketIdsOf(stranger, "buyer")).toEqual([]);
    // An unknown ticket answers the same.
    expect((await readTicket(stranger, "buyer", `tkt_${"5".repeat(32)}`)).status).toBe(404);
  });

  it("a seller cannot see or act on another seller's tickets, nor on support tickets", async () => {
    const { ticket } = await sellerTicket();
    const other = await asSeller();
    const buyer = await signUp();
    const supportTicket = await openedTicket(buyer, { category: "account" });
    for (const id of [ticket.id, supportTicket.id]) {
      const tries = [
        readTicket(other, "seller", id),
        write(other, "seller", id, { body: "Not mine" }),
        act(other, `/v1/seller/support/tickets/${id}/resolve`),
        upload(other, "seller", id, FILES.png, "image/png"),
      ];
      for (const response of await Promise.all(tries)) expect(response.status).toBe(404);
    }
    const seen = await ticketIdsOf(other, "seller", "?limit=100");
    expect(seen).not.toContain(ticket.id);
    expect(seen).not.toContain(supportTicket.id);
  });

  it("a seller's own buyer-side list shows only tickets they opened as a buyer", async () => {
    const { seller, ticket } = await sellerTicket();
    expect(await ticketIdsOf(seller, "buyer")).not.toContain(ticket.id);
    expect((await readTicket(seller, "buyer", ticket.id)).status).toBe(404);
  });

  it("a buyer cannot use the seller or admin routes: 403", async () => {
    const { buyer, ticket } = await sellerTicket();
    const tries = [
      api("/v1/admin/support/tickets", { headers: buyer.auth }),
      readTicket(buyer, "admin", ticket.id),
      write(buyer, "admin", ticket.id, { body: "As support" }),
      act(buyer, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "resolved" }),
      upload(buyer, "admin", ticket.id, FILES.png, "image/png"),
      api("/v1/seller/support/tickets", { headers: buyer.auth }),
      act(buyer, `/v1/seller/support/tickets/${ticket.id}/resolve`),
    ];
    for (const response of await Promise.all(tries)) expect(response.status).toBe(403);
  });

  it("a seller cannot use the admin routes: 403", async () => {
    const { seller, ticket } = await sellerTicket();
    const response = await act(seller, `/v1/admin/support/tickets/${ticket.id}/status`, { status: "resolved" });
    expect(response.status).toBe(403);
    const admin = await asAdmin();
    expect((await readTicket(admin, "admin", ticket.id)).status).toBe(200);
  });
});
