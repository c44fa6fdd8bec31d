import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { isVisibleTo } from "./attachments";
import type { SupportContext } from "./context";
import { type Caller, ticketFor } from "./parties";
import type { TicketStatus } from "./states";
import * as store from "./store";

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

/** A page of the caller's tickets, newest first: a buyer's own, a seller's addressed to them, or all for support. */
export async function ticketsOf(
  ctx: SupportContext,
  caller: Caller,
  query: { status?: TicketStatus; limit: number; cursor?: string },
): Promise<{ tickets: store.TicketRow[]; nextCursor: string | null }> {
  const rows = await store.ticketsPage(ctx.services.db, {
    buyerId: caller.kind === "buyer" ? caller.userId : undefined,
    sellerId: caller.kind === "seller" ? caller.sellerId : undefined,
    status: query.status,
    limit: query.limit + 1,
    after: decodeCursor(query.cursor, Cursor),
  });
  const tickets = rows.slice(0, query.limit);
  const last = tickets.at(-1);
  return {
    tickets,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

export interface Conversation {
  ticket: store.TicketRow;
  messages: store.MessageRow[];
  attachments: store.AttachmentRow[];
  /** The ticket's audit trail, shown to the marketplace's support only. */
  history: store.HistoryRow[] | null;
}

/**
 * One ticket with its communication log and the files its messages carry (and the caller's unsent uploads), if the
 * caller is one of its parties (otherwise 404).
 */
export async function conversation(ctx: SupportContext, caller: Caller, ticketId: string): Promise<Conversation> {
  const ticket = await ticketFor(ctx, caller, ticketId);
  const { db } = ctx.services;
  const [messages, attachments, history] = await Promise.all([
    store.messagesOf(db, ticket.id),
    store.attachmentsOf(db, ticket.id),
    caller.kind === "support" ? store.historyOf(db, ticket.id) : Promise.resolve(null),
  ]);
  return { ticket, messages, attachments: attachments.filter((row) => isVisibleTo(row, caller)), history };
}
