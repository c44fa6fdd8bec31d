import { describe, expect, it } from "vitest";
import { anotherEdition, comment, newBook, readThread, startThread, type ThreadBody } from "../support/community";
import { api, json, signUp } from "../support/identity";

interface Node {
  id: string;
  replies: Node[];
}

/** The ids of a comment tree, depth first. */
function idsOf(nodes: Node[]): string[] {
  return nodes.flatMap((node) => [node.id, ...idsOf(node.replies)]);
}

describe("threads (happy path)", () => {
  it("opens a thread on a book, shown on every edition of its work, most recently active first", async () => {
    const reader = await signUp({ name: "Genly Ai" });
    const isbn = await newBook();
    const paperback = await anotherEdition(isbn);
    const older = await startThread(reader, isbn, { title: "First thoughts" });
    const newer = await startThread(reader, paperback, { title: "On the Gethenians" });
    expect(older).toMatchObject({ status: "published", commentCount: 0, deleted: false, title: "First thoughts" });

    const listed = await api(`/v1/books/${paperback}/threads`);
    expect(listed.status).toBe(200);
    const page = await listed.json<{ items: (ThreadBody & { authorName: string; isbn13: string })[] }>();
    expect(page.items.map((thread) => thread.id)).toEqual([newer.id, older.id]);
    expect(page.items[1]).toMatchObject({ authorName: "Genly Ai", isbn13: isbn });

    // A comment makes the older thread the latest active one.
    await comment(reader, older.id, "Still thinking.");
    const relisted = await (await api(`/v1/books/${isbn}/threads`)).json<{ items: ThreadBody[] }>();
    expect(relisted.items.map((thread) => thread.id)).toEqual([older.id, newer.id]);
    expect(relisted.items[0]!.commentCount).toBe(1);
  });

  it("pages a book's threads with a cursor, none skipped or repeated", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const started: string[] = [];
    for (let i = 0; i < 5; i++) started.push((await startThread(reader, isbn, { title: `Thread ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const response = await api(`/v1/books/${isbn}/threads?limit=2${query}`);
      const page: { items: ThreadBody[]; nextCursor: string | null } = await response.json();
      seen.push(...page.items.map((thread) => thread.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(started.reverse());
  });

  it("answers the thread with its comments as a tree three levels deep", async () => {
    const reader = await signUp({ name: "Estraven" });
    const other = await signUp({ name: "Argaven" });
    const thread = await startThread(reader, await newBook());
    const top = await comment(other, thread.id, "Top level");
    const reply = await comment(reader, thread.id, "A reply", top.id);
    const deepest = await comment(other, thread.id, "A reply to the reply", reply.id);
    const second = await comment(reader, thread.id, "Another top-level one");
    expect([top.depth, reply.depth, deepest.depth]).toEqual([0, 1, 2]);

    const detail = await readThread(thread.id);
    expect(detail.thread).toMatchObject({ id: thread.id, commentCount: 4 });
    expect(detail.nextCursor).toBeNull();
    expect(detail.comments).toMatchObject([
      {
        id: top.id,
        authorName: "Argaven",
        body: "Top level",
        deleted: false,
        replies: [{ id: reply.id, parentId: top.id, replies: [{ id: deepest.id, depth: 2, replies: [] }] }],
      },
      { id: second.id, replies: [] },
    ]);
  });

  it("pages a long thread by top-level comment, every comment exactly once", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    const posted: string[] = [];
    for (let i = 0; i < 7; i++) {
      const top = await comment(reader, thread.id, `Top ${i}`);
      posted.push(top.id);
      if (i % 2 === 0) {
        const reply = await comment(reader, thread.id, `Reply to ${i}`, top.id);
        posted.push(reply.id);
        posted.push((await comment(reader, thread.id, `Deeper ${i}`, reply.id)).id);
      }
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const detail = await readThread(thread.id, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(detail.comments.length).toBeLessThanOrEqual(3);
      seen.push(...idsOf(detail.comments));
      cursor = detail.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(posted);
  });

  it("lets its author edit and delete it; a deleted thread with comments stays, its text gone", async () => {
    const author = await signUp();
    const isbn = await newBook();
    const thread = await startThread(author, isbn);
    const edited = await api(
      `/v1/threads/${thread.id}`,
      json({ title: "Is the ending a dream? (spoilers)" }, { method: "PATCH", headers: author.auth }),
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ title: "Is the ending a dream? (spoilers)", body: thread.body });

    const other = await signUp();
    await comment(other, thread.id, "It is not.");
    const deleted = await api(`/v1/threads/${thread.id}`, { method: "DELETE", headers: author.auth });
    expect(deleted.status).toBe(204);
    const detail = await readThread(thread.id);
    expect(detail.thread).toMatchObject({ deleted: true, title: null, body: null });
    expect(detail.comments).toHaveLength(1);

    const bare = await startThread(author, isbn);
    expect((await api(`/v1/threads/${bare.id}`, { method: "DELETE", headers: author.auth })).status).toBe(204);
    expect((await api(`/v1/threads/${bare.id}`)).status).toBe(404);
  });
});
