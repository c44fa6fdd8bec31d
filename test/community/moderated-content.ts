import { eq } from "drizzle-orm";
import { editions } from "../../schema/catalog";
import { comments, reviews, threads } from "../../schema/community";
import { moveWorkStars } from "../../workers/catalog";
import { openModerationItem } from "../../workers/community/store/moderation-items";
import { newId } from "../../workers/lib/ids";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { firstRow, testDatabase, testDb } from "../support/database";
import { api, type TestAccount } from "../support/identity";

/**
 * Reviews, threads and comments to moderate, written straight to the community tables as the posting routes
 * store them (published, or pending with the filter's moderation item), with the work's stars moved for a
 * published review as the review write does.
 */

export interface TestBook {
  isbn13: string;
  workId: string;
  editionId: string;
}

let books = 0;

export async function aBook(): Promise<TestBook> {
  const isbn13 = testIsbn(700_000 + ++books * 97 + Math.floor(Math.random() * 90_000));
  await addBooks(catalogContext(), [{ isbn: isbn13, title: `Moderated Book ${books}`, authors: ["Mo Derator"] }]);
  const edition = await firstRow(
    testDb()
      .select({ id: editions.id, workId: editions.workId })
      .from(editions)
      .where(eq(editions.isbn13, isbn13))
      .limit(1),
  );
  if (!edition) throw new Error(`no edition ${isbn13}`);
  return { isbn13, workId: edition.workId, editionId: edition.id };
}

type Status = "published" | "pending";

async function held(type: "review" | "thread" | "comment", id: string, authorId: string, status: Status) {
  if (status !== "pending") return;
  await openModerationItem(
    testDb(),
    { id: newId("mod"), targetType: type, targetId: id, authorId, cause: "filter", flags: ["profanity"] },
    Date.now(),
  );
}

export async function aReview(
  author: TestAccount,
  book: TestBook,
  opts: { rating?: number; title?: string | null; body?: string; status?: Status; name?: string } = {},
): Promise<string> {
  const id = newId("rev");
  const now = Date.now();
  const rating = opts.rating ?? 4;
  const status = opts.status ?? "published";
  await testDb()
    .insert(reviews)
    .values({
      id,
      workId: book.workId,
      editionId: book.editionId,
      isbn13: book.isbn13,
      authorId: author.userId,
      authorName: opts.name ?? "Test Reader",
      rating,
      title: opts.title === undefined ? "A fine read" : opts.title,
      body: opts.body ?? "It kept me up all night.",
      status,
      createdAt: now,
      updatedAt: now,
    });
  if (status === "published") {
    const move = moveWorkStars(testDb(), book.workId, { from: null, to: rating });
    if (move) await move;
  }
  await held("review", id, author.userId, status);
  return id;
}

export async function aThread(
  author: TestAccount,
  book: TestBook,
  opts: { title?: string; body?: string; status?: Status; name?: string } = {},
): Promise<string> {
  const id = newId("thr");
  const now = Date.now();
  const status = opts.status ?? "published";
  await testDb()
    .insert(threads)
    .values({
      id,
      workId: book.workId,
      editionId: book.editionId,
      isbn13: book.isbn13,
      authorId: author.userId,
      authorName: opts.name ?? "Test Reader",
      title: opts.title ?? "Who else cried at the ending?",
      body: opts.body ?? "No spoilers, but chapter 12.",
      status,
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    });
  await held("thread", id, author.userId, status);
  return id;
}

export async function aComment(
  author: TestAccount,
  threadId: string,
  opts: { body?: string; status?: Status; parentId?: string; name?: string } = {},
): Promise<string> {
  const id = newId("cmt");
  const now = Date.now();
  const status = opts.status ?? "published";
  await testDb()
    .insert(comments)
    .values({
      id,
      subjectType: "thread",
      subjectId: threadId,
      parentId: opts.parentId ?? null,
      path: opts.parentId ? `${opts.parentId}/${id}` : id,
      depth: opts.parentId ? 1 : 0,
      authorId: author.userId,
      authorName: opts.name ?? "Test Reader",
      body: opts.body ?? "Same here.",
      status,
      createdAt: now,
      updatedAt: now,
    });
  await held("comment", id, author.userId, status);
  return id;
}

/** `POST /v1/reports` as `reporter`. */
export function report(reporter: TestAccount, targetType: string, targetId: string, reason = "Spam") {
  return api("/v1/reports", {
    method: "POST",
    headers: { "content-type": "application/json", ...reporter.auth },
    body: JSON.stringify({ targetType, targetId, reason }),
  });
}

/** The status of a review, seller review, thread or comment as stored. */
export async function statusOf(
  type: "review" | "seller_review" | "thread" | "comment",
  id: string,
): Promise<string | undefined> {
  const table = { review: "reviews", seller_review: "seller_reviews", thread: "threads", comment: "comments" }[type];
  return (await testDatabase.prepare(`SELECT status FROM ${table} WHERE id = ?`).bind(id).first<{ status: string }>())
    ?.status;
}

/** The moderation items of a target. */
export async function itemsOf(targetId: string) {
  return (
    await testDatabase
      .prepare(
        "SELECT id, status, cause, report_count, decided_by, decision_note FROM moderation_items WHERE target_id = ?",
      )
      .bind(targetId)
      .all<{
        id: string;
        status: string;
        cause: string;
        report_count: number;
        decided_by: string | null;
        decision_note: string | null;
      }>()
  ).results;
}

/** How many events of `type` naming `id` went into the outbox (one row per queue the event goes to). */
export async function eventsAbout(type: string, id: string): Promise<number> {
  const row = await testDatabase
    .prepare("SELECT COUNT(*) AS n FROM outbox WHERE type = ? AND envelope LIKE ?")
    .bind(type, `%${id}%`)
    .first<{ n: number }>();
  return Number(row?.n ?? 0);
}

/** The book's rating as its page shows it. */
export async function ratingOf(book: TestBook) {
  const response = await api(`/v1/books/${book.isbn13}`);
  if (response.status !== 200) throw new Error(`GET /v1/books/${book.isbn13}: ${response.status}`);
  return (
    await response.json<{ rating: { average: number | null; count: number; distribution: Record<string, number> } }>()
  ).rating;
}

/** The moderation item of a target, through the admin queue. */
export async function queueItemOf(admin: TestAccount, status: "pending" | "hidden", targetId: string) {
  for (let cursor: string | null = ""; cursor !== null; ) {
    const response = await api(`/v1/admin/moderation?status=${status}&limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: admin.auth,
    });
    if (response.status !== 200) throw new Error(`queue: ${response.status} ${await response.text()}`);
    const page = await response.json<{ items: QueueItem[]; nextCursor: string | null }>();
    const found = page.items.find((item) => item.target?.id === targetId);
    if (found) return found;
    cursor = page.nextCursor;
  }
  return undefined;
}

export interface QueueItem {
  id: string;
  status: string;
  cause: string;
  flags: string[];
  reportCount: number;
  reasons: string[];
  target: {
    type: string;
    id: string;
    status: string;
    title: string | null;
    body: string;
    deleted: boolean;
    author: { id: string; name: string };
  } | null;
  decision: { action: string; note: string; decidedBy: string; decidedAt: string } | null;
}
