import type { Conversation } from "../reading";
import type { AttachmentView, ConversationView, MessageView, TicketView } from "../schemas";
import type * as store from "../store";

const iso = (at: number) => new Date(at).toISOString();
const isoOrNull = (at: number | null) => (at === null ? null : iso(at));

/** A ticket as its parties see it, datetimes in ISO 8601. */
export const ticketView = (row: store.TicketRow): TicketView => ({
  id: row.id,
  buyerId: row.buyerId,
  sellerId: row.sellerId,
  sellerOrderId: row.sellerOrderId,
  category: row.category,
  subject: row.subject,
  status: row.status,
  sellerReplyDueAt: isoOrNull(row.sellerReplyDueAt),
  firstSellerReplyAt: isoOrNull(row.firstSellerReplyAt),
  escalatedAt: isoOrNull(row.escalatedAt),
  resolvedAt: isoOrNull(row.resolvedAt),
  feedback:
    row.feedbackRating === null
      ? null
      : { rating: row.feedbackRating, comment: row.feedbackComment, at: iso(row.feedbackAt ?? row.updatedAt) },
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

export const messageView = (row: store.MessageRow, attachmentIds: string[] = []): MessageView => ({
  id: row.id,
  ticketId: row.ticketId,
  authorRole: row.authorRole,
  body: row.body,
  attachmentIds,
  createdAt: iso(row.createdAt),
});

export const attachmentView = (row: store.AttachmentRow): AttachmentView => ({
  id: row.id,
  ticketId: row.ticketId,
  messageId: row.messageId,
  fileName: row.fileName,
  contentType: row.contentType as AttachmentView["contentType"],
  bytes: row.bytes,
  createdAt: iso(row.createdAt),
});

/** A ticket with its messages and files; the audit trail only where the reader is support. */
export function conversationView({ ticket, messages, attachments, history }: Conversation): ConversationView {
  const carried = (messageId: string) => attachments.filter((row) => row.messageId === messageId).map((row) => row.id);
  return {
    ...ticketView(ticket),
    messages: messages.map((message) => messageView(message, carried(message.id))),
    attachments: attachments.map(attachmentView),
    ...(history === null
      ? {}
      : {
          history: history.map((entry) => ({
            actor: entry.actor,
            action: entry.action,
            from: entry.fromStatus as TicketView["status"] | null,
            to: entry.toStatus as TicketView["status"] | null,
            note: entry.note,
            requestId: entry.requestId,
            at: iso(entry.at),
          })),
        }),
  };
}
