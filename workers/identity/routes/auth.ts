import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { type AccountSellers, identityContext } from "../context";
import { principalOf } from "../middleware";
import {
  EmailBody,
  LoginBody,
  MfaBody,
  RefreshBody,
  RegisterBody,
  ResetAccepted,
  ResetConfirmBody,
  TokenBody,
  TokensSchema,
  UserEnvelope,
} from "../schemas";
import { securedRoute } from "../secured-route";
import { register } from "../service/accounts";
import { completeSecondFactor } from "../service/mfa-sign-in";
import { confirmPasswordReset, requestPasswordReset, resendVerification, verifyEmail } from "../service/recovery";
import { login, logout, logoutEverywhere, refresh } from "../service/sessions";
import { noContent } from "./shared";

const tags = ["Identity"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const registerRoute = publicRoute({
  method: "post",
  path: "/v1/auth/register",
  operationId: "registerAccount",
  tags,
  summary: "Create an account; a verification mail follows",
  description:
    "A password that fails the password policy is 422 `weak_password`, an email already registered 409 " +
    "`email_taken`; sign-ups are rate-limited per IP (429). The new account is a buyer whose email is not yet " +
    "verified.",
  request: { body: json(RegisterBody) },
  responses: { 201: jsonContent(UserEnvelope, "Account created"), ...problems(400, 409, 413, 415, 422, 429) },
});

const verifyEmailRoute = publicRoute({
  method: "post",
  path: "/v1/auth/verify-email",
  operationId: "verifyEmail",
  tags,
  summary: "Confirm the email address with the token from the mail (single use, 24 hours)",
  description:
    "A token that is unknown, expired or already used is 400 `invalid_or_expired_token`. The first verification of " +
    "an account sends the welcome mail.",
  request: { body: json(TokenBody) },
  responses: { ...noContent, ...problems(400, 415) },
});

const resendVerificationRoute = securedRoute({
  method: "post",
  path: "/v1/auth/verify-email/resend",
  operationId: "resendVerificationEmail",
  tags,
  summary: "Mail a fresh verification link to the signed-in user",
  description:
    "The new link works for 24 hours. An address already verified is 409 `conflict`; these mails are rate-limited " +
    "per account (429).",
  responses: { 202: { description: "Mail on its way" }, ...problems(409, 429) },
});

const loginRoute = publicRoute({
  method: "post",
  path: "/v1/auth/login",
  operationId: "logIn",
  tags,
  summary: "Log in with email and password: an access token (15 minutes) and a refresh token (30 days)",
  description:
    "A guest cart sent along in `X-Cart-Token` is merged into the user's cart. With two-factor sign-in on, a right " +
    "password answers 401 `mfa_required` with `challengeId` (and `expiresAt`, five minutes on): finish with " +
    "`POST /v1/auth/mfa`.",
  request: {
    body: json(LoginBody),
    headers: z.object({ "x-cart-token": z.string().max(200).optional() }),
  },
  responses: { 200: jsonContent(TokensSchema, "Logged in"), ...problems(400, 401, 403, 415, 429) },
});

const mfaRoute = publicRoute({
  method: "post",
  path: "/v1/auth/mfa",
  operationId: "completeMfaLogin",
  tags,
  summary: "Finish a login that answered `mfa_required`, with a TOTP code or a recovery code",
  description:
    "Send `challengeId` with either `code` (six digits; each is accepted once) or `recoveryCode` (each works " +
    "once). A wrong or replayed code, and an unknown, expired or finished challenge, are 401 `mfa_failed`; after " +
    "five tries the challenge is dead. Tries are rate-limited per IP and account (429). The answer is a login's.",
  request: {
    body: json(MfaBody),
    headers: z.object({ "x-cart-token": z.string().max(200).optional() }),
  },
  responses: { 200: jsonContent(TokensSchema, "Logged in"), ...problems(400, 401, 403, 415, 429) },
});

const refreshRoute = publicRoute({
  method: "post",
  path: "/v1/auth/refresh",
  operationId: "refreshSession",
  tags,
  summary: "Exchange a refresh token for new tokens; each refresh token works once",
  description:
    "Presenting a refresh token again within 10 seconds of its exchange answers the same new pair; later, it " +
    "revokes its whole session. A session cannot be refreshed past `SESSION_MAX_AGE_DAYS` after its login.",
  request: { body: json(RefreshBody) },
  responses: { 200: jsonContent(TokensSchema, "New tokens"), ...problems(400, 401, 403, 415) },
});

const logoutRoute = securedRoute({
  method: "post",
  path: "/v1/auth/logout",
  operationId: "logOut",
  tags,
  summary: "Revoke the current session",
  description:
    "The session's refresh token stops working and its access tokens are refused (401) from the next request on; " +
    "other sessions stay signed in.",
  responses: { ...noContent },
});

const logoutAllRoute = securedRoute({
  method: "post",
  path: "/v1/auth/logout-all",
  operationId: "logOutEverywhere",
  tags,
  summary: "Revoke every session of the account, this one included",
  description:
    "Every refresh token of the account stops working and access tokens of its sessions are refused (401) from the " +
    "next request on; log in again to start a new session.",
  responses: { ...noContent },
});

const resetRequestRoute = publicRoute({
  method: "post",
  path: "/v1/auth/password-reset",
  operationId: "requestPasswordReset",
  tags,
  summary: "Mail a password-reset link (single use, 30 minutes) if the email belongs to an account",
  description: "The answer is the same whether or not the email is registered.",
  request: { body: json(EmailBody) },
  responses: { 202: jsonContent(ResetAccepted, "Accepted"), ...problems(400, 415, 429) },
});

const resetConfirmRoute = publicRoute({
  method: "post",
  path: "/v1/auth/password-reset/confirm",
  operationId: "confirmPasswordReset",
  tags,
  summary: "Set a new password with the token from the reset mail; every session is revoked",
  description:
    "A token that is unknown, expired or already used is 400 `invalid_or_expired_token`; a password that fails the " +
    "policy is 422 `weak_password` and leaves the link usable. The reset also counts as verifying the email " +
    "address, and every other reset link stops working.",
  request: { body: json(ResetConfirmBody) },
  responses: { ...noContent, ...problems(400, 415, 422) },
});

const RESET_ACCEPTED = {
  status: "accepted" as const,
  detail: "If an account uses this email, a link to reset its password is on its way. It works for 30 minutes.",
};

/** What auth needs from the modules built on identity: the seller profile, and what follows a login. */
export interface AuthHooks {
  sellers: AccountSellers;
  /** Runs once a login succeeded, before it answers (the cart merges a guest cart sent along). */
  afterLogin(c: Context<AppEnv>, userId: string): Promise<void>;
}

export const authRoutes = ({ sellers, afterLogin }: AuthHooks) =>
  createRouter()
    .openapi(registerRoute, async (c) => {
      const user = await register(identityContext(c), c.req.valid("json"));
      return c.json({ user }, 201, { location: "/v1/me" });
    })
    .openapi(verifyEmailRoute, async (c) => {
      await verifyEmail(identityContext(c), c.req.valid("json").token);
      return c.body(null, 204);
    })
    .openapi(resendVerificationRoute, async (c) => {
      await resendVerification(identityContext(c), principalOf(c));
      return c.body(null, 202);
    })
    .openapi(loginRoute, async (c) => {
      const { principal: _, ...tokens } = await login({ ...identityContext(c), sellers }, c.req.valid("json"));
      await afterLogin(c, tokens.user.id);
      return c.json(tokens, 200);
    })
    .openapi(mfaRoute, async (c) => {
      const { principal: _, ...tokens } = await completeSecondFactor(
        { ...identityContext(c), sellers },
        c.req.valid("json"),
      );
      await afterLogin(c, tokens.user.id);
      return c.json(tokens, 200);
    })
    .openapi(refreshRoute, async (c) => {
      const tokens = await refresh({ ...identityContext(c), sellers }, c.req.valid("json").refreshToken);
      return c.json(tokens, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout(identityContext(c), principalOf(c));
      return c.body(null, 204);
    })
    .openapi(logoutAllRoute, async (c) => {
      await logoutEverywhere(identityContext(c), principalOf(c));
      return c.body(null, 204);
    })
    .openapi(resetRequestRoute, async (c) => {
      await requestPasswordReset(identityContext(c), c.req.valid("json").email);
      return c.json(RESET_ACCEPTED, 202);
    })
    .openapi(resetConfirmRoute, async (c) => {
      await confirmPasswordReset(identityContext(c), c.req.valid("json"));
      return c.body(null, 204);
    });
