import { describe, expect, it } from "vitest";
import {
  channelContext,
  deliverBatch,
  deliveryOf,
  pushesTo,
  queueNotice,
  shippedNotice,
  subscribeBrowser,
} from "../support/channels";
import { api, json, signUp } from "../support/identity";

const idsOf = async (account: { auth: Record<string, string> }) =>
  (
    await (await api("/v1/me/push-subscriptions", { headers: account.auth })).json<{ items: { id: string }[] }>()
  ).items.map((item) => item.id);

describe("push subscriptions (security)", () => {
  it("needs a signed-in account", async () => {
    expect((await api("/v1/me/push-subscriptions")).status).toBe(401);
    expect((await api("/v1/me/push-subscriptions", json({}))).status).toBe(401);
    expect((await api("/v1/me/push-subscriptions", json({}, { method: "DELETE" }))).status).toBe(401);
  });

  it("shows and removes only the caller's subscriptions", async () => {
    const owner = await signUp();
    const other = await signUp();
    const { browser, subscription } = await subscribeBrowser(owner);
    expect(await idsOf(other)).toEqual([]);
    const removed = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint }, { method: "DELETE", headers: other.auth }),
    );
    expect(removed.status).toBe(404);
    expect(await idsOf(owner)).toEqual([subscription.id]);
  });

  it("moves a browser to the account that registers it last: the first account's notices no longer reach it", async () => {
    const first = await signUp();
    const second = await signUp();
    const { browser, subscription } = await subscribeBrowser(first);
    const channel = channelContext({ PUSH_ADAPTER: "web-push" });
    const queuedBefore = await queueNotice(channel, shippedNotice(first.userId));

    const moved = await api(
      "/v1/me/push-subscriptions",
      json({ endpoint: browser.endpoint, keys: browser.keys }, { headers: second.auth }),
    );
    expect((await moved.json<{ id: string }>()).id).toBe(subscription.id);
    expect(await idsOf(first)).toEqual([]);
    expect(await idsOf(second)).toEqual([subscription.id]);

    await deliverBatch(channel, queuedBefore);
    expect(await deliveryOf(queuedBefore[0]!)).toMatchObject({ status: "gone" });
    expect(await queueNotice(channel, shippedNotice(first.userId))).toEqual([]);
    expect(await pushesTo(browser)).toEqual([]);
  });
});
