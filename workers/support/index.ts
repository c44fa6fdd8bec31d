/** What support offers the other modules; everything else in this folder is private to it. */
export { attachmentFile } from "./attachments";
export { type SupportContext, supportContext, supportContextOf } from "./context";
export { escalateUnansweredTickets } from "./escalation";
export { type SellerSupportFigure, sellerSupportFigures } from "./figures";
export type { Caller as SupportCaller } from "./parties";
export { type Conversation, conversation, ticketsOf } from "./reading";
export { supportRoutes } from "./routes";
export { MessageBody, NoteBody, TicketStatusBody, TicketsQuery } from "./schemas";
export { postMessage, resolveBySeller, setTicketStatus } from "./service";
export { canMoveTicket, type TicketStatus } from "./states";
