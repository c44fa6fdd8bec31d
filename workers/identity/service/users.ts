import type { ShippingAddress } from "../../../schema/identity";
import type { Statement } from "../../platform/db";
import { addressId } from "../addresses";
import { auditEntry } from "../audit";
import type { AccountContext, IdentityContext } from "../context";
import { ROLES, type Role } from "../jwt";
import { LOCALES, type Locale } from "../locales";
import { grantRole, hasConfirmedAuthenticator, revokeRole, storedRoles, type UserRow } from "../store";

/** Mail goes to the address as typed (trimmed, domain lower-cased); uniqueness ignores case entirely. */
export function normaliseEmail(raw: string): { email: string; emailKey: string } {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf("@");
  const email = `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  return { email, emailKey: email.toLowerCase() };
}

const byRank = (a: Role, b: Role) => ROLES.indexOf(a) - ROLES.indexOf(b);

async function rolesOf(ctx: IdentityContext, userId: string): Promise<Role[]> {
  const stored = await storedRoles(ctx.services.db, userId);
  return ["buyer" as const, ...stored.map((row) => row.role)].sort(byRank);
}

/**
 * The roles a new access token carries. Admin by configuration (ADMIN_EMAILS) is applied here, at login
 * and refresh: granted when the email is listed and verified (whoever merely registers a listed address
 * proves nothing), withdrawn when it is not. Operator grants stay.
 */
export async function rolesAtIssue(
  ctx: IdentityContext,
  user: Pick<UserRow, "id" | "emailKey" | "emailVerifiedAt">,
  now: number,
): Promise<{ roles: Role[]; statements: Statement[] }> {
  const { db } = ctx.services;
  const stored = await storedRoles(db, user.id);
  const statements: Statement[] = [];
  const listed = ctx.config.ADMIN_EMAILS.includes(user.emailKey) && user.emailVerifiedAt !== null;
  const admin = stored.find((row) => row.role === "admin");
  let roles: Role[] = ["buyer", ...stored.map((row) => row.role)];
  if (listed && !admin) {
    statements.push(grantRole(db, user.id, "admin", "config", now));
    statements.push(
      auditEntry(ctx, "role_granted", { userId: user.id, detail: { role: "admin", source: "config" } }, now),
    );
    roles.push("admin");
  } else if (!listed && admin?.source === "config") {
    statements.push(revokeRole(db, user.id, "admin"));
    statements.push(
      auditEntry(ctx, "role_revoked", { userId: user.id, detail: { role: "admin", source: "config" } }, now),
    );
    roles = roles.filter((role) => role !== "admin");
  }
  return { roles: roles.sort(byRank), statements };
}

/** A stored language as one the product speaks (the column has no check: anything else reads as English). */
export const localeOf = (value: string): Locale =>
  (LOCALES as readonly string[]).includes(value) ? (value as Locale) : "en";

export interface UserView {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  locale: Locale;
  roles: Role[];
  sellerId: string | null;
  addresses: (ShippingAddress & { id: string })[];
  mfaEnabled: boolean;
  createdAt: string;
}

export function userView(user: UserRow, roles: Role[], sellerId: string | undefined, mfaEnabled = false): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    locale: localeOf(user.locale),
    roles,
    sellerId: sellerId ?? null,
    addresses: user.shippingAddresses.map((address) => ({ id: addressId(address), ...address })),
    mfaEnabled,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

/** The account as its owner sees it, with current roles (not the possibly older ones in an access token). */
export async function loadUserView(ctx: AccountContext, user: UserRow, roles?: Role[]): Promise<UserView> {
  const [currentRoles, sellerId, mfaEnabled] = await Promise.all([
    roles ?? rolesOf(ctx, user.id),
    ctx.sellers.sellerIdOf(ctx.services, user.id),
    hasConfirmedAuthenticator(ctx.services.db, user.id),
  ]);
  return userView(user, currentRoles, sellerId, mfaEnabled);
}
