import { createEvent } from "../../queues/events";
import type * as store from "./store";

/** What support emits, through the outbox with the change it describes. */
export const supportEvents = {
  opened: (ticket: store.TicketRow, body: string) =>
    createEvent("SupportTicketOpened", {
      ticketId: ticket.id,
      buyerId: ticket.buyerId,
      sellerId: ticket.sellerId,
      sellerOrderId: ticket.sellerOrderId,
      category: ticket.category,
      subject: ticket.subject,
      body,
    }),

  messagePosted: (ticket: store.TicketRow, message: store.MessageRow) =>
    createEvent("SupportMessagePosted", {
      ticketId: ticket.id,
      messageId: message.id,
      buyerId: ticket.buyerId,
      sellerId: ticket.sellerId,
      subject: ticket.subject,
      status: ticket.status,
      authorRole: message.authorRole,
      body: message.body,
    }),

  statusChanged: (ticket: store.TicketRow, change: { to: string; actor: string; note: string | null }) =>
    createEvent("SupportTicketStatusChanged", {
      ticketId: ticket.id,
      buyerId: ticket.buyerId,
      sellerId: ticket.sellerId,
      subject: ticket.subject,
      from: ticket.status,
      to: change.to,
      actor: change.actor,
      note: change.note,
    }),
};
