import { z } from "@hono/zod-openapi";
import { CONTENT_STATUSES } from "../../schema/community";
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
