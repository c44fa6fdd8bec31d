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
