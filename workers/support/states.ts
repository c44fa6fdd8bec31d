import type { TICKET_STATUSES } from "../../schema/support";

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A ticket's life: the two sides answer each other, a dispute goes to admins, who resolve it; then it closes. */
const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["awaiting_seller", "awaiting_buyer", "escalated", "resolved", "closed"],
  awaiting_seller: ["awaiting_buyer", "escalated", "resolved", "closed"],
  // Back to `open` when the buyer answers the marketplace's support, to `awaiting_seller` when they answer a seller.
  awaiting_buyer: ["open", "awaiting_seller", "escalated", "resolved", "closed"],
  escalated: ["resolved", "closed"],
  resolved: ["closed"],
  closed: [],
};

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}
