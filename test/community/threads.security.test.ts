import { describe, expect, it } from "vitest";
import { newBook, readThread, startThread, XSS } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("threads (security)", () => {
  it("needs a signed-in reader to open, edit or delete a thread", async () => {
    const isbn = await newBook();
    const posted = await api(`/v1/books/${isbn}/threads`, json({ title: "Hello", body: "Anyone?" }));
    expect(posted.status).toBe(401);
    const reader = await signUp();
    const mine = await startThread(reader, isbn);
    expect((await api(`/v1/threads/${mine.id}`, json({ title: "x" }, { method: "PATCH" }))).status).toBe(401);
    expect((await api(`/v1/threads/${mine.id}`, { method: "DELETE" })).status).toBe(401);
  });

  it("answers 404 to another reader's edit or delete, and leaves the thread as it was", async () => {
    const author = await signUp();
    const intruder = await signUp();
    const mine = await startThread(author, await newBook(), { title: "Mine" });
    const edit = await api(
      `/v1/threads/${mine.id}`,
      json({ title: "Theirs" }, { method: "PATCH", headers: intruder.auth }),
    );
    expect(edit.status).toBe(404);
    expect((await api(`/v1/threads/${mine.id}`, { method: "DELETE", headers: intruder.auth })).status).toBe(404);
    expect((await readThread(mine.id)).thread).toMatchObject({ title: "Mine", deleted: false });
  });

  it("answers stored-XSS strings back byte-identical, as JSON text", async () => {
    const reader = await signUp({ name: XSS[1] });
    const isbn = await newBook();
    const mine = await startThread(reader, isbn, { title: XSS[0], body: `${XSS[1]}\n${XSS[0]}` });
    const response = await api(`/v1/threads/${mine.id}`);
    expect(response.headers.get("content-type")).toContain("application/json");
    const { thread } = await response.json<{ thread: { title: string; body: string; authorName: string } }>();
    expect(thread).toMatchObject({ title: XSS[0], body: `${XSS[1]}\n${XSS[0]}`, authorName: XSS[1] });
  });

  it("holds a profane thread as pending: not listed and 404 to readers", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const held = await startThread(reader, isbn, { title: "What a load of shit", body: "fuck this book" });
    expect(held.status).toBe("pending");
    expect((await api(`/v1/threads/${held.id}`)).status).toBe(404);
    const { items } = await (await api(`/v1/books/${isbn}/threads`)).json<{ items: unknown[] }>();
    expect(items).toEqual([]);
  });

  it("sends a published thread its author edits into profanity back to pending", async () => {
    const reader = await signUp();
    const mine = await startThread(reader, await newBook());
    const edited = await api(
      `/v1/threads/${mine.id}`,
      json({ body: "this is shit" }, { method: "PATCH", headers: reader.auth }),
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ status: "pending" });
    expect((await api(`/v1/threads/${mine.id}`)).status).toBe(404);
  });
});
