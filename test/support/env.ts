import { env } from "cloudflare:workers";

/** The test Worker's real bindings with some variables switched, e.g. another adapter. */
export function envWith(overrides: Record<string, string>): Env {
  return { ...env, ...overrides } as unknown as Env;
}

/** A throwaway ES256 key with a production-style kid (only "dev-" kids are refused in production). */
export const PRODUCTION_STYLE_KEY = {
  kty: "EC",
  crv: "P-256",
  x: "YAwI0mr8oOqkqJ-_5D_I6u-XsjKQAx8jeR_wwKhkcTA",
  y: "TuzqNXB6elptg5NXCnHtAj7W-aqCNPwTuxz5G9Jo4h0",
  d: "3zEBd69vS1DbPbQGDtPCAWyBA8zKDFuSmJzZUY6U0W8",
  kid: "es256-20261121-1898d1a3",
};

/** SMS and Web Push as production runs them: a Twilio-shaped SMS API, and a production-style VAPID key pair. */
export const PRODUCTION_CHANNELS = {
  SMS_ADAPTER: "http",
  SMS_API_URL: "https://api.twilio.com/2010-04-01",
  SMS_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef",
  SMS_AUTH_TOKEN: "sms-auth-token",
  SMS_FROM: "BookBazaar",
  PUSH_ADAPTER: "web-push",
  VAPID_PUBLIC_KEY: "BB1sQxf4gML2FS_MxOwQ-EPOzFajVPCFogsxsoYNGffW3p-1K-wq6nZepoGCyOBSZFHwvuxn7Nd3Jq3MOGw1TQA",
  VAPID_PRIVATE_KEY: "DivwNrMb-2hHYVNva3pFjl4DJ0YY_9Az7oXgZzNzuas",
  VAPID_SUBJECT: "mailto:hello@bookbazaar.example",
};
