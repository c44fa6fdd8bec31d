import { z } from "@hono/zod-openapi";
import { CONTENT_STATUSES, MODERATION_STATUSES, MODERATION_TARGETS } from "../../schema/community";
import { humanText, PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";

/** Request and response shapes of the community routes; the OpenAPI document is generated from these. */

export { IsbnParam } from "../catalog";
export { SellerOrderIdParam } from "../orders";

const Stars = z.number().int().min(1).max(5).openapi({ description: "1 to 5 stars", example: 4 });
const ReviewTitle = humanText(z.string().trim().min(1).max(120)).openapi({ example: "A quiet masterpiece" });
const ReviewText = humanText(z.string().trim().min(1).max(5000), { multiline: true }).openapi({
  description: "Plain text: shown as written, never as HTML",
  example: "Slow to start, then I could not put it down.",
});

/** `strict`: a field the server decides (`verified`, `status`…) is refused, never taken from the client. */
export const ReviewBody = z
  .object({ rating: Stars, title: ReviewTitle.optional(), body: ReviewText })
  .strict()
  .openapi("ReviewRequest");
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ReviewPatch = z
  .object({ rating: Stars, title: ReviewTitle.nullable(), body: ReviewText })
  .partial()
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "send at least one of rating, title, body",
  })
  .openapi("ReviewUpdate");
export type ReviewPatch = z.infer<typeof ReviewPatch>;

export const REVIEW_SORTS = ["helpful", "newest", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const ReviewsQuery = PageQuery.extend({
  sort: z.enum(REVIEW_SORTS).default("helpful").openapi({
    description: "helpful: most helpful votes first; newest; highest or lowest stars first. Ties: newest first.",
  }),
  verified: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .openapi({ type: "string", description: "true: only reviews by readers who bought the book (delivered)" }),
});
export type ReviewsQuery = z.infer<typeof ReviewsQuery>;

export const ReviewIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("rev"), "a review id (rev_…)")
    .openapi({ example: "rev_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const ReviewSchema = z
  .object({
    id: z.string(),
    isbn13: z.string().openapi({ description: "The edition reviewed; the review shows on every edition of the work" }),
    authorName: z.string(),
    rating: z.number().int(),
    title: z.string().nullable(),
    body: z.string(),
    verified: z.boolean().openapi({ description: "The author received a copy of the work from a seller here" }),
    status: z.enum(CONTENT_STATUSES).openapi({
      description: "published, or pending while a moderator looks at it (only its author sees it then)",
    }),
    helpfulCount: z.number().int(),
    unhelpfulCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Review");
export type ReviewView = z.infer<typeof ReviewSchema>;

export const ReviewPageSchema = z
  .object({ items: z.array(ReviewSchema), nextCursor: z.string().nullable() })
  .openapi("ReviewPage");

export const VoteBody = z
  .object({ helpful: z.boolean().openapi({ description: "true: helpful; false: not helpful" }) })
  .strict()
  .openapi("ReviewVoteRequest");
export type VoteBody = z.infer<typeof VoteBody>;

export const VoteSchema = z
  .object({
    reviewId: z.string(),
    helpful: z.boolean(),
    helpfulCount: z.number().int(),
    unhelpfulCount: z.number().int(),
  })
  .openapi("ReviewVote");

export const SellerReviewBody = z
  .object({
    rating: Stars,
    comment: humanText(z.string().trim().min(1).max(2000), { multiline: true })
      .optional()
      .openapi({ description: "Plain text, shown as written" }),
  })
  .strict()
  .openapi("SellerReviewRequest");
export type SellerReviewBody = z.infer<typeof SellerReviewBody>;

export const SellerReviewSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    sellerOrderId: z.string(),
    authorName: z.string(),
    rating: z.number().int(),
    comment: z.string().nullable(),
    status: z.enum(CONTENT_STATUSES),
    createdAt: z.string(),
  })
  .openapi("SellerReview");
export type SellerReviewView = z.infer<typeof SellerReviewSchema>;

export const SellerReviewPageSchema = z
  .object({ items: z.array(SellerReviewSchema), nextCursor: z.string().nullable() })
  .openapi("SellerReviewPage");

export { SellerIdParam } from "../sellers";

/** A seller's reviews page by page, newest first. */
export const SellerReviewsQuery = PageQuery;

/** Threads and comments. */

const idParam = (prefix: "thr" | "cmt", what: string) =>
  z.object({
    id: z
      .string()
      .regex(idPattern(prefix), `a ${what} id (${prefix}_…)`)
      .openapi({ example: `${prefix}_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f` }),
  });

export const ThreadIdParam = idParam("thr", "thread");
export const CommentIdParam = idParam("cmt", "comment");

/** Plain text, stored and answered as written: it is never read as HTML or Markdown anywhere. */
const ThreadTitle = humanText(z.string().trim().min(1).max(200)).openapi({ example: "Is the ending a dream?" });
const PostBody = (max: number) =>
  humanText(z.string().trim().min(1).max(max), { multiline: true }).openapi({
    description: "Plain text (line breaks kept); never interpreted as HTML",
  });

export const ThreadBody = z.object({ title: ThreadTitle, body: PostBody(10_000) }).openapi("ThreadRequest");
export type ThreadBody = z.infer<typeof ThreadBody>;

export const ThreadPatch = ThreadBody.partial()
  .refine((patch) => patch.title !== undefined || patch.body !== undefined, {
    message: "send at least one of title, body",
  })
  .openapi("ThreadUpdate");
export type ThreadPatch = z.infer<typeof ThreadPatch>;

export const CommentBody = z
  .object({
    body: PostBody(5_000),
    parentId: CommentIdParam.shape.id
      .optional()
      .openapi({ description: "The comment this one answers; left out for a top-level comment" }),
  })
  .openapi("CommentRequest");
export type CommentBody = z.infer<typeof CommentBody>;

export const CommentPatch = z.object({ body: PostBody(5_000) }).openapi("CommentUpdate");
export type CommentPatch = z.infer<typeof CommentPatch>;

export const ThreadsQuery = PageQuery;
export type ThreadsQuery = z.infer<typeof ThreadsQuery>;

export const CommentsQuery = PageQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(20)
    .openapi({ description: "Top-level comments per page, each with all its replies" }),
});
export type CommentsQuery = z.infer<typeof CommentsQuery>;

export const ThreadSchema = z
  .object({
    id: z.string(),
    workId: z.string(),
    isbn13: z.string().openapi({ description: "The edition the thread was opened from" }),
    authorId: z.string(),
    authorName: z.string(),
    title: z.string().nullable().openapi({ description: "null once its author deleted it" }),
    body: z.string().nullable().openapi({ description: "null once its author deleted it" }),
    deleted: z.boolean(),
    status: z.enum(CONTENT_STATUSES).openapi({ description: "pending: held for a moderator, not shown yet" }),
    commentCount: z.number().int(),
    lastActivityAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Thread");
export type ThreadView = z.infer<typeof ThreadSchema>;

export const ThreadPage = z
  .object({ items: z.array(ThreadSchema), nextCursor: z.string().nullable() })
  .openapi("ThreadPage");

/** A comment as its author gets it back from a write. */
export const CommentSchema = z
  .object({
    id: z.string(),
    subjectType: z.enum(["thread", "review"]),
    subjectId: z.string(),
    parentId: z.string().nullable(),
    depth: z.number().int().min(0).max(2),
    authorId: z.string(),
    authorName: z.string(),
    body: z.string(),
    status: z.enum(CONTENT_STATUSES).openapi({ description: "pending: held for a moderator, not shown yet" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Comment");
export type CommentView = z.infer<typeof CommentSchema>;

const nodeFields = {
  id: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int().min(0).max(2),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string().nullable().openapi({ description: "null when its author deleted it (its replies stay)" }),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The tree is at most three levels deep, so each level is its own schema (no recursive type to resolve). */
const DeepestReply = z
  .object({
    ...nodeFields,
    replies: z.array(z.unknown()).max(0).openapi({ description: "Always empty: replies nest three levels deep" }),
  })
  .openapi("CommentReplyOfReply");
const Reply = z.object({ ...nodeFields, replies: z.array(DeepestReply) }).openapi("CommentReply");
const CommentNodeSchema = z.object({ ...nodeFields, replies: z.array(Reply) }).openapi("CommentNode");
export type CommentNode = z.infer<typeof CommentNodeSchema>;

const CommentTree = {
  comments: z
    .array(CommentNodeSchema)
    .openapi({ description: "Top-level comments oldest first, each with its replies (oldest first) nested" }),
  nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next top-level comments" }),
};

export const ThreadDetailSchema = z.object({ thread: ThreadSchema, ...CommentTree }).openapi("ThreadDetail");
export const ReviewCommentsSchema = z.object({ reviewId: z.string(), ...CommentTree }).openapi("ReviewComments");

/** Any community content id: a review (`rev_`), seller review (`srv_`), comment (`cmt_`) or thread (`thr_`). */
const ContentId = z
  .string()
  .regex(/^(rev|srv|cmt|thr)_[0-9a-f]{32}$/, "a review, seller review, comment or thread id")
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

export const ModerationQueueQuery = PageQuery.extend({
  status: z.enum(["pending", "hidden"]).default("pending").openapi({
    description: "`pending`: held by the content filter; `hidden`: hidden after readers' reports",
  }),
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
