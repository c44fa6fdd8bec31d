import { z } from "@hono/zod-openapi";
import { CONTENT_STATUSES, MODERATION_STATUSES, MODERATION_TARGETS } from "../../schema/community";
import { humanText } from "../http/schemas";

/** Any community content id: a review (`rev_`), comment (`cmt_`) or thread (`thr_`). */
const ContentId = z
  .string()
  .regex(/^(rev|cmt|thr)_[0-9a-f]{32}$/, "a review, comment or thread id")
  .openapi({ example: "cmt_0192f0c1a2b37c4d8e9f0a1b2c3d4e5f" });

export const ReportBody = z
  .object({
    targetType: z.enum(MODERATION_TARGETS),
    targetId: ContentId,
    reason: humanText(z.string().trim().min(1).max(500), { multiline: true }).openapi({
      description: "Why it should not be shown, in the reader's words (plain text)",
      example: "Spam: links to a shop selling counterfeit copies",
    }),
  })
  .openapi("ReportRequest");
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportSchema = z
  .object({
    id: z.string(),
    targetType: z.enum(MODERATION_TARGETS),
    targetId: z.string(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .openapi("Report");
export type ReportSchema = z.infer<typeof ReportSchema>;

export const ModerationQueueQuery = z.object({
  status: z.enum(["pending", "hidden"]).default("pending").openapi({
    description: "`pending`: held by the content filter; `hidden`: hidden after readers' reports",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export const DecisionBody = z
  .object({
    action: z.enum(["approve", "remove"]).openapi({
      description: "`approve` publishes the content again; `remove` takes it out of public view for good",
    }),
    note: humanText(z.string().trim().min(1).max(1000), { multiline: true }).openapi({
      description: "Why, for the author (sent to them by mail) and the audit log",
      example: "Quoting the book is fine; the reports were mistaken.",
    }),
  })
  .openapi("ModerationDecision");
export type DecisionBody = z.infer<typeof DecisionBody>;

export const ModerationItemSchema = z
  .object({
    id: z.string(),
    status: z.enum(MODERATION_STATUSES),
    cause: z.enum(["filter", "reports"]),
    flags: z.array(z.string()).openapi({ description: "What the content filter found (`profanity`, `links`)" }),
    reportCount: z.number().int(),
    reasons: z.array(z.string()).openapi({ description: "The newest reports' reasons (up to 20)" }),
    target: z
      .object({
        type: z.enum(MODERATION_TARGETS),
        id: z.string(),
        status: z.enum(CONTENT_STATUSES),
        title: z.string().nullable(),
        body: z.string(),
        deleted: z.boolean(),
        author: z.object({ id: z.string(), name: z.string() }),
      })
      .nullable()
      .openapi({ description: "The content as it is now, as plain text; null when its author deleted it" }),
    decision: z
      .object({
        action: z.enum(["approve", "remove"]),
        note: z.string(),
        decidedBy: z.string(),
        decidedAt: z.string(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ModerationItem");
export type ModerationItemSchema = z.infer<typeof ModerationItemSchema>;
