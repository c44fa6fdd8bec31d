import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { type AccountContext, type AccountSellers, identityContext } from "../context";
import { principalOf } from "../middleware";
import {
  ChangePasswordBody,
  PasswordConfirmationBody,
  SessionIdParam,
  SessionSchema,
  UpdateProfileBody,
  UserEnvelope,
} from "../schemas";
import { securedRoute } from "../secured-route";
import { changePassword, deleteAccount, profile, updateProfile } from "../service/accounts";
import { listSessions, revokeOwnSession } from "../service/sessions";
import { noContent } from "./shared";

const tags = ["Account"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const getMe = securedRoute({
  method: "get",
  path: "/v1/me",
  operationId: "getAccount",
  tags,
  summary: "The signed-in account",
  description:
    "Includes the current roles (which may be newer than those in the access token), `sellerId` once the account " +
    "has a seller profile, and the saved shipping addresses with the ids checkout takes as `addressId`.",
  responses: { 200: jsonContent(UserEnvelope, "The account") },
});

const patchMe = securedRoute({
  method: "patch",
  path: "/v1/me",
  operationId: "updateAccount",
  tags,
  summary: "Change the name and/or replace the saved shipping addresses",
  description: "Addresses are checked per country: required fields and postal-code shape (US, GB, DE, FR, IN, CA).",
  request: { body: json(UpdateProfileBody) },
  responses: { 200: jsonContent(UserEnvelope, "The updated account"), ...problems(400, 415, 422) },
});

const changePasswordRoute = securedRoute({
  method: "post",
  path: "/v1/me/password",
  operationId: "changePassword",
  tags,
  summary: "Change the password (needs the current one); every other session is revoked",
  description:
    "A wrong current password is 403 `wrong_password` (attempts are rate-limited per account, 429); a new password " +
    "that fails the policy or equals the current one is 422 `weak_password`. Pending password-reset links stop " +
    "working; emits `PasswordChanged`.",
  request: { body: json(ChangePasswordBody) },
  responses: { ...noContent, ...problems(400, 403, 415, 422, 429) },
});

const deleteMe = securedRoute({
  method: "delete",
  path: "/v1/me",
  operationId: "deleteAccount",
  tags,
  summary: "Delete the account (needs the password): personal data is anonymised, sessions revoked",
  description: "Orders, payouts and the audit trail keep the account id, as accounting requires.",
  request: { body: json(PasswordConfirmationBody) },
  responses: { ...noContent, ...problems(400, 403, 415, 429) },
});

const SessionCursor = z.object({ id: z.string().regex(idPattern("ses")) });

const sessionsRoute = securedRoute({
  method: "get",
  path: "/v1/me/sessions",
  operationId: "listSessions",
  tags,
  summary: "The account's live sessions, newest first",
  description:
    "Each session shows when it was created and last used, when it expires, the IP and user agent it logged in " +
    "from, and `current: true` for the one making the request. Pages with `cursor` (the previous page's " +
    "`nextCursor`) and `limit` (1–100, default 20).",
  request: { query: PageQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(SessionSchema), nextCursor: z.string().nullable() }),
      "One page of sessions",
    ),
    ...problems(400),
  },
});

const revokeSessionRoute = securedRoute({
  method: "delete",
  path: "/v1/me/sessions/{id}",
  operationId: "revokeSession",
  tags,
  summary: "Revoke one of the account's sessions",
  description:
    "A session that is not the caller's, or is no longer live, is 404. Revoking the current session signs this " +
    "client out, like `POST /v1/auth/logout`.",
  request: { params: SessionIdParam },
  responses: { ...noContent, ...problems(400, 404) },
});

export const meRoutes = (sellers: AccountSellers) => {
  const accountContext = (c: Context<AppEnv>): AccountContext => ({ ...identityContext(c), sellers });
  return createRouter()
    .openapi(getMe, async (c) => {
      return c.json({ user: await profile(accountContext(c), principalOf(c)) }, 200);
    })
    .openapi(patchMe, async (c) => {
      const user = await updateProfile(accountContext(c), principalOf(c), c.req.valid("json"));
      return c.json({ user }, 200);
    })
    .openapi(changePasswordRoute, async (c) => {
      await changePassword(accountContext(c), principalOf(c), c.req.valid("json"));
      return c.body(null, 204);
    })
    .openapi(deleteMe, async (c) => {
      await deleteAccount(accountContext(c), principalOf(c), c.req.valid("json"));
      return c.body(null, 204);
    })
    .openapi(sessionsRoute, async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, SessionCursor);
      const page = await listSessions(accountContext(c), principalOf(c), { limit, beforeId: after?.id });
      return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
    })
    .openapi(revokeSessionRoute, async (c) => {
      await revokeOwnSession(accountContext(c), principalOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    });
};
