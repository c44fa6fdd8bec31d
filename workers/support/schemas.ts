import { z } from "@hono/zod-openapi";
import { TICKET_CATEGORIES, TICKET_STATUSES } from "../../schema/support";
import { humanText, PageQuery } from "../http/schemas";
import { IMAGE_AND_PDF_TYPES } from "../lib/file-types";
import { idPattern } from "../lib/ids";

/** What a buyer sends to open a ticket. */
export const OpenTicketBody = z
  .object({
    sellerOrderId: z.string().min(1).max(64).optional().openapi({
      description: "The seller order the ticket is about; required for `order_issue`",
    }),
    category: z.enum(TICKET_CATEGORIES),
    subject: humanText(z.string().trim().min(3).max(160)),
    body: humanText(z.string().trim().min(1).max(5_000), { multiline: true }),
  })
  .openapi("OpenSupportTicket");
export type OpenTicketBody = z.infer<typeof OpenTicketBody>;

/** A message in a ticket, with the ids of attachments uploaded to it beforehand. */
export const MessageBody = z
  .object({
    body: humanText(z.string().trim().min(1).max(5_000), { multiline: true }),
    attachmentIds: z
      .array(z.string().regex(idPattern("tka"), "an attachment id (tka_…)"))
      .max(5)
      .optional()
      .openapi({ description: "Files uploaded to this ticket beforehand (at most 5), sent with this message" }),
  })
  .openapi("SupportMessageBody");
export type MessageBody = z.infer<typeof MessageBody>;

const note = humanText(z.string().trim().min(1).max(1_000), { multiline: true });

export const TicketIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("tkt"), "a ticket id (tkt_…)")
    .openapi({ example: "tkt_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const AttachmentParams = TicketIdParam.extend({
  attachmentId: z
    .string()
    .regex(idPattern("tka"), "an attachment id (tka_…)")
    .openapi({ example: "tka_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const TicketsQuery = PageQuery.extend({ status: z.enum(TICKET_STATUSES).optional() });
export type TicketsQuery = z.infer<typeof TicketsQuery>;

export const NoteBody = z.object({ note: note.optional() }).openapi("SupportNote");

export const TicketStatusBody = z
  .object({ status: z.enum(["escalated", "resolved", "closed"]), note: note.optional() })
  .openapi("SupportTicketStatusChange");

export const FeedbackBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: humanText(z.string().trim().min(1).max(2_000), { multiline: true }).optional(),
  })
  .openapi("SupportFeedback");

export const AttachmentQuery = z.object({
  fileName: humanText(z.string().trim().min(1).max(120))
    .refine((name) => !/["/\\]/.test(name), "must not hold quotes, slashes or backslashes")
    .optional()
    .openapi({ description: "The file's name, shown to the other side and used when it is downloaded" }),
});

export const TicketSchema = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    sellerId: z.string().nullable().openapi({ description: "Null when the marketplace's support answers" }),
    sellerOrderId: z.string().nullable(),
    category: z.enum(TICKET_CATEGORIES),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    sellerReplyDueAt: z.string().nullable().openapi({ description: "Unanswered by then, the ticket escalates" }),
    firstSellerReplyAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    feedback: z.object({ rating: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SupportTicket");
export type TicketView = z.infer<typeof TicketSchema>;

export const MessageSchema = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    authorRole: z.enum(["buyer", "seller", "support"]),
    body: z.string(),
    attachmentIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("SupportMessage");
export type MessageView = z.infer<typeof MessageSchema>;

export const AttachmentSchema = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    messageId: z.string().nullable().openapi({ description: "Null until a message carries it" }),
    fileName: z.string(),
    contentType: z.enum(IMAGE_AND_PDF_TYPES),
    bytes: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("SupportAttachment");
export type AttachmentView = z.infer<typeof AttachmentSchema>;

export const HistorySchema = z
  .object({
    actor: z.string().openapi({ description: "`buyer:<id>`, `seller:<id>`, `admin:<id>` or `system:<step>`" }),
    action: z.string(),
    from: z.enum(TICKET_STATUSES).nullable(),
    to: z.enum(TICKET_STATUSES).nullable(),
    note: z.string().nullable(),
    requestId: z.string().nullable(),
    at: z.string(),
  })
  .openapi("SupportTicketHistoryEntry");

export const ConversationSchema = TicketSchema.extend({
  messages: z.array(MessageSchema),
  attachments: z.array(AttachmentSchema),
  history: z.array(HistorySchema).optional().openapi({ description: "The audit trail; admins only" }),
}).openapi("SupportConversation");
export type ConversationView = z.infer<typeof ConversationSchema>;

export const TicketPage = z
  .object({ items: z.array(TicketSchema), nextCursor: z.string().nullable() })
  .openapi("SupportTicketPage");
