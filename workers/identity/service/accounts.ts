import type { ShippingAddress } from "../../../schema/identity";
import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import type { Statement } from "../../platform/db";
import { addressId } from "../addresses";
import { auditEntry } from "../audit";
import type { AccountContext, IdentityContext } from "../context";
import { identityEvents } from "../events";
import type { Locale } from "../locales";
import { hashParams, hashPassword, passwordPolicyProblem, verifyPassword } from "../passwords";
import { enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import { loadUserView, localeOf, normaliseEmail, type UserView, userView } from "./users";

/** Account rules: sign-up, profile, password change, deletion, role grants and the audit trail. */

function weakPassword(problem: string): AppError {
  return new AppError("weak_password", `The password ${problem}.`, {
    errors: [{ path: "password", message: problem }],
  });
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return /UNIQUE constraint failed/i.test(`${String(error)} ${String(cause)}`);
}

/** A new account's row: a buyer with no addresses, not suspended; `emailVerifiedAt` when the address is known good. */
export function newAccount(
  fields: Pick<store.UserRow, "email" | "emailKey" | "name" | "locale" | "passwordHash" | "emailVerifiedAt">,
  now: number,
) {
  return {
    id: newId("usr"),
    ...fields,
    shippingAddresses: [] as ShippingAddress[],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    suspendedAt: null,
    suspendedReason: null,
  };
}

export async function register(
  ctx: IdentityContext,
  input: { email: string; password: string; name: string; locale?: Locale },
  now = Date.now(),
): Promise<UserView> {
  const { db, outbox, rateLimiter } = ctx.services;
  await enforceRateLimit(rateLimiter, ctx.config, "register", { ip: ctx.client.ip });
  const { email, emailKey } = normaliseEmail(input.email);
  const problem = passwordPolicyProblem(input.password, email);
  if (problem) throw weakPassword(problem);
  const emailTaken = () => new AppError("email_taken", "An account with this email already exists. Log in instead.");
  if (await store.findUserByEmailKey(db, emailKey)) throw emailTaken();

  const passwordHash = await hashPassword(input.password, hashParams(ctx.config));
  const locale = input.locale ?? "en";
  const user = newAccount({ email, emailKey, name: input.name, locale, passwordHash, emailVerifiedAt: null }, now);
  try {
    await outbox.commit(
      [store.insertUser(db, user), auditEntry(ctx, "registered", { userId: user.id }, now)],
      [identityEvents.userRegistered(user)],
    );
  } catch (error) {
    // Two sign-ups for one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  // A new account has no seller profile yet.
  return userView(user, ["buyer"], undefined);
}

export async function liveUser(ctx: IdentityContext, userId: string): Promise<store.UserRow> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null) throw new AppError("not_found", "No such account.");
  return user;
}

export async function profile(ctx: AccountContext, principal: Principal): Promise<UserView> {
  return loadUserView(ctx, await liveUser(ctx, principal.userId));
}

export async function updateProfile(
  ctx: AccountContext,
  principal: Principal,
  patch: { name?: string; addresses?: ShippingAddress[]; locale?: Locale },
  now = Date.now(),
): Promise<UserView> {
  const user = await liveUser(ctx, principal.userId);
  const changes = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.addresses !== undefined ? { shippingAddresses: patch.addresses } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    updatedAt: now,
  };
  await store.updateUser(ctx.services.db, user.id, changes);
  return loadUserView(ctx, { ...user, ...changes });
}

/** Re-checks the current password of a signed-in user; limited like logins, since it can be guessed the same way. */
export async function confirmCurrentPassword(
  ctx: IdentityContext,
  user: store.UserRow,
  password: string,
): Promise<void> {
  await enforceRateLimit(ctx.services.rateLimiter, ctx.config, "passwordCheck", { account: user.id });
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
    throw new AppError("wrong_password", "The current password is not correct.");
  }
}

/** Changes the password and signs out every other session; the one making the change stays signed in. */
export async function changePassword(
  ctx: IdentityContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  now = Date.now(),
): Promise<void> {
  const { db, outbox } = ctx.services;
  const user = await liveUser(ctx, principal.userId);
  await confirmCurrentPassword(ctx, user, input.currentPassword);
  const problem =
    passwordPolicyProblem(input.newPassword, user.email) ??
    (input.newPassword === input.currentPassword ? "must differ from the current one" : undefined);
  if (problem) throw weakPassword(problem);
  const passwordHash = await hashPassword(input.newPassword, hashParams(ctx.config));
  await outbox.commit(
    [
      store.updateUser(db, user.id, { passwordHash, updatedAt: now }),
      store.revokeUserSessions(db, user.id, "password_changed", now, principal.sessionId),
      store.expireUserTokens(db, user.id, "password_reset", now),
      auditEntry(ctx, "password_changed", { userId: user.id, sessionId: principal.sessionId }, now),
    ],
    [identityEvents.passwordChanged(user, "changed")],
  );
}

/**
 * Deletes an account the way accounting allows: the row and its id stay (orders, payouts and the audit
 * trail point at it), personal data is replaced, sessions, roles and pending tokens go.
 */
export async function deleteAccount(
  ctx: AccountContext,
  principal: Principal,
  input: { password: string },
  now = Date.now(),
): Promise<void> {
  const { db, outbox } = ctx.services;
  const user = await liveUser(ctx, principal.userId);
  await confirmCurrentPassword(ctx, user, input.password);
  const placeholder = `deleted+${user.id}@deleted.invalid`;
  await outbox.commit(
    [
      store.updateUser(db, user.id, {
        email: placeholder,
        emailKey: placeholder,
        name: "Deleted user",
        passwordHash: null,
        emailVerifiedAt: null,
        shippingAddresses: [],
        updatedAt: now,
        deletedAt: now,
      }),
      ctx.sellers.forgetContact(ctx.services, user.id, placeholder, now),
      store.revokeUserSessions(db, user.id, "account_deleted", now),
      store.revokeAllRoles(db, user.id),
      store.deleteUserTokens(db, user.id),
      store.deleteAuthenticator(db, user.id),
      store.deleteRecoveryCodes(db, user.id),
      store.deleteChallenges(db, user.id),
      store.deleteIdentitiesOf(db, user.id),
      auditEntry(ctx, "account_deleted", { userId: user.id, sessionId: principal.sessionId }, now),
    ],
    [identityEvents.userDeleted(user.id)],
  );
}

/**
 * Grants a role a module opens for its own users (sellers: `seller` with the profile), as unexecuted writes the
 * caller commits with its own: the role and its audit entry. A deleted account gets none (404).
 */
export async function grantRole(
  ctx: IdentityContext,
  userId: string,
  grant: { role: "seller"; detail: Record<string, unknown> },
  now = Date.now(),
): Promise<Statement[]> {
  const user = await liveUser(ctx, userId);
  return [
    store.grantRole(ctx.services.db, user.id, grant.role, "self", now),
    auditEntry(ctx, "role_granted", { userId: user.id, detail: { role: grant.role, ...grant.detail } }, now),
  ];
}

/** One of a user's saved shipping addresses by its id (as `GET /v1/me` shows it), for checkout. */
export async function savedAddress(
  ctx: Pick<IdentityContext, "services">,
  userId: string,
  id: string,
): Promise<ShippingAddress | undefined> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null) return undefined;
  return user.shippingAddresses.find((address) => addressId(address) === id);
}

/**
 * Where to mail a user about their orders and account; undefined once the account is deleted, and while its
 * address is unconfirmed (anyone can register anyone's address, so it gets nothing but verification mail).
 */
export async function contactOf(
  ctx: Pick<IdentityContext, "services">,
  userId: string,
): Promise<{ email: string; name: string } | undefined> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null || user.emailVerifiedAt === null) return undefined;
  return { email: user.email, name: user.name };
}

/**
 * Whom a notification reaches: a live account's name and language, and its address only once confirmed (an
 * unconfirmed address gets verification and reset mail only); undefined for an unknown or deleted account.
 */
export async function recipientOf(
  ctx: Pick<IdentityContext, "services">,
  userId: string,
): Promise<{ userId: string; name: string; email: string | null; locale: Locale } | undefined> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null) return undefined;
  const email = user.emailVerifiedAt === null ? null : user.email;
  return { userId, name: user.name, email, locale: localeOf(user.locale) };
}

/**
 * Every account holding the admin role, for notices operators must see (a disputed payment). An address listed in
 * ADMIN_EMAILS holds it from its first login on.
 */
/** How many accounts were opened in [from, to) epoch ms: the weekly reports' new accounts. Read-only. */
export function accountsOpenedIn(ctx: Pick<IdentityContext, "services">, range: { from: number; to: number }) {
  return store.usersCreatedIn(ctx.services.db, range.from, range.to);
}

export async function adminUserIds(ctx: Pick<IdentityContext, "services">): Promise<string[]> {
  return (await store.adminRoleHolders(ctx.services.db)).map((row) => row.userId);
}

/**
 * The name a live account shows on what it writes (reviews, threads, comments), verified address or not;
 * undefined for an unknown or deleted account.
 */
export async function readerName(ctx: Pick<IdentityContext, "services">, userId: string): Promise<string | undefined> {
  const user = await store.findUserById(ctx.services.db, userId);
  return user && user.deletedAt === null ? user.name : undefined;
}

interface AuditEntryView {
  id: string;
  type: string;
  userId: string | null;
  actorId: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
  target: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  shopId: string | null;
  createdAt: string;
}

/** One page of the audit log, newest first, narrowed by any of the filters. */
export async function auditTrail(
  ctx: Pick<IdentityContext, "services">,
  query: store.AuditFilter,
): Promise<{ items: AuditEntryView[]; last?: string }> {
  const rows = await store.listAudit(ctx.services.db, { ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() }));
  return { items, last: rows.length > query.limit ? items.at(-1)?.id : undefined };
}

/**
 * One page of a shop's audit log: only the entries that concern that seller, without where they were made from
 * (IP, user agent, session), which is the platform's to know.
 */
export async function shopAuditTrail(
  ctx: Pick<IdentityContext, "services">,
  shopId: string,
  query: { limit: number; beforeId?: string; type?: string },
): Promise<{ items: AuditEntryView[]; last?: string }> {
  const page = await auditTrail(ctx, { ...query, shopId });
  return { ...page, items: page.items.map((item) => ({ ...item, ip: null, userAgent: null, sessionId: null })) };
}
