/** What support offers the other modules; everything else in this folder is private to it. */
export { type SupportContext, supportContext, supportContextOf } from "./context";
export { escalateUnansweredTickets } from "./escalation";
export { type SellerSupportFigure, sellerSupportFigures } from "./figures";
export type { Caller as SupportCaller } from "./parties";
export { type Conversation, conversation, ticketsOf } from "./reading";
export { supportRoutes } from "./routes";
export { postMessage, setTicketStatus } from "./service";
export type { TicketStatus } from "./states";
