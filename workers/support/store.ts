import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import { supportAttachments, supportMessages, supportTicketHistory, supportTickets } from "../../schema/support";
import { olderThan } from "../lib/keyset";
import type { Db } from "../platform/db";
import type { TicketStatus } from "./states";

export type TicketRow = typeof supportTickets.$inferSelect;
export type MessageRow = typeof supportMessages.$inferSelect;
export type HistoryRow = typeof supportTicketHistory.$inferSelect;
export type AttachmentRow = typeof supportAttachments.$inferSelect;

export const ticketById = async (db: Db, id: string): Promise<TicketRow | undefined> =>
  (await db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1))[0];

export const insertTicket = (db: Db, row: TicketRow) => db.insert(supportTickets).values(row);
export const insertMessage = (db: Db, row: MessageRow) => db.insert(supportMessages).values(row);
export const insertHistory = (db: Db, row: HistoryRow) => db.insert(supportTicketHistory).values(row);

/**
 * A compare-and-set move of a ticket: it takes `to` (and `patch`) only if it is still `from`; otherwise the NOT NULL
 * status refuses the NULL and the whole batch (its message, history row and events) rolls back.
 */
export function moveTicketRow(
  db: Db,
  ticket: Pick<TicketRow, "id" | "status">,
  to: TicketStatus,
  patch: Partial<TicketRow>,
) {
  const status =
    sql`CASE WHEN ${supportTickets.status} = ${ticket.status} THEN ${to} ELSE NULL END` as unknown as TicketStatus;
  return db
    .update(supportTickets)
    .set({ ...patch, status })
    .where(eq(supportTickets.id, ticket.id));
}

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
  filter: {
    buyerId?: string;
    sellerId?: string;
    status?: TicketStatus;
    limit: number;
    after?: { createdAt: number; id: string };
  },
) {
  const conditions: (SQL | undefined)[] = [
    filter.buyerId ? eq(supportTickets.buyerId, filter.buyerId) : undefined,
    filter.sellerId ? eq(supportTickets.sellerId, filter.sellerId) : undefined,
    filter.status ? eq(supportTickets.status, filter.status) : undefined,
    filter.after
      ? olderThan(supportTickets.createdAt, supportTickets.id, { time: filter.after.createdAt, id: filter.after.id })
      : undefined,
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
    .where(
      and(
        eq(supportTickets.status, "awaiting_seller"),
        isNotNull(supportTickets.sellerReplyDueAt),
        lte(supportTickets.sellerReplyDueAt, now),
      ),
    )
    .orderBy(asc(supportTickets.sellerReplyDueAt))
    .limit(limit);

/** Seller tickets opened in [from, to). */
export const sellerTicketsOpenedIn = (db: Db, from: number, to: number) =>
  db
    .select({
      sellerId: supportTickets.sellerId,
      createdAt: supportTickets.createdAt,
      firstSellerReplyAt: supportTickets.firstSellerReplyAt,
    })
    .from(supportTickets)
    .where(
      and(isNotNull(supportTickets.sellerId), gte(supportTickets.createdAt, from), lt(supportTickets.createdAt, to)),
    );

/** Records the buyer's rating only if none was given, so two rating requests cannot both land. */
export const rateTicketOnce = (db: Db, id: string, patch: Partial<TicketRow>) =>
  db
    .update(supportTickets)
    .set(patch)
    .where(and(eq(supportTickets.id, id), isNull(supportTickets.feedbackRating)));

export const attachmentsOf = (db: Db, ticketId: string) =>
  db
    .select()
    .from(supportAttachments)
    .where(eq(supportAttachments.ticketId, ticketId))
    .orderBy(asc(supportAttachments.id));

export const insertAttachment = (db: Db, row: AttachmentRow) => db.insert(supportAttachments).values(row);

export const attachmentById = async (db: Db, ticketId: string, id: string): Promise<AttachmentRow | undefined> =>
  (
    await db
      .select()
      .from(supportAttachments)
      .where(and(eq(supportAttachments.id, id), eq(supportAttachments.ticketId, ticketId)))
      .limit(1)
  )[0];

/** Of `ids`, the uploader's attachments of the ticket that no message carries yet. */
export const draftAttachments = (db: Db, ticketId: string, uploaderId: string, ids: string[]) =>
  db
    .select({ id: supportAttachments.id })
    .from(supportAttachments)
    .where(
      and(
        inArray(supportAttachments.id, ids),
        eq(supportAttachments.ticketId, ticketId),
        eq(supportAttachments.uploaderId, uploaderId),
        isNull(supportAttachments.messageId),
      ),
    );

/** Links draft attachments to the message that carries them (in the message's batch). */
export const linkAttachments = (db: Db, ticketId: string, ids: string[], messageId: string) =>
  db
    .update(supportAttachments)
    .set({ messageId })
    .where(
      and(
        inArray(supportAttachments.id, ids),
        eq(supportAttachments.ticketId, ticketId),
        isNull(supportAttachments.messageId),
      ),
    );
