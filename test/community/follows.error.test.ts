import { describe, expect, it } from "vitest";
import { newBook, startThread } from "../support/community";
import { api, signUp } from "../support/identity";

describe("follows (errors)", () => {
  it("answers 404 for an unknown thread and 400 for a malformed id", async () => {
    const reader = await signUp();
    const unknown = `/v1/threads/thr_${"0".repeat(32)}/follow`;
    expect((await api(unknown, { method: "PUT", headers: reader.auth })).status).toBe(404);
    expect((await api(unknown, { method: "DELETE", headers: reader.auth })).status).toBe(404);
    expect((await api("/v1/threads/nope/follow", { method: "PUT", headers: reader.auth })).status).toBe(400);
  });

  it("answers 404 to following a held thread, but lets its followers leave it", async () => {
    const author = await signUp();
    const reader = await signUp();
    const held = await startThread(author, await newBook(), { title: "shit", body: "fuck" });
    expect(held.status).toBe("pending");
    expect((await api(`/v1/threads/${held.id}/follow`, { method: "PUT", headers: reader.auth })).status).toBe(404);
    expect((await api(`/v1/threads/${held.id}/follow`, { method: "DELETE", headers: author.auth })).status).toBe(204);
  });
});
