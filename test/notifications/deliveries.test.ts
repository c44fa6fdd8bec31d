import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deadLetters } from "../../schema/platform";
import { DEFAULT_CHOICES } from "../../workers/notifications/preferences";
import { saveChoices } from "../../workers/notifications/store/preferences";
import { atomically } from "../../workers/platform/db";
import {
  channelContext,
  db,
  deadLetterBatch,
  deliverBatch,
  deliveryOf,
  newPhone,
  queueNotice,
  setPhone,
  shippedNotice,
  subscribeBrowser,
  verifiedPhone,
} from "../support/channels";
import { signUp } from "../support/identity";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";

const MESSAGES = "/2010-04-01/Accounts/AC1/Messages.json";
const smsApi = (scope: string) =>
  channelContext({
    SMS_ADAPTER: "http",
    SMS_API_URL: `${recorderUrl}/${scope}/2010-04-01`,
    SMS_ACCOUNT_SID: "AC1",
    SMS_AUTH_TOKEN: "token",
    SMS_FROM: "BookBazaar",
  });

/** A reader with a verified phone, and the SMS delivery a shipped notice queues for them. */
async function queuedSms(scope: string) {
  const reader = await signUp();
  await verifiedPhone(reader);
  const channel = smsApi(scope);
  const queued = await queueNotice(channel, shippedNotice(reader.userId));
  expect(queued.map((event) => event.data.channel)).toEqual(["sms"]);
  return { channel, queued };
}

describe("the delivery log", () => {
  it("sends a delivery whose event is delivered twice once", async () => {
    await scriptReply({ method: "POST", path: `/sms-twice${MESSAGES}`, status: 201, body: { sid: "SM1" }, times: -1 });
    const { channel, queued } = await queuedSms("sms-twice");

    expect((await deliverBatch(channel, queued)).acked).toEqual([`m-${queued[0]!.id}`]);
    expect((await deliverBatch(channel, queued)).acked).toEqual([`m-${queued[0]!.id}`]);
    expect(await recordedRequests("sms-twice")).toHaveLength(1);
    expect(await deliveryOf(queued[0]!)).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "SM1" });
  });

  it("logs a failed attempt, then the retry that sent it: attempts counted, the last error kept", async () => {
    await scriptReply({ method: "POST", path: `/sms-flaky${MESSAGES}`, status: 503, body: {} });
    await scriptReply({ method: "POST", path: `/sms-flaky${MESSAGES}`, status: 201, body: { sid: "SM2" } });
    const { channel, queued } = await queuedSms("sms-flaky");
    expect(await deliveryOf(queued[0]!)).toMatchObject({ status: "queued", attempts: 0, lastError: null });

    expect((await deliverBatch(channel, queued, 1)).retried).toEqual([`m-${queued[0]!.id}`]);
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "Error: SMS API answered 503",
    });

    expect((await deliverBatch(channel, queued, 2)).acked).toEqual([`m-${queued[0]!.id}`]);
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: "Error: SMS API answered 503",
      providerMessageId: "SM2",
      sentAt: expect.any(Number),
    });
    const requests = await recordedRequests("sms-flaky");
    expect(requests.map((request) => request.headers["idempotency-key"])).toEqual([
      queued[0]!.data.deliveryId,
      queued[0]!.data.deliveryId,
    ]);
  });

  it("marks a delivery dead when its message reaches the dead-letter queue", async () => {
    await scriptReply({ method: "POST", path: `/sms-dead${MESSAGES}`, status: 503, body: {}, times: -1 });
    const { channel, queued } = await queuedSms("sms-dead");
    for (const attempt of [1, 2, 3]) {
      expect((await deliverBatch(channel, queued, attempt)).retried).toEqual([`m-${queued[0]!.id}`]);
    }

    expect(await deadLetterBatch(queued)).toEqual([`m-${queued[0]!.id}`]);
    expect(await deliveryOf(queued[0]!)).toMatchObject({
      status: "dead",
      attempts: 3,
      lastError: "Error: SMS API answered 503",
    });
    const letters = await db.select().from(deadLetters).where(eq(deadLetters.eventId, queued[0]!.id));
    expect(letters).toMatchObject([{ queue: "notifications", eventType: "DeliveryQueued" }]);
    // A dead delivery is not sent by a late redelivery of its event.
    expect((await deliverBatch(channel, queued, 6)).acked).toEqual([`m-${queued[0]!.id}`]);
    expect(await recordedRequests("sms-dead")).toHaveLength(3);
  });
});

describe("the channels a notice is queued for", () => {
  it("texts only a verified number", async () => {
    const reader = await signUp();
    expect((await setPhone(reader, newPhone())).status).toBe(200);
    const channel = smsApi("sms-unverified");
    expect(await queueNotice(channel, shippedNotice(reader.userId))).toEqual([]);
  });

  it("follows the category's SMS and push choices", async () => {
    const reader = await signUp();
    const phone = await verifiedPhone(reader);
    const { subscription } = await subscribeBrowser(reader);
    const channel = smsApi("sms-choices");
    const recipients = async (category: "orders" | "community") =>
      Promise.all(
        (await queueNotice(channel, shippedNotice(reader.userId, category))).map(async (event) => {
          const delivery = await deliveryOf(event);
          return [delivery.channel, delivery.to];
        }),
      );

    expect(await recipients("orders")).toEqual([
      ["sms", phone],
      ["push", subscription.id],
    ]);
    // Community notices are no SMS by default.
    expect(await recipients("community")).toEqual([["push", subscription.id]]);
    const choices = structuredClone(DEFAULT_CHOICES);
    choices.orders.push = false;
    await atomically(db, [saveChoices(db, reader.userId, choices)]);
    expect(await recipients("orders")).toEqual([["sms", phone]]);
  });
});
