import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { PRODUCTION_CHANNELS, PRODUCTION_STYLE_KEY } from "../support/env";

const base = {
  ENVIRONMENT: "production",
  CORS_ORIGINS: "https://shop.example",
  MAIL_ADAPTER: "http",
  JWT_SIGNING_KEYS: JSON.stringify([PRODUCTION_STYLE_KEY]),
  CART_TOKEN_SECRET: "a-long-production-cart-secret",
  CONSOLE_COOKIE_SECRET: "a-long-production-console-secret",
  UNSUBSCRIBE_TOKEN_SECRET: "a-long-production-unsubscribe-secret",
};
/** `base` with every adapter it names configured: a production configuration that loads. */
const complete = {
  ...base,
  ...PRODUCTION_CHANNELS,
  MAIL_API_URL: "https://mail.example/emails",
  MAIL_API_KEY: "k",
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: "sk_live_x",
  STRIPE_WEBHOOK_SECRET: "whsec_x",
};

describe("configuration", () => {
  it("refuses development-only adapters in production", () => {
    expect(() => loadConfig({ ...base, MAIL_ADAPTER: "dev-mailbox" } as unknown as Env)).toThrow(/MAIL_ADAPTER/);
    expect(() => loadConfig({ ...base, CART_TOKEN_SECRET: "dev-cart-token-secret-0001" } as unknown as Env)).toThrow(
      /CART_TOKEN_SECRET/,
    );
    expect(() => loadConfig({ ...base, PAYMENT_PROVIDER: "simulated" } as unknown as Env)).toThrow(/PAYMENT_PROVIDER/);
  });

  it("names every missing setting an adapter needs", () => {
    try {
      loadConfig({ ...base, RATE_LIMIT_ADAPTER: "upstash" } as unknown as Env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues.join("\n");
      expect(issues).toMatch(/MAIL_API_URL/);
      expect(issues).toMatch(/UPSTASH_REDIS_REST_URL/);
    }
  });

  it("accepts a complete production configuration", () => {
    const config = loadConfig(complete as unknown as Env);
    expect(config.CORS_ORIGINS).toEqual(["https://shop.example"]);
  });
});

describe("the relational store setting", () => {
  const planetscale = {
    ...complete,
    DATABASE: "planetscale",
    PLANETSCALE_HOST: "aws.connect.psdb.cloud",
    PLANETSCALE_USERNAME: "bazaar",
    PLANETSCALE_PASSWORD: "pscale_pw_x",
  };

  it("is D1 unless told otherwise", () => {
    expect(loadConfig(complete as unknown as Env).DATABASE).toBe("d1");
  });

  it("accepts PlanetScale with its three credentials", () => {
    expect(loadConfig(planetscale as unknown as Env)).toMatchObject({
      DATABASE: "planetscale",
      PLANETSCALE_HOST: "aws.connect.psdb.cloud",
    });
  });

  it("names each missing PlanetScale credential", () => {
    try {
      loadConfig({ ...complete, DATABASE: "planetscale" } as unknown as Env);
      expect.unreachable();
    } catch (error) {
      const issues = (error as ConfigError).issues.join("\n");
      for (const key of ["PLANETSCALE_HOST", "PLANETSCALE_USERNAME", "PLANETSCALE_PASSWORD"]) {
        expect(issues).toMatch(new RegExp(`${key}: required when DATABASE=planetscale`));
      }
    }
  });

  it("refuses an unknown store and a host that is not a host", () => {
    expect(() => loadConfig({ ...complete, DATABASE: "postgres" } as unknown as Env)).toThrow(/DATABASE/);
    expect(() =>
      loadConfig({ ...planetscale, PLANETSCALE_HOST: "https://aws.connect.psdb.cloud/x" } as unknown as Env),
    ).toThrow(/PLANETSCALE_HOST/);
  });

  it("refuses the local proxy in production, and only there", () => {
    for (const host of ["127.0.0.1:3900", "localhost:3900", "[::1]:3900"]) {
      expect(() => loadConfig({ ...planetscale, PLANETSCALE_HOST: host } as unknown as Env)).toThrow(
        /PLANETSCALE_HOST: a local proxy host is for development and tests only/,
      );
    }
    const development = { ...planetscale, ENVIRONMENT: "development", PLANETSCALE_HOST: "127.0.0.1:3900" };
    expect(loadConfig(development as unknown as Env).PLANETSCALE_HOST).toBe("127.0.0.1:3900");
  });
});

describe("structured logs", () => {
  it("redacts credentials at any depth", () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      createLogger().info("login", { body: { email: "a@b.c", password: "hunter22hunter", refreshToken: "r" } });
    } finally {
      console.log = original;
    }
    expect(lines[0]).not.toContain("hunter22hunter");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ body: { email: "a@b.c", password: "[redacted]" } });
  });
});
