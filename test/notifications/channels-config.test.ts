import { describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "../../workers/config";
import { PRODUCTION_CHANNELS } from "../support/env";

const development = {
  ENVIRONMENT: "development",
  SIMULATED_WEBHOOK_SECRET: "dev-simulated-webhook-secret-0001",
  CART_TOKEN_SECRET: "dev-cart-token-secret-0001",
  CONSOLE_COOKIE_SECRET: "dev-console-cookie-secret-0001",
  UNSUBSCRIBE_TOKEN_SECRET: "dev-unsubscribe-token-secret-0001",
  JWT_SIGNING_KEYS: JSON.stringify([
    {
      kty: "EC",
      crv: "P-256",
      x: "YAwI0mr8oOqkqJ-_5D_I6u-XsjKQAx8jeR_wwKhkcTA",
      y: "TuzqNXB6elptg5NXCnHtAj7W-aqCNPwTuxz5G9Jo4h0",
      d: "3zEBd69vS1DbPbQGDtPCAWyBA8zKDFuSmJzZUY6U0W8",
      kid: "dev-channels",
    },
  ]),
};
const load = (vars: Record<string, string>) => loadConfig({ ...development, ...vars } as unknown as Env);
function issuesOf(vars: Record<string, string>): string {
  try {
    load(vars);
    return "";
  } catch (error) {
    return (error as ConfigError).issues.join("\n");
  }
}

describe("the SMS and push configuration", () => {
  it("keeps messages in the dev logs by default", () => {
    const config = load({});
    expect([config.SMS_ADAPTER, config.PUSH_ADAPTER]).toEqual(["dev-log", "dev-log"]);
  });

  it("names every setting the HTTP SMS API and Web Push need", () => {
    const issues = issuesOf({ SMS_ADAPTER: "http", PUSH_ADAPTER: "web-push" });
    for (const key of [
      "SMS_API_URL",
      "SMS_ACCOUNT_SID",
      "SMS_AUTH_TOKEN",
      "SMS_FROM",
      "VAPID_PUBLIC_KEY",
      "VAPID_SUBJECT",
    ]) {
      expect(issues).toMatch(new RegExp(`${key}: required when`));
    }
  });

  it("takes a development VAPID key outside production, without its prefix", () => {
    const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = PRODUCTION_CHANNELS;
    const config = load({ VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: `dev-${VAPID_PRIVATE_KEY}` });
    expect(config.VAPID_PRIVATE_KEY).toBe(VAPID_PRIVATE_KEY);
  });

  it("refuses half a key pair, keys of the wrong shape and a sender that is neither number nor name", () => {
    const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = PRODUCTION_CHANNELS;
    expect(issuesOf({ VAPID_PUBLIC_KEY })).toMatch(/VAPID_PRIVATE_KEY: set both halves/);
    expect(issuesOf({ VAPID_PUBLIC_KEY: VAPID_PUBLIC_KEY.slice(1), VAPID_PRIVATE_KEY })).toMatch(/VAPID_PUBLIC_KEY/);
    expect(issuesOf({ VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: `${VAPID_PRIVATE_KEY}==` })).toMatch(/VAPID_PRIVATE_KEY/);
    expect(issuesOf({ VAPID_SUBJECT: "hello@bookbazaar.example" })).toMatch(/VAPID_SUBJECT/);
    expect(issuesOf({ SMS_FROM: "Book Bazaar Shop" })).toMatch(/SMS_FROM/);
  });
});
