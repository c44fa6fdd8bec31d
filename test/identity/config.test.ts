import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../workers/config";
import { PRODUCTION_CHANNELS } from "../support/env";

const es256 = (kid: string) => ({
  kty: "EC",
  crv: "P-256",
  x: "YAwI0mr8oOqkqJ-_5D_I6u-XsjKQAx8jeR_wwKhkcTA",
  y: "TuzqNXB6elptg5NXCnHtAj7W-aqCNPwTuxz5G9Jo4h0",
  d: "3zEBd69vS1DbPbQGDtPCAWyBA8zKDFuSmJzZUY6U0W8",
  kid,
});
const ed25519 = {
  kty: "OKP",
  crv: "Ed25519",
  x: "wp42puqYAioZMm3AnkOV7wswwRJREoqe50X_d7ueWqk",
  d: "EAw--f_qOwpKlpphHopib36VK3WWtsVS92jbiu86KKM",
  kid: "eddsa-20261121-179119e3",
};

const production = {
  ...PRODUCTION_CHANNELS,
  ENVIRONMENT: "production",
  CORS_ORIGINS: "https://shop.example",
  MAIL_ADAPTER: "http",
  MAIL_API_URL: "https://mail.example/emails",
  MAIL_API_KEY: "k",
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: "sk_live_x",
  STRIPE_WEBHOOK_SECRET: "whsec_x",
  CART_TOKEN_SECRET: "a-long-production-cart-secret",
  CONSOLE_COOKIE_SECRET: "a-long-production-console-secret",
  UNSUBSCRIBE_TOKEN_SECRET: "a-long-production-unsubscribe-secret",
};
const development = {
  ENVIRONMENT: "development",
  SIMULATED_WEBHOOK_SECRET: "dev-simulated-webhook-secret-0001",
  CART_TOKEN_SECRET: "dev-cart-token-secret-0001",
  CONSOLE_COOKIE_SECRET: "dev-console-cookie-secret-0001",
  UNSUBSCRIBE_TOKEN_SECRET: "dev-unsubscribe-token-secret-0001",
};

const load = (vars: Record<string, unknown>) => loadConfig(vars as unknown as Env);
function issuesOf(vars: Record<string, unknown>): string {
  try {
    load(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.join("\n");
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("identity configuration", () => {
  it("requires signing keys", () => {
    expect(issuesOf(development)).toMatch(/JWT_SIGNING_KEYS/);
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: "not json" })).toMatch(/JWT_SIGNING_KEYS/);
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: "[]" })).toMatch(/at least one key/);
  });

  it("refuses development keys in production, and accepts them elsewhere", () => {
    const keys = JSON.stringify([es256("es256-new"), es256("dev-es256-old")]);
    expect(issuesOf({ ...production, JWT_SIGNING_KEYS: keys })).toMatch(/dev-es256-old refused in production/);
    expect(load({ ...development, JWT_SIGNING_KEYS: keys }).JWT_SIGNING_KEYS).toHaveLength(2);
  });

  it("refuses public-only keys, keys of another algorithm and duplicate kids", () => {
    const { d: _d, ...publicOnly } = es256("es256-public");
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: JSON.stringify([publicOnly]) })).toMatch(/JWT_SIGNING_KEYS/);
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: JSON.stringify([ed25519]) })).toMatch(/not a ES256 key/);
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: JSON.stringify([es256("same"), es256("same")]) })).toMatch(
      /duplicate kid/,
    );
    const eddsa = load({ ...development, JWT_ALGORITHM: "EdDSA", JWT_SIGNING_KEYS: JSON.stringify([ed25519]) });
    expect(eddsa.JWT_ALGORITHM).toBe("EdDSA");
  });

  it("keeps argon2id at or above the OWASP minimum", () => {
    const keys = JSON.stringify([es256("k")]);
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: keys, PASSWORD_HASH_MEMORY_KIB: "8192" })).toMatch(
      /PASSWORD_HASH_MEMORY_KIB/,
    );
    expect(issuesOf({ ...development, JWT_SIGNING_KEYS: keys, PASSWORD_HASH_ITERATIONS: "1" })).toMatch(
      /PASSWORD_HASH_ITERATIONS/,
    );
  });

  it("reads rate limits as <hits>/<seconds>; per-IP defaults are strict in production only", () => {
    const keys = JSON.stringify([es256("es256-k")]);
    const prod = load({ ...production, JWT_SIGNING_KEYS: keys });
    const dev = load({ ...development, JWT_SIGNING_KEYS: keys });
    expect(prod.RATE_LIMIT_REGISTER_PER_IP).toEqual({ limit: 20, windowSeconds: 3600 });
    expect(dev.RATE_LIMIT_REGISTER_PER_IP.limit).toBeGreaterThanOrEqual(1000);
    expect(dev.RATE_LIMIT_LOGIN_PER_IP.limit).toBeGreaterThanOrEqual(1000);
    // Per-account limits are strict everywhere.
    expect(dev.RATE_LIMIT_LOGIN_PER_ACCOUNT).toEqual(prod.RATE_LIMIT_LOGIN_PER_ACCOUNT);
    expect(dev.RATE_LIMIT_LOGIN_PER_ACCOUNT.limit).toBeLessThanOrEqual(10);

    const tuned = load({ ...production, JWT_SIGNING_KEYS: keys, RATE_LIMIT_LOGIN_PER_IP: "300/60" });
    expect(tuned.RATE_LIMIT_LOGIN_PER_IP).toEqual({ limit: 300, windowSeconds: 60 });
    expect(issuesOf({ ...production, JWT_SIGNING_KEYS: keys, RATE_LIMIT_LOGIN_PER_IP: "lots" })).toMatch(
      /RATE_LIMIT_LOGIN_PER_IP/,
    );
  });

  it("lower-cases ADMIN_EMAILS", () => {
    const config = load({
      ...development,
      JWT_SIGNING_KEYS: JSON.stringify([es256("k")]),
      ADMIN_EMAILS: " Ops@Shop.example , b@c.d",
    });
    expect(config.ADMIN_EMAILS).toEqual(["ops@shop.example", "b@c.d"]);
  });
});
