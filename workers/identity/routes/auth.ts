import { createRoute, z } from "@hono/zod-openapi";
import { mergeGuestCart } from "../../cart";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, requireAuth } from "../middleware";
import { confirmPasswordReset, requestPasswordReset, resendVerification, verifyEmail } from "../recovery";
import {
  EmailBody,
  LoginBody,
  RefreshBody,
  RegisterBody,
  ResetAccepted,
  ResetConfirmBody,
  TokenBody,
  TokensSchema,
  UserEnvelope,
} from "../schemas";
import { register } from "../service";
import { login, logout, logoutEverywhere, refresh } from "../sessions";
import { bearer, identityContext, noContent } from "./shared";

const tags = ["Identity"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const registerRoute = createRoute({
  method: "post",
  path: "/v1/auth/register",
  tags,
  summary: "Create an account; a verification mail follows",
  request: { body: json(RegisterBody) },
  responses: { 201: jsonContent(UserEnvelope, "Account created"), ...problems(400, 409, 413, 415, 422, 429) },
});

const verifyEmailRoute = createRoute({
  method: "post",
  path: "/v1/auth/verify-email",
  tags,
  summary: "Confirm the email address with the token from the mail (single use, 24 hours)",
  request: { body: json(TokenBody) },
  responses: { ...noContent, ...problems(400, 415) },
});

const resendVerificationRoute = createRoute({
  method: "post",
  path: "/v1/auth/verify-email/resend",
  tags,
  summary: "Mail a fresh verification link to the signed-in user",
  security: bearer,
  middleware: [requireAuth] as const,
  responses: { 202: { description: "Mail on its way" }, ...problems(401, 409, 429) },
});

const loginRoute = createRoute({
  method: "post",
  path: "/v1/auth/login",
  tags,
  summary: "Log in with email and password: an access token (15 minutes) and a refresh token (30 days)",
  description: "A guest cart sent along in `X-Cart-Token` is merged into the user's cart.",
  request: {
    body: json(LoginBody),
    headers: z.object({ "x-cart-token": z.string().max(200).optional() }),
  },
  responses: { 200: jsonContent(TokensSchema, "Logged in"), ...problems(400, 401, 415, 429) },
});

const refreshRoute = createRoute({
  method: "post",
  path: "/v1/auth/refresh",
  tags,
  summary: "Exchange a refresh token for new tokens; each refresh token works once",
  description:
    "Presenting a refresh token again within 10 seconds of its exchange answers the same new pair; later, it " +
    "revokes its whole session. A session cannot be refreshed past `SESSION_MAX_AGE_DAYS` after its login.",
  request: { body: json(RefreshBody) },
  responses: { 200: jsonContent(TokensSchema, "New tokens"), ...problems(400, 401, 415) },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/v1/auth/logout",
  tags,
  summary: "Revoke the current session",
  security: bearer,
  middleware: [requireAuth] as const,
  responses: { ...noContent, ...problems(401) },
});

const logoutAllRoute = createRoute({
  method: "post",
  path: "/v1/auth/logout-all",
  tags,
  summary: "Revoke every session of the account, this one included",
  security: bearer,
  middleware: [requireAuth] as const,
  responses: { ...noContent, ...problems(401) },
});

const resetRequestRoute = createRoute({
  method: "post",
  path: "/v1/auth/password-reset",
  tags,
  summary: "Mail a password-reset link (single use, 30 minutes) if the email belongs to an account",
  description: "The answer is the same whether or not the email is registered.",
  request: { body: json(EmailBody) },
  responses: { 202: jsonContent(ResetAccepted, "Accepted"), ...problems(400, 415, 429) },
});

const resetConfirmRoute = createRoute({
  method: "post",
  path: "/v1/auth/password-reset/confirm",
  tags,
  summary: "Set a new password with the token from the reset mail; every session is revoked",
  request: { body: json(ResetConfirmBody) },
  responses: { ...noContent, ...problems(400, 415, 422) },
});

const RESET_ACCEPTED = {
  status: "accepted" as const,
  detail: "If an account uses this email, a link to reset its password is on its way. It works for 30 minutes.",
};

export const authRoutes = createRouter()
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
    const tokens = await login(identityContext(c), c.req.valid("json"));
    await mergeGuestCart(c, tokens.user.id);
    return c.json(tokens, 200);
  })
  .openapi(refreshRoute, async (c) => {
    const tokens = await refresh(identityContext(c), c.req.valid("json").refreshToken);
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
