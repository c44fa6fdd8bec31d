import { describe, expect, it } from "vitest";
import { newId } from "../../workers/lib/ids";
import { api, asAdmin, json, signUp } from "../support/identity";
import { aBook, aThread, eventsAbout, itemsOf } from "./moderated-content";

describe("moderation — errors", () => {
  it("refuses a second decision on an item with 409 already_decided", async () => {
    const author = await signUp();
    const thread = await aThread(author, await aBook(), { status: "pending" });
    const [item] = await itemsOf(thread);
    const admin = await asAdmin();
    const path = `/v1/admin/moderation/${item!.id}/decision`;
    expect((await api(path, json({ action: "approve", note: "ok" }, { headers: admin.auth }))).status).toBe(200);
    const again = await api(path, json({ action: "remove", note: "changed my mind" }, { headers: admin.auth }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "already_decided" });
  });

  it("lets only one of two moderators deciding at once through", async () => {
    const author = await signUp();
    const thread = await aThread(author, await aBook(), { status: "pending" });
    const [item] = await itemsOf(thread);
    const [first, second] = await Promise.all([asAdmin(), asAdmin()]);
    const path = `/v1/admin/moderation/${item!.id}/decision`;
    const responses = await Promise.all([
      api(path, json({ action: "approve", note: "fine" }, { headers: first.auth })),
      api(path, json({ action: "remove", note: "not fine" }, { headers: second.auth })),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await eventsAbout("ModerationDecided", item!.id)).toBe(1);
  });

  it("answers 404 for an unknown item and 400 for a malformed one or a bad decision", async () => {
    const admin = await asAdmin();
    const unknown = await api(
      `/v1/admin/moderation/${newId("mod")}/decision`,
      json({ action: "approve", note: "ok" }, { headers: admin.auth }),
    );
    expect(unknown.status).toBe(404);
    const id = newId("mod");
    for (const [path, body] of [
      ["/v1/admin/moderation/mod_123/decision", { action: "approve", note: "ok" }],
      [`/v1/admin/moderation/${id}/decision`, { action: "delete", note: "ok" }],
      [`/v1/admin/moderation/${id}/decision`, { action: "remove", note: "  " }],
      [`/v1/admin/moderation/${id}/decision`, { action: "remove" }],
      [`/v1/admin/moderation/${id}/decision`, { action: "remove", note: "x".repeat(1001) }],
    ] as const) {
      const response = await api(path, json(body, { headers: admin.auth }));
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
  });

  it("answers 400 for an unknown queue status or a forged cursor", async () => {
    const admin = await asAdmin();
    for (const query of ["status=approved", "status=removed", "cursor=not-a-cursor", "limit=0", "limit=101"]) {
      const response = await api(`/v1/admin/moderation?${query}`, { headers: admin.auth });
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
