import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bookAlerts } from "../../schema/notifications";
import type { BookAlertView } from "../../workers/notifications/schemas";
import { db, offer } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json, signUp } from "../support/identity";

/** Book alerts belong to their reader: no token is 401, another reader's alert is 404 and stays. */

const ISBN = testIsbn(16_870 + Math.floor(Math.random() * 100_000) * 10);

beforeAll(async () => {
  await offer(await asSeller(), ISBN, { quantity: 0 });
});

describe("book alerts (security)", () => {
  it("need a signed-in reader for every route", async () => {
    const reader = await signUp();
    const alert = await (
      await api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" }, { headers: reader.auth }))
    ).json<BookAlertView>();
    const calls = [
      api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" })),
      api("/v1/me/alerts"),
      api(`/v1/me/alerts/${alert.id}`, { method: "DELETE" }),
      api("/v1/me/alerts", { headers: { authorization: "Bearer not-a-token" } }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
  });

  it("never deletes another reader's alert: 404, as an unknown one, and it stays", async () => {
    const owner = await signUp();
    const other = await signUp();
    const alert = await (
      await api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" }, { headers: owner.auth }))
    ).json<BookAlertView>();
    const refused = await api(`/v1/me/alerts/${alert.id}`, { method: "DELETE", headers: other.auth });
    expect(refused.status).toBe(404);
    expect(await db.select().from(bookAlerts).where(eq(bookAlerts.id, alert.id))).toHaveLength(1);
  });

  it("lists only the caller's own alerts, and the same wish of two readers is two alerts", async () => {
    const owner = await signUp();
    const other = await signUp();
    const mine = await api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" }, { headers: owner.auth }));
    const theirs = await api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" }, { headers: other.auth }));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const listed = await (await api("/v1/me/alerts", { headers: other.auth })).json<{ items: BookAlertView[] }>();
    expect(listed.items.map((alert) => alert.id)).toEqual([(await theirs.json<BookAlertView>()).id]);
  });
});
