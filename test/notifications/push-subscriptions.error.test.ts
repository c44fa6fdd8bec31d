import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { addPushSubscription } from "../../workers/notifications/service/push-subscriptions";
import { buildServices } from "../../workers/platform/services";
import { browserSubscription } from "../support/channels";
import { api, json, signUp } from "../support/identity";

const subscribe = (account: { auth: Record<string, string> }, body: unknown) =>
  api("/v1/me/push-subscriptions", json(body, { headers: account.auth }));
const problem = async (response: Response) => ({ status: response.status, ...(await response.json<object>()) });

describe("push subscriptions (errors)", () => {
  it("refuses a body that is not a subscription", async () => {
    const reader = await signUp();
    const { endpoint, keys } = await browserSubscription();
    const bodies = [
      {},
      { endpoint },
      { endpoint: "not a url", keys },
      { endpoint, keys: { ...keys, p256dh: keys.p256dh.slice(1) } },
      { endpoint, keys: { ...keys, auth: "short" } },
      { endpoint: `https://push.example/${"x".repeat(2048)}`, keys },
    ];
    for (const body of bodies) {
      expect(await problem(await subscribe(reader, body))).toMatchObject({ status: 400, code: "validation_failed" });
    }
  });

  it("refuses an endpoint that is not https, and a key that is no P-256 point", async () => {
    const reader = await signUp();
    const { keys } = await browserSubscription();
    for (const endpoint of ["http://push.example/abc", "ftp://push.example/abc"]) {
      expect(await problem(await subscribe(reader, { endpoint, keys }))).toMatchObject({
        status: 422,
        code: "invalid_push_subscription",
      });
    }
    const offCurve = { ...keys, p256dh: `B${"A".repeat(86)}` };
    expect(
      await problem(await subscribe(reader, { endpoint: "https://push.example/abc", keys: offCurve })),
    ).toMatchObject({
      status: 422,
      code: "invalid_push_subscription",
    });
  });

  it("refuses a plain-HTTP loopback endpoint in production", async () => {
    const reader = await signUp();
    const { endpoint, keys } = await browserSubscription();
    const config = { ...loadConfig(env), ENVIRONMENT: "production" as const };
    const log = createLogger({ test: "push-subscriptions" });
    const services = buildServices(env, config, createExecutionContext(), log);
    await expect(
      addPushSubscription({ services, config, log }, reader.userId, { endpoint, keys }, null),
    ).rejects.toMatchObject({ code: "invalid_push_subscription" });
  });

  it("answers 404 for removing an endpoint that is not registered, and 400 for no endpoint", async () => {
    const reader = await signUp();
    const remove = (body: unknown) =>
      api("/v1/me/push-subscriptions", json(body, { method: "DELETE", headers: reader.auth }));
    expect(await problem(await remove({ endpoint: "https://push.example/unknown" }))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(await problem(await remove({}))).toMatchObject({ status: 400, code: "validation_failed" });
  });
});
