import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { PRODUCTION_CHANNELS, PRODUCTION_STYLE_KEY } from "../support/env";

interface WranglerEnvironment {
  name: string;
  vars: Record<string, string>;
  bindings: Record<string, string[]>;
}
const { development, production } = JSON.parse(
  (env as unknown as { WRANGLER_ENVIRONMENTS: string }).WRANGLER_ENVIRONMENTS,
) as Record<"development" | "production", WranglerEnvironment>;

/** The secrets an operator puts with `wrangler secret put --env production` (values shaped like real ones). */
const PRODUCTION_SECRETS = {
  JWT_SIGNING_KEYS: JSON.stringify([PRODUCTION_STYLE_KEY]),
  CART_TOKEN_SECRET: "a-long-production-cart-secret",
  CONSOLE_COOKIE_SECRET: "a-long-production-console-secret",
  UNSUBSCRIBE_TOKEN_SECRET: "a-long-production-unsubscribe-secret",
  MAIL_API_KEY: "mail-api-key",
  STRIPE_SECRET_KEY: "sk_live_example",
  STRIPE_WEBHOOK_SECRET: "whsec_example",
  PRINT_API_KEY: "print-api-key",
  SMS_ACCOUNT_SID: PRODUCTION_CHANNELS.SMS_ACCOUNT_SID,
  SMS_AUTH_TOKEN: PRODUCTION_CHANNELS.SMS_AUTH_TOKEN,
  VAPID_PUBLIC_KEY: PRODUCTION_CHANNELS.VAPID_PUBLIC_KEY,
  VAPID_PRIVATE_KEY: PRODUCTION_CHANNELS.VAPID_PRIVATE_KEY,
};

/** The test Worker's bindings with exactly the production vars and secrets (none of the test ones). */
function productionEnv(overrides: Record<string, string> = {}): Env {
  const bindings = Object.fromEntries(Object.entries(env).filter(([, value]) => typeof value !== "string"));
  return { ...bindings, ...production.vars, ...PRODUCTION_SECRETS, ...overrides } as unknown as Env;
}

/** Every setting that only development and tests may use, with a value that switches it on. */
const DEVELOPMENT_ONLY: Record<string, string>[] = [
  { MAIL_ADAPTER: "dev-mailbox" },
  { SMS_ADAPTER: "dev-log" },
  { PUSH_ADAPTER: "dev-log" },
  { VAPID_PRIVATE_KEY: `dev-${PRODUCTION_CHANNELS.VAPID_PRIVATE_KEY}` },
  { PAYMENT_PROVIDER: "simulated", SIMULATED_WEBHOOK_SECRET: "a-simulated-webhook-secret" },
  { STRIPE_API_BASE: "http://127.0.0.1:12111" },
  { BENCH_MODE: "1" },
  { CORS_ORIGINS: "*" },
  { CART_TOKEN_SECRET: "dev-cart-token-secret-0001" },
  { CONSOLE_COOKIE_SECRET: "dev-console-cookie-secret-0001" },
  { UNSUBSCRIBE_TOKEN_SECRET: "dev-unsubscribe-token-secret-0001" },
  { JWT_SIGNING_KEYS: PRODUCTION_SECRETS.JWT_SIGNING_KEYS.replace("es256-20261121", "dev-es256-20261121") },
];

describe("the production environment", () => {
  it("is what `npm run deploy` deploys", () => {
    expect(packageJson.scripts.deploy).toBe("wrangler deploy --env production");
    expect(production.vars.ENVIRONMENT).toBe("production");
    expect(production.name).toBe(development.name);
  });

  it("declares every binding, queue consumer and cron the Worker uses", () => {
    expect(production.bindings).toEqual(development.bindings);
  });

  it("starts with production adapters only", () => {
    const config = loadConfig(productionEnv());
    const services = buildServices(productionEnv(), config, createExecutionContext(), createLogger());
    expect(config.ENVIRONMENT).toBe("production");
    expect(config.MAIL_ADAPTER).toBe("http");
    expect(config.SMS_ADAPTER).toBe("http");
    expect(config.PUSH_ADAPTER).toBe("web-push");
    expect(services.payments.name).toBe("stripe");
    expect(config.BENCH_MODE).toBe(false);
    expect(config.STRIPE_API_BASE).toBeUndefined();
  });

  it.each(DEVELOPMENT_ONLY)("refuses the development-only setting %o", (setting) => {
    expect(() => loadConfig(productionEnv(setting))).toThrow(new RegExp(Object.keys(setting)[0]!));
  });

  it("answers every development route as unknown", async () => {
    const app = createApp();
    const document = await (await app.request("/openapi.json", {}, env, createExecutionContext())).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const developmentRoutes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/v1/dev/") || path === "/v1/webhooks/simulated")
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })));
    expect(developmentRoutes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        "/v1/dev/mailbox",
        "/v1/dev/messages",
        "/v1/dev/payments/{paymentId}/succeed",
        "/v1/webhooks/simulated",
      ]),
    );
    for (const { method, path } of developmentRoutes) {
      const url = path.replace("{paymentId}", `pay_${"0".repeat(32)}`);
      const response = await app.request(
        `${url}?to=someone%40bazaar.test`,
        {
          method: method.toUpperCase(),
          headers: { "content-type": "application/json" },
          body: method === "get" ? undefined : "{}",
        },
        productionEnv(),
        createExecutionContext(),
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("answers the console's mailbox page as unknown too", async () => {
    const response = await createApp().request(
      "/console/dev/mailbox?to=someone%40bazaar.test",
      {},
      productionEnv(),
      createExecutionContext(),
    );
    expect(response.status).toBe(404);
  });
});
