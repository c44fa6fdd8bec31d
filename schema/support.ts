import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const TICKET_CATEGORIES = [
  "order_issue",
  "return",
  "payment",
  "cover_customisation",
  "account",
  "other",
] as const;

export const TICKET_STATUSES = [
  "open",
  "awaiting_seller",
  "awaiting_buyer",
  "escalated",
  "resolved",
  "closed",
] as const;

/** A buyer's conversation with one seller (about a seller order) or with the marketplace's support. */
export const supportTickets = sqliteTable(
  "support_tickets",
  {
    id: text("id").primaryKey(),
    buyerId: text("buyer_id").notNull(),
    /** Null for a ticket the marketplace's support answers. */
    sellerId: text("seller_id"),
    sellerOrderId: text("seller_order_id"),
    category: text("category", { enum: TICKET_CATEGORIES }).notNull(),
    subject: text("subject").notNull(),
    status: text("status", { enum: TICKET_STATUSES }).notNull(),
    /** Unanswered by the seller by then, the ticket goes to admins. Null when no seller reply is awaited. */
    sellerReplyDueAt: integer("seller_reply_due_at"),
    firstSellerReplyAt: integer("first_seller_reply_at"),
    escalatedAt: integer("escalated_at"),
    resolvedAt: integer("resolved_at"),
    feedbackRating: integer("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    feedbackAt: integer("feedback_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("support_tickets_buyer_idx").on(t.buyerId, t.status, t.id),
    index("support_tickets_seller_idx").on(t.sellerId, t.status, t.id),
    index("support_tickets_status_idx").on(t.status, t.id),
    index("support_tickets_reply_due_idx").on(t.status, t.sellerReplyDueAt),
  ],
);

/** One message of a ticket's conversation: the communication log. */
export const supportMessages = sqliteTable(
  "support_messages",
  {
    id: text("id").primaryKey(),
    ticketId: text("ticket_id").notNull(),
    /** `buyer`, `seller` or `support` (an admin). */
    authorRole: text("author_role", { enum: ["buyer", "seller", "support"] }).notNull(),
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("support_messages_ticket_idx").on(t.ticketId, t.id)],
);

/** Every status change of a ticket and every admin action on it: who, from, to, a note, the request, when. */
export const supportTicketHistory = sqliteTable(
  "support_ticket_history",
  {
    id: text("id").primaryKey(),
    ticketId: text("ticket_id").notNull(),
    /** `buyer:<id>`, `seller:<id>`, `admin:<id>` or `system:<step>`. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
    requestId: text("request_id"),
    at: integer("at").notNull(),
  },
  (t) => [index("support_ticket_history_ticket_idx").on(t.ticketId, t.at)],
);

/** A file a party attached to a ticket (an image or a PDF), stored in R2; linked to its message once sent. */
export const supportAttachments = sqliteTable(
  "support_attachments",
  {
    id: text("id").primaryKey(),
    ticketId: text("ticket_id").notNull(),
    /** Null until the message that carries it is posted. */
    messageId: text("message_id"),
    uploaderId: text("uploader_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    key: text("key").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("support_attachments_ticket_idx").on(t.ticketId, t.messageId)],
);
