import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import {
  auditLog,
  mfaChallenges,
  oidcIdentities,
  oidcSignIns,
  oneTimeTokens,
  recoveryCodes,
  refreshTokens,
  sessions,
  totpAuthenticators,
  userRoles,
  users,
} from "../../schema/identity";
import { type Db, ignoringDuplicates, readTogether } from "../platform/db";

/**
 * Drizzle queries on the identity tables, and nothing else. Writes are returned unexecuted so a service
 * can commit several of them, plus outbox rows, atomically.
 */
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
type StoredRole = (typeof userRoles.$inferSelect)["role"];
type RoleSource = (typeof userRoles.$inferSelect)["source"];
export type TokenPurpose = (typeof oneTimeTokens.$inferSelect)["purpose"];

// users

export async function findUserByEmailKey(db: Db, emailKey: string) {
  const [user] = await db.select().from(users).where(eq(users.emailKey, emailKey)).limit(1);
  return user;
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export function insertUser(db: Db, row: typeof users.$inferInsert) {
  return db.insert(users).values(row);
}

export function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>) {
  return db.update(users).set(patch).where(eq(users.id, id));
}

export function markEmailVerified(db: Db, id: string, now: number) {
  return db
    .update(users)
    .set({ emailVerifiedAt: now, updatedAt: now })
    .where(and(eq(users.id, id), isNull(users.emailVerifiedAt), isNull(users.deletedAt)));
}

// roles

export async function storedRoles(db: Db, userId: string): Promise<{ role: StoredRole; source: RoleSource }[]> {
  return db
    .select({ role: userRoles.role, source: userRoles.source })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
}

export function grantRole(db: Db, userId: string, role: StoredRole, source: RoleSource, now: number) {
  return ignoringDuplicates(
    db,
    db.insert(userRoles).values({ userId, role, source, grantedAt: now }),
    userRoles.userId,
  );
}

export function revokeRole(db: Db, userId: string, role: StoredRole) {
  return db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

/** How many accounts were opened in [from, to) epoch ms, deleted ones included (they were new then). */
export async function usersCreatedIn(db: Db, from: number, to: number): Promise<number> {
  const [row] = await db
    .select({ opened: count() })
    .from(users)
    .where(and(gte(users.createdAt, from), lt(users.createdAt, to)));
  return Number(row?.opened ?? 0);
}

export function adminRoleHolders(db: Db) {
  return db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, "admin"));
}

/** One page of accounts (not deleted), newest id first: by email key prefix and/or a stored role. */
export function listUsers(
  db: Db,
  filter: { limit: number; beforeId?: string; emailPrefix?: string; role?: StoredRole },
) {
  const prefix = filter.emailPrefix?.replace(/[!%_]/g, (char) => `!${char}`);
  return db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        filter.beforeId ? lt(users.id, filter.beforeId) : undefined,
        prefix !== undefined ? sql`${users.emailKey} like ${`${prefix}%`} escape '!'` : undefined,
        filter.role
          ? sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${filter.role})`
          : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(filter.limit);
}

/** The stored roles of several users at once. */
export function rolesOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: userRoles.userId, role: userRoles.role, source: userRoles.source })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds));
}

/** Users with TOTP on among several. */
export function confirmedAuthenticators(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: totpAuthenticators.userId })
    .from(totpAuthenticators)
    .where(and(inArray(totpAuthenticators.userId, userIds), isNotNull(totpAuthenticators.confirmedAt)));
}

/** Live session count and last sign-in of a user. */
export async function sessionFacts(db: Db, userId: string, now: number) {
  const [live, last] = (await readTogether(db, [
    db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now))),
    db
      .select({ createdAt: sessions.createdAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt))
      .limit(1),
  ])) as [{ n: number }[], { createdAt: number }[]];
  return { liveSessions: Number(live[0]?.n ?? 0), lastSignInAt: last[0]?.createdAt ?? null };
}

export function setSuspension(db: Db, userId: string, suspension: { at: number; reason: string } | null, now: number) {
  return db
    .update(users)
    .set({ suspendedAt: suspension?.at ?? null, suspendedReason: suspension?.reason ?? null, updatedAt: now })
    .where(eq(users.id, userId));
}

export function revokeAllRoles(db: Db, userId: string) {
  return db.delete(userRoles).where(eq(userRoles.userId, userId));
}

// sessions

export function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  return db.insert(sessions).values(row);
}

/**
 * Whether the account ever signed in before (any session, live or ended), and whether ever from this user agent:
 * a sign-in from an agent it never used is a new device. A request without a user agent counts as one agent.
 */
export async function signInHistory(db: Db, userId: string, userAgent: string | null) {
  const sameAgent = userAgent === null ? isNull(sessions.userAgent) : eq(sessions.userAgent, userAgent);
  const [any, fromAgent] = (await readTogether(db, [
    db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).limit(1),
    db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), sameAgent))
      .limit(1),
  ])) as [unknown[], unknown[]];
  return { signedInBefore: any.length > 0, fromThisAgent: fromAgent.length > 0 };
}

/**
 * The one read behind every authenticated request: is the session live, its user neither deleted nor suspended, and
 * which roles does the user hold now? One row per stored role (one with `role` null when there is none).
 */
export async function sessionLiveness(db: Db, sessionId: string, userId: string) {
  const rows = await db
    .select({
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      deletedAt: users.deletedAt,
      suspendedAt: users.suspendedAt,
      role: userRoles.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  const [first] = rows;
  if (!first) return undefined;
  const { role: _role, ...liveness } = first;
  return { ...liveness, roles: rows.flatMap((row) => (row.role ? [row.role] : [])) };
}

const live = (now: number): SQL => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now))!;

export function activeSessions(db: Db, userId: string, now: number, limit: number, beforeId?: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), live(now), beforeId ? lt(sessions.id, beforeId) : undefined))
    .orderBy(desc(sessions.id))
    .limit(limit);
}

export async function findActiveSession(db: Db, userId: string, sessionId: string, now: number) {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), live(now)))
    .limit(1);
  return session;
}

export function touchSession(db: Db, sessionId: string, now: number, expiresAt: number) {
  return db.update(sessions).set({ lastUsedAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export function revokeSession(db: Db, sessionId: string, reason: string, now: number) {
  return db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a user, optionally keeping one (the caller's own). */
export function revokeUserSessions(db: Db, userId: string, reason: string, now: number, exceptSessionId?: string) {
  return db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}

// refresh tokens

export function insertRefreshToken(db: Db, row: typeof refreshTokens.$inferInsert) {
  return db.insert(refreshTokens).values(row);
}

/** A refresh token with its session and the session's user, by digest. */
export async function findRefreshToken(db: Db, tokenHash: string) {
  const [found] = await db
    .select({ token: refreshTokens, session: sessions, user: users })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return found;
}

/**
 * Marks a token rotated, recording the sealed pair it was exchanged for, unless it already was: a compare-and-set
 * that changes one row (`rotatedAt` leaves NULL) for the one caller that wins, and none for anyone after it.
 */
export function claimRefreshToken(db: Db, tokenHash: string, successor: string, now: number) {
  return db
    .update(refreshTokens)
    .set({ rotatedAt: now, successor })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.rotatedAt)));
}

// one-time tokens (email verification, password reset)

export function insertOneTimeToken(db: Db, row: typeof oneTimeTokens.$inferInsert) {
  return db.insert(oneTimeTokens).values(row);
}

const usable = (tokenHash: string, purpose: TokenPurpose, now: number) =>
  and(
    eq(oneTimeTokens.tokenHash, tokenHash),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );

export async function findUsableToken(db: Db, tokenHash: string, purpose: TokenPurpose, now: number) {
  const [token] = await db
    .select()
    .from(oneTimeTokens)
    .where(usable(tokenHash, purpose, now))
    .limit(1);
  return token;
}

/**
 * Uses a token exactly once: the conditional update changes its row (`usedAt` leaves NULL) for one caller only,
 * so a claim that changed nothing lost.
 */
export function claimToken(db: Db, tokenHash: string, purpose: TokenPurpose, now: number) {
  return db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(usable(tokenHash, purpose, now));
}

export function expireUserTokens(db: Db, userId: string, purpose: TokenPurpose, now: number) {
  return db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

export function deleteUserTokens(db: Db, userId: string) {
  return db.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
}

// TOTP authenticators, recovery codes and login challenges

export type AuthenticatorRow = typeof totpAuthenticators.$inferSelect;

export async function findAuthenticator(db: Db, userId: string) {
  const [row] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, userId)).limit(1);
  return row;
}

export async function hasConfirmedAuthenticator(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpAuthenticators.userId })
    .from(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, userId), isNotNull(totpAuthenticators.confirmedAt)))
    .limit(1);
  return !!row;
}

export function deleteAuthenticator(db: Db, userId: string) {
  return db.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
}

export function insertAuthenticator(db: Db, row: typeof totpAuthenticators.$inferInsert) {
  return db.insert(totpAuthenticators).values(row);
}

/**
 * Accepts a code's time step once: a compare-and-set that moves `lastStep` forward for the one caller that wins,
 * so the same code (or an older one) changes nothing the second time. `confirmAt` also marks a pending
 * authenticator confirmed, and only a pending one.
 */
export function acceptStep(db: Db, userId: string, step: number, confirmAt?: number) {
  return db
    .update(totpAuthenticators)
    .set(confirmAt === undefined ? { lastStep: step } : { lastStep: step, confirmedAt: confirmAt })
    .where(
      and(
        eq(totpAuthenticators.userId, userId),
        confirmAt === undefined ? isNotNull(totpAuthenticators.confirmedAt) : isNull(totpAuthenticators.confirmedAt),
        or(isNull(totpAuthenticators.lastStep), lt(totpAuthenticators.lastStep, step)),
      ),
    );
}

export function insertRecoveryCodes(db: Db, rows: (typeof recoveryCodes.$inferInsert)[]) {
  return db.insert(recoveryCodes).values(rows);
}

export function deleteRecoveryCodes(db: Db, userId: string) {
  return db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Uses a recovery code exactly once: the update changes its row for one caller only. */
export function claimRecoveryCode(db: Db, userId: string, codeHash: string, now: number) {
  return db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.codeHash, codeHash), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

export function insertChallenge(db: Db, row: typeof mfaChallenges.$inferInsert) {
  return db.insert(mfaChallenges).values(row);
}

/**
 * Counts one attempt on a live challenge (not expired, not completed, attempts left): changes its row, or
 * nothing when the challenge is unknown or dead.
 */
export function countChallengeAttempt(db: Db, id: string, maxAttempts: number, now: number) {
  return db
    .update(mfaChallenges)
    .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
    .where(
      and(
        eq(mfaChallenges.id, id),
        isNull(mfaChallenges.completedAt),
        gt(mfaChallenges.expiresAt, now),
        lt(mfaChallenges.attempts, maxAttempts),
      ),
    );
}

export async function findChallenge(db: Db, id: string) {
  const [row] = await db.select().from(mfaChallenges).where(eq(mfaChallenges.id, id)).limit(1);
  return row;
}

export function completeChallenge(db: Db, id: string, now: number) {
  return db
    .update(mfaChallenges)
    .set({ completedAt: now })
    .where(and(eq(mfaChallenges.id, id), isNull(mfaChallenges.completedAt)));
}

export function deleteChallenges(db: Db, userId: string) {
  return db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
}

// audit log

export function insertAudit(db: Db, row: typeof auditLog.$inferInsert) {
  return db.insert(auditLog).values(row);
}

export async function deleteAudit(db: Db, id: string) {
  await db.delete(auditLog).where(eq(auditLog.id, id));
}

export interface AuditFilter {
  limit: number;
  beforeId?: string;
  userId?: string;
  actorId?: string;
  type?: string;
  target?: string;
  shopId?: string;
}

export function listAudit(db: Db, filter: AuditFilter) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.beforeId ? lt(auditLog.id, filter.beforeId) : undefined,
        filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
        filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
        filter.type ? eq(auditLog.type, filter.type) : undefined,
        filter.target ? eq(auditLog.target, filter.target) : undefined,
        filter.shopId ? eq(auditLog.shopId, filter.shopId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

// sign-in providers: linked identities and trips to a provider

export type OidcIdentityRow = typeof oidcIdentities.$inferSelect;
export type OidcSignInRow = typeof oidcSignIns.$inferSelect;

export async function findIdentity(db: Db, provider: string, subject: string) {
  const [identity] = await db
    .select()
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.provider, provider), eq(oidcIdentities.subject, subject)))
    .limit(1);
  return identity;
}

export function identitiesOf(db: Db, userId: string) {
  return db
    .select()
    .from(oidcIdentities)
    .where(eq(oidcIdentities.userId, userId))
    .orderBy(oidcIdentities.createdAt, oidcIdentities.id);
}

export function insertIdentity(db: Db, row: typeof oidcIdentities.$inferInsert) {
  return db.insert(oidcIdentities).values(row);
}

export function touchIdentity(db: Db, id: string, now: number) {
  return db.update(oidcIdentities).set({ lastUsedAt: now }).where(eq(oidcIdentities.id, id));
}

/** Unlinks one identity of the user's, unless it is the last way in: an account without a password keeps one. */
export function deleteIdentity(db: Db, userId: string, id: string, keepOneWithoutPassword: boolean) {
  const others = db
    .select({ id: oidcIdentities.id })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.userId, userId), ne(oidcIdentities.id, id)));
  return db
    .delete(oidcIdentities)
    .where(
      and(
        eq(oidcIdentities.id, id),
        eq(oidcIdentities.userId, userId),
        keepOneWithoutPassword ? sql`exists (select 1 from (${others}) as remaining)` : undefined,
      ),
    );
}

export function deleteIdentitiesOf(db: Db, userId: string) {
  return db.delete(oidcIdentities).where(eq(oidcIdentities.userId, userId));
}

export function insertSignIn(db: Db, row: typeof oidcSignIns.$inferInsert) {
  return db.insert(oidcSignIns).values(row);
}

export async function findSignIn(db: Db, stateHash: string) {
  const [signIn] = await db.select().from(oidcSignIns).where(eq(oidcSignIns.stateHash, stateHash)).limit(1);
  return signIn;
}

/** The callback's claim on a trip: once, before it expires; a second arrival with the same `state` changes nothing. */
export function claimSignIn(db: Db, stateHash: string, provider: string, now: number) {
  return db
    .update(oidcSignIns)
    .set({ returnedAt: now })
    .where(
      and(
        eq(oidcSignIns.stateHash, stateHash),
        eq(oidcSignIns.provider, provider),
        isNull(oidcSignIns.returnedAt),
        gt(oidcSignIns.expiresAt, now),
      ),
    );
}

export function recordSignInOutcome(
  db: Db,
  stateHash: string,
  outcome: Pick<typeof oidcSignIns.$inferInsert, "outcome" | "userId" | "subject" | "email" | "codeHash">,
) {
  return db.update(oidcSignIns).set(outcome).where(eq(oidcSignIns.stateHash, stateHash));
}

export async function findSignInByCode(db: Db, codeHash: string, now: number) {
  const [signIn] = await db
    .select()
    .from(oidcSignIns)
    .where(and(eq(oidcSignIns.codeHash, codeHash), isNull(oidcSignIns.exchangedAt), gt(oidcSignIns.expiresAt, now)))
    .limit(1);
  return signIn;
}

/** Trades the sign-in code once: the conditional update changes the row for one caller only. */
export function claimSignInCode(db: Db, codeHash: string, now: number) {
  return db
    .update(oidcSignIns)
    .set({ exchangedAt: now })
    .where(and(eq(oidcSignIns.codeHash, codeHash), isNull(oidcSignIns.exchangedAt), gt(oidcSignIns.expiresAt, now)));
}

export function purgeSignIns(db: Db, before: number) {
  return db.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, before));
}
