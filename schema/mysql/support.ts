import { index, int, mysqlTable } from "drizzle-orm/mysql-core";
import { epochMs, id, text, varchar } from "./columns";

/** The support module's tables in MySQL: DDL twins of schema/support.ts, which the stores query. */

const ACTOR = 128;

export const supportTickets = mysqlTable(
  "support_tickets",
  {
    id: id("id").primaryKey(),
    buyerId: id("buyer_id").notNull(),
    sellerId: id("seller_id"),
    sellerOrderId: id("seller_order_id"),
    category: varchar("category", 32).notNull(),
    subject: text("subject").notNull(),
    status: varchar("status", 16).notNull(),
    sellerReplyDueAt: epochMs("seller_reply_due_at"),
    firstSellerReplyAt: epochMs("first_seller_reply_at"),
    escalatedAt: epochMs("escalated_at"),
    resolvedAt: epochMs("resolved_at"),
    feedbackRating: int("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    feedbackAt: epochMs("feedback_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("support_tickets_buyer_idx").on(t.buyerId, t.status, t.id),
    index("support_tickets_seller_idx").on(t.sellerId, t.status, t.id),
    index("support_tickets_status_idx").on(t.status, t.id),
    index("support_tickets_reply_due_idx").on(t.status, t.sellerReplyDueAt),
  ],
);

export const supportMessages = mysqlTable(
  "support_messages",
  {
    id: id("id").primaryKey(),
    ticketId: id("ticket_id").notNull(),
    authorRole: varchar("author_role", 16).notNull(),
    authorId: id("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("support_messages_ticket_idx").on(t.ticketId, t.id)],
);

export const supportTicketHistory = mysqlTable(
  "support_ticket_history",
  {
    id: id("id").primaryKey(),
    ticketId: id("ticket_id").notNull(),
    actor: varchar("actor", ACTOR).notNull(),
    action: varchar("action", 32).notNull(),
    fromStatus: varchar("from_status", 16),
    toStatus: varchar("to_status", 16),
    note: text("note"),
    requestId: varchar("request_id", 64),
    at: epochMs("at").notNull(),
  },
  (t) => [index("support_ticket_history_ticket_idx").on(t.ticketId, t.at)],
);

export const supportAttachments = mysqlTable(
  "support_attachments",
  {
    id: id("id").primaryKey(),
    ticketId: id("ticket_id").notNull(),
    messageId: id("message_id"),
    uploaderId: id("uploader_id").notNull(),
    fileName: varchar("file_name", 255).notNull(),
    contentType: varchar("content_type", 64).notNull(),
    bytes: int("bytes").notNull(),
    key: varchar("key", 128).notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("support_attachments_ticket_idx").on(t.ticketId, t.messageId)],
);
