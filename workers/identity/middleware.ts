import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../http/context";
import { AppError } from "../http/errors";
import { type Role, verifyAccessToken } from "./jwt";
import { currentPrincipal } from "./service/sessions";
import { hasConfirmedAuthenticator } from "./store";

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Authenticates a request by its Bearer access token: signature with a configured key of the configured
 * algorithm, expiry, issuer, audience; then one database read to refuse tokens of revoked sessions and deleted or
 * suspended users, which also yields the user's current roles (the principal's, not the token's). Sets `principal`. Any failure is 401 with the same answer.
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  const token = header ? BEARER.exec(header.trim())?.[1] : undefined;
  if (!token) {
    throw new AppError(
      "unauthorized",
      "Send an access token: Authorization: Bearer <token>.",
      {},
      {
        "www-authenticate": 'Bearer realm="book-bazaar"',
      },
    );
  }
  const invalid = () =>
    new AppError(
      "invalid_token",
      "The access token is not valid or has expired. Refresh it or log in again.",
      {},
      {
        "www-authenticate": 'Bearer realm="book-bazaar", error="invalid_token"',
      },
    );
  const claimed = await verifyAccessToken(c.get("config"), token);
  if (!claimed) throw invalid();
  const principal = await currentPrincipal({ services: c.get("services") }, claimed);
  if (!principal) throw invalid();
  c.set("principal", principal);
  await next();
};

/** Lets the request through only when the authenticated principal holds `role` (use after `requireAuth`). */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get("principal");
    if (!principal) throw new AppError("unauthorized");
    if (!principal.roles.includes(role)) throw new AppError("forbidden", `This needs the ${role} role.`);
    if (role === "admin" && c.get("config").MFA_REQUIRED_FOR_ADMINS) await requireTotp(c, principal);
    await next();
  };
}

/** 403 `mfa_enrolment_required` unless the account has TOTP on (enrolling, under /v1/me/mfa, stays open). */
async function requireTotp(c: Context<AppEnv>, principal: Principal): Promise<void> {
  if (!(await hasConfirmedAuthenticator(c.get("services").db, principal.userId))) {
    throw new AppError(
      "mfa_enrolment_required",
      "Turn on two-factor sign-in first (POST /v1/me/mfa/totp), then try again.",
    );
  }
}

/** Before payout details: two-factor sign-in, when MFA_REQUIRED_FOR_PAYOUTS is on (use after `requireAuth`). */
export const requireTotpForPayouts: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("config").MFA_REQUIRED_FOR_PAYOUTS) await requireTotp(c, principalOf(c));
  await next();
};

/** The authenticated principal of a handler behind `requireAuth`. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthorized");
  return principal;
}
