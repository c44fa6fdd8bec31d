import { describe, expect, it } from "vitest";
import {
  channelContext,
  deliverBatch,
  deliveryOf,
  queueNotice,
  shippedNotice,
  verifiedPhone,
} from "../support/channels";
import { signUp } from "../support/identity";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";

/** The real configuration with the SMS adapter switched to the HTTP API, pointed at the recorder under `scope`. */
const smsApi = (scope: string) =>
  channelContext({
    SMS_ADAPTER: "http",
    SMS_API_URL: `${recorderUrl}/${scope}/2010-04-01`,
    SMS_ACCOUNT_SID: "AC0123456789abcdef",
    SMS_AUTH_TOKEN: "sms-auth-token",
    SMS_FROM: "+15005550006",
  });

describe("the HTTP SMS adapter", () => {
  it("posts the notice to the Messages API as Twilio takes it: form fields, basic auth, the delivery as key", async () => {
    await scriptReply({
      method: "POST",
      path: "/sms-ok/2010-04-01/Accounts/AC0123456789abcdef/Messages.json",
      status: 201,
      body: { sid: "SM0001", status: "queued" },
    });
    const reader = await signUp();
    const phone = await verifiedPhone(reader);
    const channel = smsApi("sms-ok");
    const notice = shippedNotice(reader.userId);
    const queued = (await queueNotice(channel, notice)).filter((event) => event.data.channel === "sms");
    expect(queued).toHaveLength(1);

    expect((await deliverBatch(channel, queued)).retried).toEqual([]);
    const [request, ...more] = await recordedRequests("sms-ok");
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      method: "POST",
      path: "/sms-ok/2010-04-01/Accounts/AC0123456789abcdef/Messages.json",
    });
    expect(request!.headers.authorization).toBe(`Basic ${btoa("AC0123456789abcdef:sms-auth-token")}`);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.headers["idempotency-key"]).toBe(queued[0]!.data.deliveryId);
    const form = new URLSearchParams(request!.body);
    expect(Object.fromEntries(form)).toEqual({
      To: phone,
      From: "+15005550006",
      Body: `Ada's Books shipped your order: DHL, tracking number JJD0001\nhttp://127.0.0.1:8787/orders/${notice.data.orderId}`,
    });
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      channel: "sms",
      status: "sent",
      to: phone,
      attempts: 1,
      provider: "http",
      providerMessageId: "SM0001",
    });
  });

  it("logs a refused message as failed and lets the queue retry it", async () => {
    await scriptReply({ method: "POST", path: "/sms-down/", status: 500, body: { code: 20500 } });
    const reader = await signUp();
    await verifiedPhone(reader);
    const channel = smsApi("sms-down");
    const queued = (await queueNotice(channel, shippedNotice(reader.userId))).filter((e) => e.data.channel === "sms");

    expect((await deliverBatch(channel, queued)).retried).toEqual([`m-${queued[0]!.id}`]);
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "Error: SMS API answered 500",
    });
  });
});
