import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";
import { aBook, aComment, aReview, aThread, itemsOf, queueItemOf } from "./moderated-content";

const XSS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '[click](javascript:alert(1)) <a href="javascript:alert(1)">me</a>',
  "\"'><svg onload=alert(1)>&amp;",
].join("\n");

describe("moderation — security", () => {
  it("answers 401 without a token and 403 to a reader who is not an admin", async () => {
    const author = await signUp();
    const thread = await aThread(author, await aBook(), { status: "pending" });
    const [item] = await itemsOf(thread);
    const path = `/v1/admin/moderation/${item!.id}/decision`;
    expect((await api("/v1/admin/moderation")).status).toBe(401);
    expect((await api(path, json({ action: "approve", note: "ok" }))).status).toBe(401);
    for (const reader of [await signUp(), author]) {
      expect((await api("/v1/admin/moderation", { headers: reader.auth })).status).toBe(403);
      const decided = await api(path, json({ action: "approve", note: "mine" }, { headers: reader.auth }));
      expect(decided.status).toBe(403);
    }
    expect(await itemsOf(thread)).toMatchObject([{ status: "pending", decided_by: null }]);
  });

  it("shows stored-XSS posts to the moderator as inert JSON text, byte for byte", async () => {
    const author = await signUp({ name: "<b>Reader</b>" });
    const book = await aBook();
    const thread = await aThread(author, book, { title: XSS, body: XSS, status: "pending", name: "<b>Reader</b>" });
    const review = await aReview(author, book, { title: XSS, body: XSS, status: "pending", name: "<b>Reader</b>" });
    const comment = await aComment(author, thread, { body: XSS, status: "pending", name: "<b>Reader</b>" });
    const admin = await asAdmin();
    const response = await api("/v1/admin/moderation?status=pending&limit=100", { headers: admin.auth });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    for (const id of [thread, review, comment]) {
      const item = await queueItemOf(admin, "pending", id);
      expect(item!.target!.body).toBe(XSS);
      expect(item!.target!.author.name).toBe("<b>Reader</b>");
      if (item!.target!.type !== "comment") expect(item!.target!.title).toBe(XSS);
    }
  });
});
