import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { editions } from "../../schema/catalog";
import { reviews } from "../../schema/community";
import { outbox } from "../../schema/platform";
import { communityConsumerContext } from "../../workers/community";
import { loadConfig } from "../../workers/config";
import { newId } from "../../workers/lib/ids";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { addBooks, catalogContext, testIsbn } from "./catalog";
import { testDb } from "./database";
import { api, asSeller, json, type TestAccount, type TestSeller } from "./identity";
import { listBook } from "./listings";
import { addToCart, paidOrder, ship } from "./orders";

/** Reviews, seller reviews, threads and comments for tests, written through the real API. */

export const db = testDb();

export interface ReviewBody {
  id: string;
  isbn13: string;
  authorName: string;
  rating: number;
  title: string | null;
  body: string;
  verified: boolean;
  status: string;
  helpfulCount: number;
  unhelpfulCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface RatingBody {
  average: number | null;
  count: number;
  distribution: Record<"1" | "2" | "3" | "4" | "5", number>;
}

/** A new book (its own work) in the catalog, nobody selling it; answers its ISBN-13. */
export async function newBook(title = `Reviewed Book ${crypto.randomUUID().slice(0, 8)}`): Promise<string> {
  const isbn13 = testIsbn(Math.floor(Math.random() * 99_999_999));
  await addBooks(catalogContext(), [{ isbn: isbn13, title, authors: ["Ada Author"] }]);
  return isbn13;
}

export function postReview(account: TestAccount, isbn: string, body: Record<string, unknown>) {
  return api(`/v1/books/${isbn}/reviews`, json(body, { headers: account.auth }));
}

/** Posts a review and expects 201. */
export async function reviewed(account: TestAccount, isbn: string, body: Record<string, unknown>) {
  const response = await postReview(account, isbn, body);
  if (response.status !== 201) throw new Error(`review: ${response.status} ${await response.text()}`);
  return response.json<ReviewBody>();
}

export function patchReview(account: TestAccount, id: string, body: Record<string, unknown>) {
  return api(`/v1/reviews/${id}`, json(body, { method: "PATCH", headers: account.auth }));
}

export function deleteReview(account: TestAccount, id: string) {
  return api(`/v1/reviews/${id}`, { method: "DELETE", headers: account.auth });
}

export function vote(account: TestAccount, id: string, helpful: boolean) {
  return api(`/v1/reviews/${id}/vote`, json({ helpful }, { method: "PUT", headers: account.auth }));
}

export async function reviewsOf(isbn: string, query = "") {
  const response = await api(`/v1/books/${isbn}/reviews${query}`);
  if (response.status !== 200) throw new Error(`reviews: ${response.status} ${await response.text()}`);
  return response.json<{ items: ReviewBody[]; nextCursor: string | null }>();
}

/** The rating the book page shows. */
export async function bookRating(isbn: string): Promise<RatingBody> {
  const response = await api(`/v1/books/${isbn}`);
  if (response.status !== 200) throw new Error(`book: ${response.status} ${await response.text()}`);
  return (await response.json<{ rating: RatingBody }>()).rating;
}

export function markDelivered(seller: TestAccount, sellerOrderId: string) {
  return api(`/v1/seller/orders/${sellerOrderId}/delivered`, json({}, { headers: seller.auth }));
}

/**
 * A buyer who received a book from a new seller: listed, bought, paid, shipped and (unless `delivered: false`)
 * delivered. Answers the seller, the book's ISBN and the seller order.
 */
export async function purchase(buyer: TestAccount, opts: { delivered?: boolean } = {}) {
  const seller: TestSeller = await asSeller();
  const listing = await listBook(seller, { quantity: 1 });
  const { isbn13 } = await (await api(`/v1/listings/${listing.id}`)).json<{ isbn13: string }>();
  await addToCart(buyer, listing.id);
  const placed = await paidOrder(buyer);
  const sellerOrderId = placed.order.sellerOrders[0]!.id;
  const shipped = await ship(seller, sellerOrderId);
  if (shipped.status !== 201) throw new Error(`ship: ${shipped.status} ${await shipped.text()}`);
  if (opts.delivered !== false) {
    const delivered = await markDelivered(seller, sellerOrderId);
    if (delivered.status !== 200) throw new Error(`delivered: ${delivered.status} ${await delivered.text()}`);
  }
  return { seller, isbn13, sellerOrderId };
}

/** Community's context as the cron builds it, for running the nightly recompute directly. */
export function communityTestContext() {
  const config = loadConfig(env);
  const log = createLogger({ test: "community" });
  return communityConsumerContext({
    env,
    config,
    services: buildServices(env, config, createExecutionContext(), log),
    log,
  });
}

export const XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"] as const;

/** A second edition of the book's work (a paperback of the same novel); answers its ISBN-13. */
export async function anotherEdition(isbn: string): Promise<string> {
  const second = await newBook();
  const [first] = await db.select({ workId: editions.workId }).from(editions).where(eq(editions.isbn13, isbn));
  await db.update(editions).set({ workId: first!.workId }).where(eq(editions.isbn13, second));
  return second;
}

/** A review written straight into the table (the reviews routes are another part of the module). */
export async function aReview(
  author: TestAccount,
  opts: { status?: "published" | "pending"; title?: string | null } = {},
): Promise<{ id: string; isbn: string }> {
  const isbn = await newBook();
  const [edition] = await db
    .select({ id: editions.id, workId: editions.workId })
    .from(editions)
    .where(eq(editions.isbn13, isbn));
  const id = newId("rev");
  const now = Date.now();
  await db.insert(reviews).values({
    id,
    workId: edition!.workId,
    editionId: edition!.id,
    isbn13: isbn,
    authorId: author.userId,
    authorName: "Test Reader",
    rating: 4,
    title: opts.title === undefined ? "A quiet masterpiece" : opts.title,
    body: "Slow, cold and wonderful.",
    status: opts.status ?? "published",
    createdAt: now,
    updatedAt: now,
  });
  return { id, isbn };
}

export interface ThreadBody {
  id: string;
  status: string;
  commentCount: number;
  title: string | null;
  body: string | null;
  deleted: boolean;
}

export async function startThread(
  reader: TestAccount,
  isbn: string,
  body: { title?: string; body?: string } = {},
): Promise<ThreadBody> {
  const response = await api(
    `/v1/books/${isbn}/threads`,
    json({ title: "Is the ending a dream?", body: "I keep thinking about it.", ...body }, { headers: reader.auth }),
  );
  if (response.status !== 201) throw new Error(`thread not started: ${response.status} ${await response.text()}`);
  return response.json<ThreadBody>();
}

export interface CommentBody {
  id: string;
  parentId: string | null;
  depth: number;
  status: string;
  body: string;
}

/** Comments on a thread (`thr_…`) or a review (`rev_…`), as `reader`, replying to `parentId` when given. */
export async function comment(
  reader: TestAccount,
  subjectId: string,
  body: string,
  parentId?: string,
): Promise<CommentBody> {
  const path = subjectId.startsWith("rev_") ? `/v1/reviews/${subjectId}/comments` : `/v1/threads/${subjectId}/comments`;
  const response = await api(path, json({ body, parentId }, { headers: reader.auth }));
  if (response.status !== 201) throw new Error(`comment not posted: ${response.status} ${await response.text()}`);
  return response.json<CommentBody>();
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  authorName: string;
  body: string | null;
  deleted: boolean;
  replies: TreeNode[];
}

export interface ThreadDetail {
  thread: ThreadBody;
  comments: TreeNode[];
  nextCursor: string | null;
}

export async function readThread(id: string, query = ""): Promise<ThreadDetail> {
  const response = await api(`/v1/threads/${id}${query}`);
  if (response.status !== 200) throw new Error(`thread not read: ${response.status} ${await response.text()}`);
  return response.json<ThreadDetail>();
}

/** The readers told of a comment (its `CommentReplied` events in the outbox), each with the reason. */
export async function noticesOf(commentId: string): Promise<Record<string, string>> {
  const rows = await db.select({ envelope: outbox.envelope }).from(outbox).where(eq(outbox.type, "CommentReplied"));
  const notices = rows
    .map((row) => JSON.parse(row.envelope) as { data: { commentId: string; recipientId: string; reason: string } })
    .filter((event) => event.data.commentId === commentId);
  return Object.fromEntries(notices.map((event) => [event.data.recipientId, event.data.reason]));
}
