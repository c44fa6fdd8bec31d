import { z } from "@hono/zod-openapi";

export const DeadLetterSchema = z
  .object({
    id: z.string(),
    queue: z.string(),
    messageId: z.string(),
    eventId: z.string().nullable(),
    eventType: z.string().nullable(),
    body: z.unknown(),
    attempts: z.number().int(),
    reason: z.string(),
    receivedAt: z.string(),
    replayedAt: z.string().nullable(),
    replayCount: z.number().int(),
  })
  .openapi("DeadLetter");
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export const DeadLetterPage = z.object({ items: z.array(DeadLetterSchema), nextCursor: z.string().nullable() });

export const DeadLetterIdParam = z.object({ id: z.string().regex(/^dlq_[0-9a-f]{32}$/) });
