import { z } from "@hono/zod-openapi";

export const DevMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    headers: z.record(z.string(), z.string()).nullable(),
    template: z.string(),
    sentAt: z.string(),
  })
  .openapi("DevMail");
export type DevMail = z.infer<typeof DevMailSchema>;

export const MailboxQuery = z.object({
  to: z.email(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
