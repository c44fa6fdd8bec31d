import { describe, expect, it } from "vitest";
import {
  channelContext,
  codeSentTo,
  deliverBatch,
  devMessages,
  newPhone,
  queueNotice,
  setPhone,
  shippedNotice,
  subscribeBrowser,
} from "../support/channels";
import { signUp } from "../support/identity";

describe("the development message log (happy path)", () => {
  it("shows the codes texted to a number, newest first", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const first = await codeSentTo(phone);
    await setPhone(reader, phone);
    const texts = await devMessages("sms", phone);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatchObject({ channel: "sms", to: phone, body: expect.stringContaining(first) });
    expect(Date.parse(texts[0]!.sentAt)).toBeGreaterThanOrEqual(Date.parse(texts[1]!.sentAt));
  });

  it("shows what was pushed to a subscription, by its id", async () => {
    const reader = await signUp();
    const { subscription } = await subscribeBrowser(reader);
    const channel = channelContext({});
    const notice = shippedNotice(reader.userId);
    await deliverBatch(channel, await queueNotice(channel, notice));

    const [pushed, ...more] = await devMessages("push", subscription.id);
    expect(more).toEqual([]);
    expect(pushed).toMatchObject({ channel: "push", to: subscription.id });
    expect(JSON.parse(pushed!.body)).toEqual({
      title: "Ada's Books shipped your order",
      body: "DHL, tracking number JJD0001",
      link: `http://127.0.0.1:8787/orders/${notice.data.orderId}`,
      kind: "order-shipped",
    });
  });
});
