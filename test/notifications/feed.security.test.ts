import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { deliver, feedOf, markRead, replied } from "../support/notifications";

describe("the in-app feed (security)", () => {
  it("needs a signed-in user", async () => {
    expect((await api("/v1/me/notifications")).status).toBe(401);
    expect((await api("/v1/me/notifications/read", json({ all: true }))).status).toBe(401);
  });

  it("shows each user only their own notices", async () => {
    const [reader, other] = await Promise.all([signUp(), signUp()]);
    await deliver(replied(reader.userId, { excerpt: "for the reader" }));
    expect((await feedOf(other)).items).toEqual([]);
    expect((await feedOf(other)).unreadCount).toBe(0);
    expect((await feedOf(reader)).items.map((item) => item.body)).toEqual(["for the reader"]);
  });

  it("ignores someone else's ids when marking read: their items stay unread", async () => {
    const [reader, other] = await Promise.all([signUp(), signUp()]);
    await deliver(replied(reader.userId), replied(other.userId));
    const [theirs] = (await feedOf(other)).items;
    const response = await markRead(reader, { ids: [theirs!.id] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unreadCount: 1 });
    expect((await markRead(reader, { all: true })).status).toBe(200);
    const after = await feedOf(other);
    expect(after.unreadCount).toBe(1);
    expect(after.items[0]).toMatchObject({ id: theirs!.id, read: false });
  });
});
