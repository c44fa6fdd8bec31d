import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { principalOf, requireAuth } from "../middleware";
import {
  ChangePasswordBody,
  PasswordConfirmationBody,
  SessionIdParam,
  SessionSchema,
  UpdateProfileBody,
  UserEnvelope,
} from "../schemas";
import { changePassword, deleteAccount, profile, updateProfile } from "../service";
import { listSessions, revokeOwnSession } from "../sessions";
import { bearer, identityContext, noContent } from "./shared";

const tags = ["Account"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const authenticated = { security: bearer, middleware: requireAuth };

const getMe = createRoute({
  method: "get",
  path: "/v1/me",
  tags,
  summary: "The signed-in account",
  ...authenticated,
  responses: { 200: jsonContent(UserEnvelope, "The account"), ...problems(401) },
});

const patchMe = createRoute({
  method: "patch",
  path: "/v1/me",
  tags,
  summary: "Change the name and/or replace the saved shipping addresses",
  description: "Addresses are checked per country: required fields and postal-code shape (US, GB, DE, FR, IN, CA).",
  ...authenticated,
  request: { body: json(UpdateProfileBody) },
  responses: { 200: jsonContent(UserEnvelope, "The updated account"), ...problems(400, 401, 415, 422) },
});

const changePasswordRoute = createRoute({
  method: "post",
  path: "/v1/me/password",
  tags,
  summary: "Change the password (needs the current one); every other session is revoked",
  ...authenticated,
  request: { body: json(ChangePasswordBody) },
  responses: { ...noContent, ...problems(400, 401, 403, 415, 422, 429) },
});

const deleteMe = createRoute({
  method: "delete",
  path: "/v1/me",
  tags,
  summary: "Delete the account (needs the password): personal data is anonymised, sessions revoked",
  description: "Orders, payouts and the audit trail keep the account id, as accounting requires.",
  ...authenticated,
  request: { body: json(PasswordConfirmationBody) },
  responses: { ...noContent, ...problems(400, 401, 403, 415, 429) },
});

const SessionCursor = z.object({ id: z.string().regex(idPattern("ses")) });

const sessionsRoute = createRoute({
  method: "get",
  path: "/v1/me/sessions",
  tags,
  summary: "The account's live sessions, newest first",
  ...authenticated,
  request: { query: PageQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(SessionSchema), nextCursor: z.string().nullable() }),
      "One page of sessions",
    ),
    ...problems(400, 401),
  },
});

const revokeSessionRoute = createRoute({
  method: "delete",
  path: "/v1/me/sessions/{id}",
  tags,
  summary: "Revoke one of the account's sessions",
  ...authenticated,
  request: { params: SessionIdParam },
  responses: { ...noContent, ...problems(400, 401, 404) },
});

export const meRoutes = createRouter()
  .openapi(getMe, async (c) => {
    return c.json({ user: await profile(identityContext(c), principalOf(c)) }, 200);
  })
  .openapi(patchMe, async (c) => {
    const user = await updateProfile(identityContext(c), principalOf(c), c.req.valid("json"));
    return c.json({ user }, 200);
  })
  .openapi(changePasswordRoute, async (c) => {
    await changePassword(identityContext(c), principalOf(c), c.req.valid("json"));
    return c.body(null, 204);
  })
  .openapi(deleteMe, async (c) => {
    await deleteAccount(identityContext(c), principalOf(c), c.req.valid("json"));
    return c.body(null, 204);
  })
  .openapi(sessionsRoute, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const after = decodeCursor(cursor, SessionCursor);
    const page = await listSessions(identityContext(c), principalOf(c), { limit, beforeId: after?.id });
    return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
  })
  .openapi(revokeSessionRoute, async (c) => {
    await revokeOwnSession(identityContext(c), principalOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
