import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pushSubscriptions } from "../../schema/notifications";
import { browserSubscription, db, subscribeBrowser } from "../support/channels";
import { api, json, signUp } from "../support/identity";

const { VAPID_PUBLIC_KEY } = env as unknown as { VAPID_PUBLIC_KEY: string };

const listOf = async (account: { auth: Record<string, string> }) =>
  (await api("/v1/me/push-subscriptions", { headers: account.auth })).json<{
    vapidPublicKey: string | null;
    items: { id: string; endpoint: string }[];
  }>();

describe("push subscriptions (happy path)", () => {
  it("registers a browser, lists it with the VAPID key to subscribe with, and removes it", async () => {
    const reader = await signUp();
    const browser = await browserSubscription();
    const created = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint, keys: browser.keys }, { headers: reader.auth }),
    );
    expect(created.status).toBe(201);
    const subscription = await created.json<{ id: string }>();
    expect(subscription).toEqual({
      id: expect.stringMatching(/^psb_[0-9a-f]{32}$/),
      endpoint: browser.endpoint,
      subscribedAt: expect.any(String),
      lastUsedAt: null,
    });
    expect(await listOf(reader)).toEqual({ vapidPublicKey: VAPID_PUBLIC_KEY, items: [subscription] });

    const removed = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint }, { method: "DELETE", headers: reader.auth }),
    );
    expect(removed.status).toBe(204);
    expect((await listOf(reader)).items).toEqual([]);
  });

  it("keeps one subscription per endpoint: registering it again updates its keys", async () => {
    const reader = await signUp();
    const { browser, subscription } = await subscribeBrowser(reader);
    const renewed = await browserSubscription();
    const again = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint, keys: renewed.keys }, { headers: reader.auth }),
    );
    expect(again.status).toBe(201);
    expect((await again.json<{ id: string }>()).id).toBe(subscription.id);
    const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, reader.userId));
    expect(rows).toMatchObject([{ id: subscription.id, p256dh: renewed.keys.p256dh, auth: renewed.keys.auth }]);
  });

  it("takes keys with base64 padding and stores them without", async () => {
    const reader = await signUp();
    const browser = await browserSubscription();
    const padded = { p256dh: `${browser.keys.p256dh}=`, auth: `${browser.keys.auth}==` };
    const created = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint, keys: padded }, { headers: reader.auth }),
    );
    expect(created.status).toBe(201);
    const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, reader.userId));
    expect(rows).toMatchObject([{ p256dh: browser.keys.p256dh, auth: browser.keys.auth }]);
  });

  it("keeps an account's 20 newest registrations", async () => {
    const reader = await signUp();
    const first = await subscribeBrowser(reader);
    for (let i = 0; i < 20; i++) await subscribeBrowser(reader);
    const { items } = await listOf(reader);
    expect(items).toHaveLength(20);
    expect(items.map((item) => item.id)).not.toContain(first.subscription.id);
  });
});
