import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The community module's tables: reviews of works and of sellers, helpful votes, discussion threads and their
 * comments, thread followers, reports and the moderation queue. Authors' names are copied at write time (a
 * deleted account's are replaced), so a page of reviews or comments is read from one table.
 */

/** What readers can see: `pending` waits for a moderator, `hidden` was reported or hidden, `removed` was decided. */
export const CONTENT_STATUSES = ["published", "pending", "hidden", "removed"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** What moderation acts on: book reviews, seller reviews, comments and threads. */
export const MODERATION_TARGETS = ["review", "seller_review", "comment", "thread"] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

/**
 * A reader's review of a work, keeping the edition reviewed. One per reader and work. `verified` is the
 * server's finding that the reader has a delivered seller order of an edition of the work. `sentiment` is the
 * AFINN score of title and body at write time. `revision` grows on every change, so a write that raced another
 * is seen and the rating aggregate moves once.
 */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    workId: text("work_id").notNull(),
    editionId: text("edition_id").notNull(),
    isbn13: text("isbn13").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    rating: integer("rating").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    sentiment: integer("sentiment").notNull().default(0),
    status: text("status", { enum: CONTENT_STATUSES }).notNull(),
    helpfulCount: integer("helpful_count").notNull().default(0),
    unhelpfulCount: integer("unhelpful_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    revision: integer("revision").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_author_work_idx").on(t.authorId, t.workId),
    index("reviews_work_newest_idx").on(t.workId, t.status, t.createdAt),
    index("reviews_work_helpful_idx").on(t.workId, t.status, t.helpfulCount),
    index("reviews_work_rating_idx").on(t.workId, t.status, t.rating),
  ],
);

/** One reader's helpful / not helpful vote on a review; changing it replaces it. */
export const reviewVotes = sqliteTable(
  "review_votes",
  {
    reviewId: text("review_id").notNull(),
    voterId: text("voter_id").notNull(),
    helpful: integer("helpful", { mode: "boolean" }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.voterId] })],
);

/** A buyer's rating of the seller of one delivered seller order: one per seller order. */
export const sellerReviews = sqliteTable(
  "seller_reviews",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id").notNull(),
    sellerOrderId: text("seller_order_id").notNull(),
    buyerId: text("buyer_id").notNull(),
    authorName: text("author_name").notNull(),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    sentiment: integer("sentiment").notNull().default(0),
    status: text("status", { enum: CONTENT_STATUSES }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("seller_reviews_seller_order_idx").on(t.sellerOrderId),
    index("seller_reviews_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("seller_reviews_buyer_idx").on(t.buyerId),
  ],
);

/** A discussion about a work, opened from one of its editions. `lastActivityAt` orders a book's threads. */
export const threads = sqliteTable(
  "threads",
  {
    id: text("id").primaryKey(),
    workId: text("work_id").notNull(),
    editionId: text("edition_id").notNull(),
    isbn13: text("isbn13").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: CONTENT_STATUSES }).notNull(),
    commentCount: integer("comment_count").notNull().default(0),
    /** Set when its author deleted it: title and body are emptied, its comments stay. */
    deletedAt: integer("deleted_at"),
    lastActivityAt: integer("last_activity_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("threads_work_activity_idx").on(t.workId, t.status, t.lastActivityAt),
    index("threads_author_idx").on(t.authorId),
  ],
);

export const COMMENT_SUBJECTS = ["thread", "review"] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];

/**
 * A comment on a thread or a review. `path` is the ids from the top-level comment down to this one, joined by
 * `/` (ids sort by time), so ordering a subject's comments by path lists the tree depth first, oldest first;
 * `depth` is 0 for a top-level comment, at most 2. A deleted comment keeps its row (its replies hang on it)
 * with the body emptied.
 */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    subjectType: text("subject_type", { enum: COMMENT_SUBJECTS }).notNull(),
    subjectId: text("subject_id").notNull(),
    parentId: text("parent_id"),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: CONTENT_STATUSES }).notNull(),
    replyCount: integer("reply_count").notNull().default(0),
    deletedAt: integer("deleted_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("comments_subject_path_idx").on(t.subjectType, t.subjectId, t.path),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId),
  ],
);

/** A reader following a thread: told of every new comment in it. */
export const threadFollows = sqliteTable(
  "thread_follows",
  {
    threadId: text("thread_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_follows_user_idx").on(t.userId)],
);

/** One reader's report of one piece of content; a second report of the same target by the same reader is refused. */
export const contentReports = sqliteTable(
  "content_reports",
  {
    id: text("id").primaryKey(),
    targetType: text("target_type", { enum: MODERATION_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    reporterId: text("reporter_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("content_reports_target_reporter_idx").on(t.targetType, t.targetId, t.reporterId)],
);

export const MODERATION_STATUSES = ["pending", "hidden", "approved", "removed"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * The moderation queue: one item per piece of content a moderator must look at, opened when the filter held it
 * (`pending`) or enough readers reported it (`hidden`), closed by a decision (`approved` / `removed`).
 */
export const moderationItems = sqliteTable(
  "moderation_items",
  {
    id: text("id").primaryKey(),
    targetType: text("target_type", { enum: MODERATION_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    authorId: text("author_id").notNull(),
    status: text("status", { enum: MODERATION_STATUSES }).notNull(),
    /** Why it is in the queue: `filter` (profanity or links) or `reports`. */
    cause: text("cause", { enum: ["filter", "reports"] }).notNull(),
    /** What the filter found, for the moderator (never shown to readers). */
    flags: text("flags", { mode: "json" }).$type<string[]>().notNull(),
    reportCount: integer("report_count").notNull().default(0),
    decidedBy: text("decided_by"),
    decisionNote: text("decision_note"),
    decidedAt: integer("decided_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("moderation_items_target_idx").on(t.targetType, t.targetId),
    index("moderation_items_status_idx").on(t.status, t.createdAt),
  ],
);

/** Each run of the nightly rating recompute: how many aggregates it checked and how many had drifted. */
export const ratingRecomputes = sqliteTable("rating_recomputes", {
  id: text("id").primaryKey(),
  worksChecked: integer("works_checked").notNull(),
  worksCorrected: integer("works_corrected").notNull(),
  sellersChecked: integer("sellers_checked").notNull(),
  sellersCorrected: integer("sellers_corrected").notNull(),
  ranAt: integer("ran_at").notNull(),
});
