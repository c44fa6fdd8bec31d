import { boolean, index, int, json, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, text, varchar } from "./columns";

/** The community module's tables in MySQL: DDL twins of schema/community.ts, which the stores query. */

export const reviews = mysqlTable(
  "reviews",
  {
    id: id("id").primaryKey(),
    workId: id("work_id").notNull(),
    editionId: id("edition_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    authorId: id("author_id").notNull(),
    authorName: varchar("author_name", 255).notNull(),
    rating: int("rating").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    verified: boolean("verified").notNull().default(false),
    sentiment: int("sentiment").notNull().default(0),
    status: varchar("status", 16).notNull(),
    helpfulCount: int("helpful_count").notNull().default(0),
    unhelpfulCount: int("unhelpful_count").notNull().default(0),
    commentCount: int("comment_count").notNull().default(0),
    revision: int("revision").notNull().default(1),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_author_work_idx").on(t.authorId, t.workId),
    index("reviews_work_newest_idx").on(t.workId, t.status, t.createdAt),
    index("reviews_work_helpful_idx").on(t.workId, t.status, t.helpfulCount),
    index("reviews_work_rating_idx").on(t.workId, t.status, t.rating),
  ],
);

export const reviewVotes = mysqlTable(
  "review_votes",
  {
    reviewId: id("review_id").notNull(),
    voterId: id("voter_id").notNull(),
    helpful: boolean("helpful").notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.voterId] })],
);

export const sellerReviews = mysqlTable(
  "seller_reviews",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id").notNull(),
    sellerOrderId: id("seller_order_id").notNull(),
    buyerId: id("buyer_id").notNull(),
    authorName: varchar("author_name", 255).notNull(),
    rating: int("rating").notNull(),
    comment: text("comment"),
    sentiment: int("sentiment").notNull().default(0),
    status: varchar("status", 16).notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("seller_reviews_seller_order_idx").on(t.sellerOrderId),
    index("seller_reviews_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("seller_reviews_buyer_idx").on(t.buyerId),
  ],
);

export const threads = mysqlTable(
  "threads",
  {
    id: id("id").primaryKey(),
    workId: id("work_id").notNull(),
    editionId: id("edition_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    authorId: id("author_id").notNull(),
    authorName: varchar("author_name", 255).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: varchar("status", 16).notNull(),
    commentCount: int("comment_count").notNull().default(0),
    deletedAt: epochMs("deleted_at"),
    lastActivityAt: epochMs("last_activity_at").notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("threads_work_activity_idx").on(t.workId, t.status, t.lastActivityAt),
    index("threads_author_idx").on(t.authorId),
  ],
);

export const comments = mysqlTable(
  "comments",
  {
    id: id("id").primaryKey(),
    subjectType: varchar("subject_type", 16).notNull(),
    subjectId: id("subject_id").notNull(),
    parentId: id("parent_id"),
    /** At most three ids and two slashes. */
    path: varchar("path", 200).notNull(),
    depth: int("depth").notNull(),
    authorId: id("author_id").notNull(),
    authorName: varchar("author_name", 255).notNull(),
    body: text("body").notNull(),
    status: varchar("status", 16).notNull(),
    replyCount: int("reply_count").notNull().default(0),
    deletedAt: epochMs("deleted_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("comments_subject_path_idx").on(t.subjectType, t.subjectId, t.path),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId),
  ],
);

export const threadFollows = mysqlTable(
  "thread_follows",
  {
    threadId: id("thread_id").notNull(),
    userId: id("user_id").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_follows_user_idx").on(t.userId)],
);

export const contentReports = mysqlTable(
  "content_reports",
  {
    id: id("id").primaryKey(),
    targetType: varchar("target_type", 16).notNull(),
    targetId: id("target_id").notNull(),
    reporterId: id("reporter_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("content_reports_target_reporter_idx").on(t.targetType, t.targetId, t.reporterId)],
);

export const moderationItems = mysqlTable(
  "moderation_items",
  {
    id: id("id").primaryKey(),
    targetType: varchar("target_type", 16).notNull(),
    targetId: id("target_id").notNull(),
    authorId: id("author_id").notNull(),
    status: varchar("status", 16).notNull(),
    cause: varchar("cause", 16).notNull(),
    flags: json("flags").notNull(),
    reportCount: int("report_count").notNull().default(0),
    decidedBy: id("decided_by"),
    decisionNote: text("decision_note"),
    decidedAt: epochMs("decided_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("moderation_items_target_idx").on(t.targetType, t.targetId),
    index("moderation_items_status_idx").on(t.status, t.createdAt),
  ],
);

export const ratingRecomputes = mysqlTable("rating_recomputes", {
  id: id("id").primaryKey(),
  worksChecked: int("works_checked").notNull(),
  worksCorrected: int("works_corrected").notNull(),
  sellersChecked: int("sellers_checked").notNull(),
  sellersCorrected: int("sellers_corrected").notNull(),
  ranAt: epochMs("ran_at").notNull(),
});
