import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/identity";
import { markRead } from "../support/notifications";

describe("the in-app feed (errors)", () => {
  it("answers 400 for a bad cursor, limit or unread flag", async () => {
    const reader = await signUp();
    for (const query of ["?cursor=not-a-cursor", "?limit=0", "?limit=101", "?unread=maybe"]) {
      const response = await api(`/v1/me/notifications${query}`, { headers: reader.auth });
      expect(response.status, query).toBe(400);
    }
    const cursor = await api("/v1/me/notifications?cursor=bm90LWpzb24", { headers: reader.auth });
    expect((await cursor.json<{ code: string }>()).code).toBe("invalid_cursor");
  });

  it("answers 400 to a mark-read body that is neither {ids} nor {all: true}", async () => {
    const reader = await signUp();
    const id = `ntf_${"0".repeat(32)}`;
    for (const body of [
      {},
      { ids: [] },
      { ids: ["not-an-id"] },
      { ids: Array.from({ length: 101 }, () => id) },
      { all: false },
      { ids: [id], all: true },
    ]) {
      expect((await markRead(reader, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("answers 415 for a mark-read body that is not JSON", async () => {
    const reader = await signUp();
    const response = await api("/v1/me/notifications/read", {
      method: "POST",
      headers: { ...reader.auth, "content-type": "text/plain" },
      body: "all",
    });
    expect(response.status).toBe(415);
  });
});
