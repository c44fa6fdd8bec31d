import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { deadLetter } from "../support/dead-letters";
import { api, asAdmin } from "../support/identity";

describe("dead-letter admin (errors)", () => {
  it("answers 404 for an unknown dead letter and 400 for a bad cursor", async () => {
    const admin = await asAdmin();
    const missing = await api(`/v1/admin/dead-letters/dlq_${"0".repeat(32)}/replay`, {
      method: "POST",
      headers: admin.auth,
    });
    expect(missing.status).toBe(404);
    const badCursor = await api("/v1/admin/dead-letters?cursor=not-a-cursor", { headers: admin.auth });
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json<{ code: string }>()).code).toBe("invalid_cursor");
  });

  it("refuses to replay a dead letter older than the processed-event markers are kept", async () => {
    const admin = await asAdmin();
    const event = await deadLetter("dl-old@bazaar.test");
    await testDatabase
      .prepare("UPDATE dead_letters SET received_at = ? WHERE event_id = ?")
      .bind(Date.now() - 31 * 24 * 60 * 60 * 1000, event.id)
      .run();
    const { id } = (await testDatabase
      .prepare("SELECT id FROM dead_letters WHERE event_id = ?")
      .bind(event.id)
      .first<{ id: string }>())!;
    const replay = await api(`/v1/admin/dead-letters/${id}/replay`, { method: "POST", headers: admin.auth });
    expect(replay.status).toBe(422);
  });
});
