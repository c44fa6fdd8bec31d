import { z } from "@hono/zod-openapi";
import { TICKET_CATEGORIES } from "../../schema/support";
import { humanText } from "../http/schemas";

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
    attachmentIds: z.array(z.string().min(1).max(64)).max(5).optional(),
  })
  .openapi("SupportMessageBody");
export type MessageBody = z.infer<typeof MessageBody>;
