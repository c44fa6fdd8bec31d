import { eq } from "drizzle-orm";
import { editions } from "../../schema/catalog";
import { reviews } from "../../schema/community";
import { newId } from "../../workers/lib/ids";
import { addBooks, catalogContext, testIsbn } from "./catalog";
import { testDb } from "./database";
import { api, json, type TestAccount } from "./identity";

/** Threads, comments and the books and reviews they hang on, for the community tests. */

export const db = testDb();

let books = 0;

/** A new book (an edition with its own work) in the catalog; answers its ISBN-13. */
export async function aBook(title = "The Left Hand of Darkness"): Promise<string> {
  const isbn = testIsbn(5_000_000 + (++books % 1000) * 1000 + Math.floor(Math.random() * 1000));
  await addBooks(catalogContext(), [{ isbn, title, authors: ["Ursula K. Le Guin"] }]);
  return isbn;
}

/** A second edition of the book's work (a paperback of the same novel); answers its ISBN-13. */
export async function anotherEdition(isbn: string): Promise<string> {
  const second = await aBook();
  const [first] = await db.select({ workId: editions.workId }).from(editions).where(eq(editions.isbn13, isbn));
  await db.update(editions).set({ workId: first!.workId }).where(eq(editions.isbn13, second));
  return second;
}

/** A review written straight into the table (the reviews routes are another part of the module). */
export async function aReview(
  author: TestAccount,
  opts: { status?: "published" | "pending"; title?: string | null } = {},
): Promise<{ id: string; isbn: string }> {
  const isbn = await aBook();
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
