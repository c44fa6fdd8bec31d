import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { atomically } from "../../platform/db";
import { auditEntry, auditTarget } from "../audit";
import type { IdentityContext } from "../context";
import { identityEvents } from "../events";
import { ROLES, type Role } from "../jwt";
import * as store from "../store";

/** An account as the admin pages list it. */
export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: "active" | "suspended";
  suspendedAt: string | null;
  suspendedReason: string | null;
  emailVerified: boolean;
  mfaEnabled: boolean;
  createdAt: string;
}

export interface AdminUserDetail extends AdminUserView {
  liveSessions: number;
  lastSignInAt: string | null;
}

const byRank = (a: Role, b: Role) => ROLES.indexOf(a) - ROLES.indexOf(b);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function adminView(user: store.UserRow, roles: Role[], mfaEnabled: boolean): AdminUserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.name,
    roles: (["buyer", ...roles.filter((role) => role !== "buyer")] as Role[]).sort(byRank),
    status: user.suspendedAt === null ? "active" : "suspended",
    suspendedAt: iso(user.suspendedAt),
    suspendedReason: user.suspendedReason,
    emailVerified: user.emailVerifiedAt !== null,
    mfaEnabled,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

/**
 * One page of accounts, newest first. `email` matches the normalised (lower-cased) address as a prefix, so a full
 * address finds exactly that account; `role` narrows to holders of a role (`buyer` is everyone).
 */
export async function listUsers(
  ctx: IdentityContext,
  query: { limit: number; beforeId?: string; email?: string; role?: Role },
): Promise<{ items: AdminUserView[]; last?: string }> {
  const { db } = ctx.services;
  const emailPrefix = query.email ? query.email.trim().toLowerCase() : undefined;
  const role = query.role === "buyer" ? undefined : query.role;
  const rows = await store.listUsers(db, { limit: query.limit + 1, beforeId: query.beforeId, emailPrefix, role });
  const page = rows.slice(0, query.limit);
  const ids = page.map((row) => row.id);
  const [roles, mfa] = await Promise.all([store.rolesOfUsers(db, ids), store.confirmedAuthenticators(db, ids)]);
  const withMfa = new Set(mfa.map((row) => row.userId));
  const items = page.map((user) =>
    adminView(
      user,
      roles.filter((row) => row.userId === user.id).map((row) => row.role),
      withMfa.has(user.id),
    ),
  );
  return { items, last: rows.length > query.limit ? items.at(-1)?.id : undefined };
}

async function targetUser(ctx: IdentityContext, userId: string): Promise<store.UserRow> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null) throw new AppError("not_found", `No user ${userId}.`);
  return user;
}

export async function adminUser(ctx: IdentityContext, userId: string, now = Date.now()): Promise<AdminUserDetail> {
  const { db } = ctx.services;
  const user = await targetUser(ctx, userId);
  const [roles, mfaEnabled, facts] = await Promise.all([
    store.storedRoles(db, user.id),
    store.hasConfirmedAuthenticator(db, user.id),
    store.sessionFacts(db, user.id, now),
  ]);
  return {
    ...adminView(
      user,
      roles.map((row) => row.role),
      mfaEnabled,
    ),
    liveSessions: facts.liveSessions,
    lastSignInAt: iso(facts.lastSignInAt),
  };
}

/**
 * Grants or revokes `seller` or `admin`, idempotently: a role already held (or already gone) changes nothing. An
 * admin keeps their own admin role (409 `own_admin_role`), and a role from configuration (ADMIN_EMAILS) goes only
 * with the configuration (409 `config_role`). It takes effect on the user's next request.
 */
export async function changeRole(
  ctx: IdentityContext,
  actor: Principal,
  userId: string,
  change: { grant?: "seller" | "admin"; revoke?: "seller" | "admin" },
  now = Date.now(),
): Promise<AdminUserDetail> {
  const { db } = ctx.services;
  const user = await targetUser(ctx, userId);
  const stored = await store.storedRoles(db, user.id);
  const before = stored.map((row) => row.role);
  if (change.grant) {
    const role = change.grant;
    if (!before.includes(role)) {
      await atomically(db, [
        store.grantRole(db, user.id, role, "operator", now),
        auditEntry(
          ctx,
          "role_granted",
          {
            userId: user.id,
            actorId: actor.userId,
            target: auditTarget("user", user.id),
            before: { roles: before },
            after: { roles: [...before, role] },
            detail: { role, before, after: [...before, role] },
          },
          now,
        ),
      ]);
    }
  } else if (change.revoke) {
    const role = change.revoke;
    const held = stored.find((row) => row.role === role);
    if (held) {
      if (role === "admin" && user.id === actor.userId) {
        throw new AppError("own_admin_role", "You cannot revoke your own admin role: ask another admin.");
      }
      if (held.source === "config") {
        throw new AppError(
          "config_role",
          "This role comes from ADMIN_EMAILS: remove the address from the configuration instead.",
        );
      }
      await atomically(db, [
        store.revokeRole(db, user.id, role),
        auditEntry(
          ctx,
          "role_revoked",
          {
            userId: user.id,
            actorId: actor.userId,
            target: auditTarget("user", user.id),
            before: { roles: before },
            after: { roles: before.filter((r) => r !== role) },
            detail: { role, before, after: before.filter((r) => r !== role) },
          },
          now,
        ),
      ]);
    }
  }
  return adminUser(ctx, user.id, now);
}

/**
 * Suspends an account: every session ends (reason `suspended`), sign-in answers 403 `account_suspended`, and the
 * catalog withholds a seller's listings from sale (through the outbox). Suspending a suspended account changes
 * nothing. An admin cannot suspend themselves (409 `own_account`).
 */
export async function suspendUser(
  ctx: IdentityContext,
  actor: Principal,
  userId: string,
  reason: string,
  now = Date.now(),
): Promise<AdminUserDetail> {
  const { db, outbox } = ctx.services;
  const user = await targetUser(ctx, userId);
  if (user.id === actor.userId) throw new AppError("own_account", "You cannot suspend your own account.");
  if (user.suspendedAt === null) {
    await outbox.commit(
      [
        store.setSuspension(db, user.id, { at: now, reason }, now),
        store.revokeUserSessions(db, user.id, "suspended", now),
        auditEntry(
          ctx,
          "user_suspended",
          {
            userId: user.id,
            actorId: actor.userId,
            target: auditTarget("user", user.id),
            before: { status: "active" },
            after: { status: "suspended", reason },
            detail: { before: "active", after: "suspended", reason },
          },
          now,
        ),
      ],
      [identityEvents.userSuspended(user.id)],
    );
  }
  return adminUser(ctx, user.id, now);
}

/** Lifts a suspension: sign-in works again and the withheld listings go back on sale. Idempotent. */
export async function unsuspendUser(
  ctx: IdentityContext,
  actor: Principal,
  userId: string,
  now = Date.now(),
): Promise<AdminUserDetail> {
  const { db, outbox } = ctx.services;
  const user = await targetUser(ctx, userId);
  if (user.suspendedAt !== null) {
    await outbox.commit(
      [
        store.setSuspension(db, user.id, null, now),
        auditEntry(
          ctx,
          "user_unsuspended",
          {
            userId: user.id,
            actorId: actor.userId,
            target: auditTarget("user", user.id),
            before: { status: "suspended", reason: user.suspendedReason },
            after: { status: "active" },
            detail: { before: "suspended", after: "active", reason: user.suspendedReason },
          },
          now,
        ),
      ],
      [identityEvents.userUnsuspended(user.id)],
    );
  }
  return adminUser(ctx, user.id, now);
}
