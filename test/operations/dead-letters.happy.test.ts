import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailbox } from "../../schema/notifications";
import worker from "../../workers/index";
import { firstRow, testDb } from "../support/database";
import { deadLetter } from "../support/dead-letters";
import { eventually } from "../support/eventually";
import { api, asAdmin } from "../support/identity";

const db = testDb();

type Page = { items: { id: string; eventId: string; replayCount: number }[]; nextCursor: string | null };

describe("dead-letter admin", () => {
  it("lists dead letters newest first with a cursor, and replays one through its queue", async () => {
    const admin = await asAdmin();
    const first = await deadLetter("dl-one@bazaar.test");
    const second = await deadLetter("dl-two@bazaar.test");

    const page1 = await api("/v1/admin/dead-letters?limit=1", { headers: admin.auth });
    expect(page1.status).toBe(200);
    const body1 = await page1.json<Page>();
    expect(body1.items.map((item) => item.eventId)).toEqual([second.id]);
    const body2 = await (
      await api(`/v1/admin/dead-letters?limit=1&cursor=${body1.nextCursor}`, { headers: admin.auth })
    ).json<Page>();
    expect(body2.items.map((item) => item.eventId)).toEqual([first.id]);

    const replayed = await api(`/v1/admin/dead-letters/${body2.items[0]!.id}/replay`, {
      method: "POST",
      headers: admin.auth,
    });
    expect(replayed.status).toBe(202);
    expect((await replayed.json<{ replayCount: number }>()).replayCount).toBe(1);
    // The replayed event reaches its consumer: the welcome mail is sent.
    const mail = await eventually(async () =>
      firstRow(db.select().from(devMailbox).where(eq(devMailbox.to, "dl-one@bazaar.test")).limit(1)),
    );
    expect(mail.template).toBe("welcome");
  });

  it("shows fields named like secrets redacted, and the rest as it came", async () => {
    const admin = await asAdmin();
    // A v1 reset event still carried its token; any such body must not reach an operator's screen.
    const body = {
      id: `evt_${crypto.randomUUID().replace(/-/g, "")}`,
      type: "PasswordResetRequested",
      data: { email: "dl-secret@bazaar.test", resetToken: "plain-reset-token", nested: [{ refreshToken: "r-1" }] },
    };
    const batch = createMessageBatch("notifications-dlq", [
      { id: "m-secret", timestamp: new Date(), attempts: 6, body },
    ]);
    await worker.queue(batch, env, createExecutionContext());
    const page = await (await api("/v1/admin/dead-letters?limit=50", { headers: admin.auth })).json<{
      items: { eventId: string; body: unknown }[];
    }>();
    const shown = page.items.find((item) => item.eventId === body.id)!;
    expect(shown.body).toEqual({
      ...body,
      data: { email: "dl-secret@bazaar.test", resetToken: "[redacted]", nested: [{ refreshToken: "[redacted]" }] },
    });
    expect(JSON.stringify(page)).not.toContain("plain-reset-token");
  });
});
