import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, type SQL } from "drizzle-orm";
import { supportMessages, supportTicketHistory, supportTickets } from "../../schema/support";
import { olderThan } from "../lib/keyset";
import type { Db } from "../platform/db";
import type { TicketStatus } from "./states";

export type TicketRow = typeof supportTickets.$inferSelect;
export type MessageRow = typeof supportMessages.$inferSelect;
export type HistoryRow = typeof supportTicketHistory.$inferSelect;

export const ticketById = async (db: Db, id: string): Promise<TicketRow | undefined> =>
  (await db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1))[0];

export const insertTicket = (db: Db, row: TicketRow) => db.insert(supportTickets).values(row);
export const insertMessage = (db: Db, row: MessageRow) => db.insert(supportMessages).values(row);
export const insertHistory = (db: Db, row: HistoryRow) => db.insert(supportTicketHistory).values(row);

/** Moves a ticket only if it is still in the status it was read in, so two writers cannot both move it. */
export const updateTicketFrom = (db: Db, id: string, from: TicketStatus, patch: Partial<TicketRow>) =>
  db
    .update(supportTickets)
    .set(patch)
    .where(and(eq(supportTickets.id, id), eq(supportTickets.status, from)));

export const messagesOf = (db: Db, ticketId: string) =>
  db.select().from(supportMessages).where(eq(supportMessages.ticketId, ticketId)).orderBy(asc(supportMessages.id));

export const historyOf = (db: Db, ticketId: string) =>
  db
    .select()
    .from(supportTicketHistory)
    .where(eq(supportTicketHistory.ticketId, ticketId))
    .orderBy(asc(supportTicketHistory.at), asc(supportTicketHistory.id));

export function ticketsPage(
  db: Db,
  filter: { buyerId?: string; sellerId?: string; status?: TicketStatus; limit: number; after?: { createdAt: number; id: string } },
) {
  const conditions: (SQL | undefined)[] = [
    filter.buyerId ? eq(supportTickets.buyerId, filter.buyerId) : undefined,
    filter.sellerId ? eq(supportTickets.sellerId, filter.sellerId) : undefined,
    filter.status ? eq(supportTickets.status, filter.status) : undefined,
    filter.after ? olderThan(supportTickets.createdAt, supportTickets.id, { time: filter.after.createdAt, id: filter.after.id }) : undefined,
  ];
  return db
    .select()
    .from(supportTickets)
    .where(and(...conditions))
    .orderBy(desc(supportTickets.createdAt), desc(supportTickets.id))
    .limit(filter.limit);
}

/** Seller tickets whose seller has not answered in time, oldest due first. */
export const overdueSellerTickets = (db: Db, now: number, limit: number) =>
  db
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.status, "awaiting_seller"), isNotNull(supportTickets.sellerReplyDueAt), lte(supportTickets.sellerReplyDueAt, now)))
    .orderBy(asc(supportTickets.sellerReplyDueAt))
    .limit(limit);

/** Seller tickets opened in [from, to). */
export const sellerTicketsOpenedIn = (db: Db, from: number, to: number) =>
  db
    .select({ sellerId: supportTickets.sellerId, createdAt: supportTickets.createdAt, firstSellerReplyAt: supportTickets.firstSellerReplyAt })
    .from(supportTickets)
    .where(and(isNotNull(supportTickets.sellerId), gte(supportTickets.createdAt, from), lt(supportTickets.createdAt, to)));

/** Records the buyer's rating only if none was given, so two rating requests cannot both land. */
export const rateTicketOnce = (db: Db, id: string, patch: Partial<TicketRow>) =>
  db
    .update(supportTickets)
    .set(patch)
    .where(and(eq(supportTickets.id, id), isNull(supportTickets.feedbackRating)));
