import { describe, expect, it } from "vitest";
import { testIsbn } from "../support/catalog";
import { newBook, startThread } from "../support/community";
import { api, json, signUp } from "../support/identity";

const thread = (reader: { auth: Record<string, string> }, isbn: string, body: unknown) =>
  api(`/v1/books/${isbn}/threads`, json(body, { headers: reader.auth }));

describe("threads (errors)", () => {
  it("answers 404 for an ISBN of no edition and 422 for a malformed one", async () => {
    const reader = await signUp();
    const unknown = testIsbn(77_777_777);
    const posted = await thread(reader, unknown, { title: "Hello", body: "Anyone?" });
    expect(posted.status).toBe(404);
    expect(await posted.json()).toMatchObject({ code: "not_found" });
    expect((await api(`/v1/books/${unknown}/threads`)).status).toBe(404);
    const malformed = await api("/v1/books/9780000000000/threads");
    expect(malformed.status).toBe(422);
    expect(await malformed.json()).toMatchObject({ code: "invalid_isbn" });
  });

  it("refuses a thread without a title or body, or with control characters, as a problem", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    for (const body of [{ body: "no title" }, { title: "no body" }, { title: "  ", body: "blank title" }]) {
      const response = await thread(reader, isbn, body);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
    const control = await thread(reader, isbn, { title: "Bell\u0007", body: "text" });
    expect(control.status).toBe(422);
    expect(await control.json()).toMatchObject({ code: "invalid_characters" });
  });

  it("answers 404 for an unknown thread, 400 for a malformed id, cursor or empty edit", async () => {
    const reader = await signUp();
    const unknown = `thr_${"0".repeat(32)}`;
    expect((await api(`/v1/threads/${unknown}`)).status).toBe(404);
    expect((await api("/v1/threads/not-a-thread")).status).toBe(400);
    const edit = await api(`/v1/threads/${unknown}`, json({ title: "x" }, { method: "PATCH", headers: reader.auth }));
    expect(edit.status).toBe(404);
    expect((await api(`/v1/threads/${unknown}`, { method: "DELETE", headers: reader.auth })).status).toBe(404);

    const mine = await startThread(reader, await newBook());
    const badCursor = await api(`/v1/threads/${mine.id}?cursor=bm90LWEtY3Vyc29y`);
    expect(badCursor.status).toBe(400);
    expect(await badCursor.json()).toMatchObject({ code: "invalid_cursor" });
    const empty = await api(`/v1/threads/${mine.id}`, json({}, { method: "PATCH", headers: reader.auth }));
    expect(empty.status).toBe(400);
  });

  it("answers 404 to a deleted thread's edit and a second delete", async () => {
    const reader = await signUp();
    const mine = await startThread(reader, await newBook());
    expect((await api(`/v1/threads/${mine.id}`, { method: "DELETE", headers: reader.auth })).status).toBe(204);
    expect((await api(`/v1/threads/${mine.id}`, { method: "DELETE", headers: reader.auth })).status).toBe(404);
    const edit = await api(`/v1/threads/${mine.id}`, json({ body: "back" }, { method: "PATCH", headers: reader.auth }));
    expect(edit.status).toBe(404);
  });

  it("answers 429 with Retry-After once a reader posts past the limit", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    // RATE_LIMIT_COMMENTS_PER_READER defaults to 30 posts (threads and comments) in 10 minutes.
    for (let i = 0; i < 30; i++) await startThread(reader, isbn, { title: `Thread ${i}` });
    const over = await thread(reader, isbn, { title: "One more", body: "Too many" });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ code: "rate_limited" });
    // Another reader is not held back by it.
    const other = await signUp();
    expect((await thread(other, isbn, { title: "Mine", body: "Fine" })).status).toBe(201);
  });
});
