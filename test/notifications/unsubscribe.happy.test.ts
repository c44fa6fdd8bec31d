import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { loadConfig } from "../../workers/config";
import { newId } from "../../workers/lib/ids";
import { ConsoleClient } from "../support/console";
import { api, json, signUp } from "../support/identity";
import {
  deliver,
  deliveriesOf,
  feedRowsOf,
  mailTo,
  oneClick,
  oneClickPath,
  preferencesOf,
  replied,
} from "../support/notifications";
import { eur } from "../support/orders";

const base = loadConfig(env).PUBLIC_BASE_URL;

describe("one-click unsubscribe (RFC 8058)", () => {
  it("puts List-Unsubscribe and List-Unsubscribe-Post on a community mail, and the link in its last line", async () => {
    const reader = await signUp({ verified: true });
    await deliver(replied(reader.userId));
    const mail = await mailTo(reader.email, "comment-replied");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": expect.stringMatching(
        new RegExp(`^<${base}/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_.%-]+>$`),
      ),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail.text.split("\n").at(-1)).toMatch(
      new RegExp(`^Unsubscribe from community mail: ${base}/unsubscribe\\?token=`),
    );
    expect(mail.html).toContain(`href="${base}/unsubscribe?token=`);
  });

  it("leaves order mail without it: a receipt or a refund is transactional", async () => {
    const buyer = await signUp({ verified: true });
    const refund = createEvent("RefundIssued", {
      refundId: newId("orf"),
      orderId: newId("ord"),
      buyerId: buyer.userId,
      buyer: { email: buyer.email, name: "Test Reader" },
      amount: eur(500),
      orderRefunded: eur(500),
      reason: "damaged",
      restocked: false,
      actor: "seller:sel_x",
      sellerOrderIds: [],
      lines: [],
    });
    await deliver(refund);
    const mail = await mailTo(buyer.email, "refund-issued");
    expect(mail.headers).toBeNull();
    expect(mail.text).not.toMatch(/unsubscribe/i);
  });

  it("turns off that category's email, and nothing else: later replies reach the feed only", async () => {
    const reader = await signUp({ verified: true });
    await deliver(replied(reader.userId));
    const path = oneClickPath(await mailTo(reader.email, "comment-replied"));
    const response = await oneClick(path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unsubscribed: { category: "community", channel: "email" } });
    // Mail clients may post more than once.
    expect((await oneClick(path)).status).toBe(200);

    const { categories } = await preferencesOf(reader);
    expect(categories.community).toEqual({ email: false, sms: false, push: true, in_app: true });
    expect(categories.orders!.email).toBe(true);
    const later = replied(reader.userId);
    await deliver(later);
    expect(await deliveriesOf(later.id)).toEqual([]);
    expect(await feedRowsOf(reader.userId)).toHaveLength(2);
  });

  it("takes the token as JSON too", async () => {
    const reader = await signUp({ verified: true });
    await deliver(replied(reader.userId));
    const token = new URL(`http://x${oneClickPath(await mailTo(reader.email, "comment-replied"))}`).searchParams.get(
      "token",
    );
    const response = await api("/v1/notifications/unsubscribe", json({ token }));
    expect(response.status).toBe(200);
    expect((await preferencesOf(reader)).categories.community!.email).toBe(false);
  });

  it("offers a page with a button at the mail's footer link, which unsubscribes when pressed", async () => {
    const reader = await signUp({ verified: true });
    await deliver(replied(reader.userId));
    const footerLink = /Unsubscribe from community mail: (\S+)/.exec(
      (await mailTo(reader.email, "comment-replied")).text,
    )![1]!;
    const page = new URL(footerLink);
    const browser = new ConsoleClient();
    const opened = await browser.get(`${page.pathname}${page.search}`);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    // Opening the link (as a mail scanner would) changes nothing.
    expect((await preferencesOf(reader)).categories.community!.email).toBe(true);
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const pressed = await browser.post("/unsubscribe", { _csrf, token });
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain("You will get no more community mail");
    expect((await preferencesOf(reader)).categories.community!.email).toBe(false);
  });
});
