import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { aBook, aComment, aReview, aThread, report } from "./moderated-content";

const XSS = `<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))`;

describe("POST /v1/reports — security", () => {
  it("answers 401 without a token", async () => {
    const author = await signUp();
    const comment = await aComment(author, await aThread(author, await aBook()));
    const response = await api("/v1/reports", json({ targetType: "comment", targetId: comment, reason: "Spam" }));
    expect(response.status).toBe(401);
  });

  it("refuses reporting one's own review, thread or comment with 403 own_content", async () => {
    const author = await signUp();
    const book = await aBook();
    const thread = await aThread(author, book);
    for (const [type, id] of [
      ["review", await aReview(author, book)],
      ["thread", thread],
      ["comment", await aComment(author, thread)],
    ] as const) {
      const response = await report(author, type, id);
      expect(response.status, type).toBe(403);
      expect(await response.json()).toMatchObject({ code: "own_content" });
    }
  });

  it("keeps a reason as inert text, byte for byte", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const comment = await aComment(author, await aThread(author, await aBook()));
    const response = await report(reader, "comment", comment, XSS);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await response.json<{ report: { reason: string } }>()).report.reason).toBe(XSS);
  });

  it("answers 404 for a post already hidden, so hidden content cannot be probed", async () => {
    const [author, ...readers] = await Promise.all([signUp(), signUp(), signUp(), signUp(), signUp()]);
    const comment = await aComment(author, await aThread(author, await aBook()));
    for (const reader of readers.slice(0, 3)) expect((await report(reader, "comment", comment)).status).toBe(201);
    expect((await report(readers[3]!, "comment", comment)).status).toBe(404);
  });
});
