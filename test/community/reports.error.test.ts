import { describe, expect, it } from "vitest";
import { newId } from "../../workers/lib/ids";
import { api, json, signUp } from "../support/identity";
import { aBook, aComment, aThread, report, statusOf } from "./moderated-content";

describe("POST /v1/reports — errors", () => {
  it("refuses the same reader's second report of a post with 409 already_reported", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const comment = await aComment(author, await aThread(author, await aBook()));
    expect((await report(reader, "comment", comment)).status).toBe(201);
    const again = await report(reader, "comment", comment, "Really spam");
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "already_reported" });
  });

  it("does not count one reader twice toward hiding, even sent at once", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const comment = await aComment(author, await aThread(author, await aBook()));
    const statuses = (await Promise.all([1, 2, 3].map(() => report(reader, "comment", comment)))).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409, 409]);
    expect(await statusOf("comment", comment)).toBe("published");
  });

  it("answers 404 for an unknown post, a post of another type and a post the filter holds", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const thread = await aThread(author, await aBook());
    const held = await aComment(author, thread, { status: "pending" });
    for (const [type, id] of [
      ["comment", newId("cmt")],
      ["review", thread],
      ["comment", held],
    ] as const) {
      const response = await report(reader, type, id);
      expect(response.status, `${type} ${id}`).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
  });

  it("answers 400 for a bad target type, id or reason", async () => {
    const reader = await signUp();
    const target = newId("cmt");
    for (const body of [
      { targetType: "seller", targetId: target, reason: "x" },
      { targetType: "comment", targetId: "cmt_1", reason: "x" },
      { targetType: "comment", targetId: target, reason: "   " },
      { targetType: "comment", targetId: target, reason: "x".repeat(501) },
      { targetType: "comment", targetId: target },
    ]) {
      const response = await api("/v1/reports", json(body, { headers: reader.auth }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const disguised = await api(
      "/v1/reports",
      json({ targetType: "comment", targetId: target, reason: "bad\u202Ename" }, { headers: reader.auth }),
    );
    expect(disguised.status).toBe(422);
    expect(await disguised.json()).toMatchObject({ code: "invalid_characters" });
  });

  it("limits how often a reader reports: 429 with Retry-After", async () => {
    const [author, reader] = await Promise.all([signUp(), signUp()]);
    const thread = await aThread(author, await aBook());
    const comments = await Promise.all(Array.from({ length: 21 }, () => aComment(author, thread)));
    const statuses: number[] = [];
    for (const comment of comments) {
      const response = await report(reader, "comment", comment);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await response.json()).toMatchObject({ code: "rate_limited" });
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
