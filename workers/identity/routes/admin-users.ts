import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, problems } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { identityContext } from "../context";
import { principalOf } from "../middleware";
import {
  AdminUserDetailSchema,
  AdminUserIdParams,
  AdminUserSchema,
  AdminUsersQuery,
  RoleChangeBody,
  SuspendBody,
} from "../schemas";
import { securedRoute } from "../secured-route";
import { adminUser, changeRole, listUsers, suspendUser, unsuspendUser } from "../service/admin-users";

const UserCursor = z.object({ id: z.string().regex(idPattern("usr")) });
const tags = ["Admin"];

const list = securedRoute({
  method: "get",
  path: "/v1/admin/users",
  operationId: "listUsers",
  role: "admin",
  tags,
  summary: "Accounts, newest first (admin only)",
  description:
    "`email` matches the normalised (lower-cased) address as a prefix, so a whole address finds exactly that " +
    "account; `role` lists the holders of a role (`buyer` is everyone). Pages go back with `cursor` (the previous " +
    "page's `nextCursor`) and `limit` (1–100, default 20). Deleted accounts are not listed.",
  request: { query: AdminUsersQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(AdminUserSchema), nextCursor: z.string().nullable() }),
      "One page of accounts",
    ),
    ...problems(400),
  },
});

const detail = securedRoute({
  method: "get",
  path: "/v1/admin/users/{id}",
  operationId: "getUser",
  role: "admin",
  tags,
  summary: "One account, with its live sessions and last sign-in (admin only)",
  description:
    "Deleted accounts answer 404 like unknown ones; `liveSessions` counts sessions neither revoked nor expired.",
  request: { params: AdminUserIdParams },
  responses: { 200: jsonContent(AdminUserDetailSchema, "The account"), ...problems(400, 404) },
});

const roles = securedRoute({
  method: "post",
  path: "/v1/admin/users/{id}/roles",
  operationId: "changeUserRole",
  role: "admin",
  tags,
  summary: "Grant or revoke seller or admin (admin only)",
  description:
    "Send exactly one of `{grant: role}` or `{revoke: role}`. Idempotent: a role already held (or not held) " +
    "changes nothing. Takes effect on the user's next request, whatever their access token says. Your own admin " +
    "role cannot be revoked (409 `own_admin_role`), nor a role from ADMIN_EMAILS (409 `config_role`). Audited as " +
    "`role_granted` / `role_revoked`.",
  request: {
    params: AdminUserIdParams,
    body: { content: { "application/json": { schema: RoleChangeBody } }, required: true },
  },
  responses: {
    200: jsonContent(AdminUserDetailSchema, "The account with its roles now"),
    ...problems(400, 404, 409, 415, 422),
  },
});

const suspend = securedRoute({
  method: "post",
  path: "/v1/admin/users/{id}/suspend",
  operationId: "suspendUser",
  role: "admin",
  tags,
  summary: "Suspend an account (admin only)",
  description:
    "Ends every session of the account at once; sign-in (login, refresh, second factor, the console) answers 403 " +
    "`account_suspended`, asked only after the password was right. A seller's listings are withheld from sale " +
    "until unsuspended. Suspending a suspended account changes nothing; your own account is 409 `own_account`. " +
    "Audited as `user_suspended`.",
  request: {
    params: AdminUserIdParams,
    body: { content: { "application/json": { schema: SuspendBody } }, required: true },
  },
  responses: {
    200: jsonContent(AdminUserDetailSchema, "The suspended account"),
    ...problems(400, 404, 409, 415, 422),
  },
});

const unsuspend = securedRoute({
  method: "post",
  path: "/v1/admin/users/{id}/unsuspend",
  operationId: "unsuspendUser",
  role: "admin",
  tags,
  summary: "Lift a suspension (admin only)",
  description:
    "Sign-in works again and exactly the listings the suspension withheld go back on sale (not ones the seller " +
    "paused). Idempotent. Audited as `user_unsuspended`.",
  request: { params: AdminUserIdParams },
  responses: { 200: jsonContent(AdminUserDetailSchema, "The account"), ...problems(400, 404) },
});

export const adminUserRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, cursor, email, role } = c.req.valid("query");
    const after = decodeCursor(cursor, UserCursor);
    const page = await listUsers(identityContext(c), { limit, beforeId: after?.id, email, role });
    return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
  })
  .openapi(detail, async (c) => c.json(await adminUser(identityContext(c), c.req.valid("param").id), 200))
  .openapi(roles, async (c) =>
    c.json(await changeRole(identityContext(c), principalOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(suspend, async (c) =>
    c.json(
      await suspendUser(identityContext(c), principalOf(c), c.req.valid("param").id, c.req.valid("json").reason),
      200,
    ),
  )
  .openapi(unsuspend, async (c) =>
    c.json(await unsuspendUser(identityContext(c), principalOf(c), c.req.valid("param").id), 200),
  );
