import { AppError } from "../http/errors";
import type { SupportContext } from "./context";
import * as store from "./store";

/** Who is asking: the buyer who opened tickets, a seller answering theirs, or the marketplace's support (an admin). */
export type Caller =
  | { kind: "buyer"; userId: string }
  | { kind: "seller"; userId: string; sellerId: string }
  | { kind: "support"; userId: string };

export const actorOf = (caller: Caller) =>
  caller.kind === "seller"
    ? `seller:${caller.sellerId}`
    : `${caller.kind === "support" ? "admin" : "buyer"}:${caller.userId}`;

/** The ticket if the caller is one of its parties; another's ticket is the same 404 as an unknown one. */
export async function ticketFor(ctx: SupportContext, caller: Caller, ticketId: string): Promise<store.TicketRow> {
  const ticket = await store.ticketById(ctx.services.db, ticketId);
  const isParty =
    ticket !== undefined &&
    (caller.kind === "support" ||
      (caller.kind === "buyer" && ticket.buyerId === caller.userId) ||
      (caller.kind === "seller" && ticket.sellerId === caller.sellerId));
  if (!isParty) throw new AppError("not_found", "No such ticket.");
  return ticket;
}
