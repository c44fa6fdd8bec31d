import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pushSubscriptions } from "../../schema/notifications";
import {
  channelContext,
  db,
  deliverBatch,
  deliveryOf,
  pushesTo,
  queueNotice,
  scriptPushReply,
  shippedNotice,
  subscribeBrowser,
} from "../support/channels";
import { signUp } from "../support/identity";

const vapid = env as unknown as { VAPID_PUBLIC_KEY: string; PUSH_SERVICE_URL: string };
const webPush = () => channelContext({ PUSH_ADAPTER: "web-push" });
const subscriptionRow = (id: string) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id));

describe("the Web Push adapter", () => {
  it("sends each subscription a VAPID-signed, aes128gcm-encrypted message its browser decrypts", async () => {
    const reader = await signUp();
    const phone = await subscribeBrowser(reader);
    const laptop = await subscribeBrowser(reader);
    const channel = webPush();
    const notice = shippedNotice(reader.userId);
    const queued = await queueNotice(channel, notice);
    expect(queued.map((event) => event.data.channel)).toEqual(["push", "push"]);

    expect((await deliverBatch(channel, queued)).retried).toEqual([]);
    for (const device of [phone, laptop]) {
      const [received, ...more] = await pushesTo(device.browser);
      expect(more).toEqual([]);
      expect(received!.problems).toEqual([]);
      expect(received!.vapidKey).toBe(vapid.VAPID_PUBLIC_KEY);
      expect(received!.claims).toMatchObject({ aud: vapid.PUSH_SERVICE_URL, sub: "mailto:hello@bookbazaar.local" });
      expect(JSON.parse(received!.payload!)).toEqual({
        title: "Ada's Books shipped your order",
        body: "DHL, tracking number JJD0001",
        link: `http://127.0.0.1:8787/orders/${notice.data.orderId}`,
        kind: "order-shipped",
      });
      expect(received!.headers).toMatchObject({ ttl: "86400", urgency: "normal", contentEncoding: "aes128gcm" });
      expect(received!.headers.topic).toMatch(/^[0-9a-f]{32}$/);
    }
    for (const event of queued) {
      const delivery = await deliveryOf(event);
      expect(delivery).toMatchObject({ channel: "push", status: "sent", attempts: 1, provider: "web-push" });
      expect(delivery.providerMessageId).toMatch(/\/messages\//);
      const [subscription] = await subscriptionRow(delivery.to);
      expect(subscription?.lastUsedAt).toEqual(expect.any(Number));
    }
  });

  it.each([404, 410])(
    "removes a subscription whose endpoint answers %i, and logs the delivery gone",
    async (status) => {
      const reader = await signUp();
      const { browser, subscription } = await subscribeBrowser(reader);
      await scriptPushReply(browser, status);
      const channel = webPush();
      const queued = await queueNotice(channel, shippedNotice(reader.userId));

      expect(await deliverBatch(channel, queued)).toEqual({ acked: [`m-${queued[0]!.id}`], retried: [] });
      expect(await deliveryOf(queued[0]!)).toMatchObject({ status: "gone", to: subscription.id });
      expect(await subscriptionRow(subscription.id)).toEqual([]);
      // The next notice has no subscription left to queue for.
      expect(await queueNotice(channel, shippedNotice(reader.userId))).toEqual([]);
    },
  );

  it("retries when the push service fails, keeping the subscription", async () => {
    const reader = await signUp();
    const { browser, subscription } = await subscribeBrowser(reader);
    await scriptPushReply(browser, 503);
    const channel = webPush();
    const queued = await queueNotice(channel, shippedNotice(reader.userId));

    expect((await deliverBatch(channel, queued)).retried).toEqual([`m-${queued[0]!.id}`]);
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("503"),
    });
    expect(await subscriptionRow(subscription.id)).toHaveLength(1);
  });
});
