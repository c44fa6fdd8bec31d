import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { openWithToken, randomToken, sealWithToken, sha256Hex } from "../../lib/tokens";
import { atomically, changes, type Statement } from "../../platform/db";
import { auditEntry } from "../audit";
import type { AccountContext, IdentityContext } from "../context";
import { identityEvents } from "../events";
import { ROLES, type Role, signAccessToken } from "../jwt";
import { hashParams, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "../passwords";
import { clearAccountLimit, enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import { challengeSecondFactor } from "./mfa";
import { loadUserView, normaliseEmail, rolesAtIssue, type UserView } from "./users";

/** Refresh tokens: 256 random bits, valid 30 days from issue, replaced at every use. */
const REFRESH_TOKEN_BYTES = 32;
const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * A client that sends one refresh twice (two tabs, a retry after a lost response) within this window gets
 * the same new pair again; later, a second use means the token leaked and revokes the session.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** When a session ends for good: its absolute age limit, however often it is refreshed. */
const sessionEnd = (ctx: IdentityContext, createdAt: number) => createdAt + ctx.config.SESSION_MAX_AGE_DAYS * DAY_MS;
const refreshExpiry = (ctx: IdentityContext, createdAt: number, now: number) =>
  Math.min(now + REFRESH_TOKEN_TTL_MS, sessionEnd(ctx, createdAt));

/** The pair a refresh answered, as sealed on the token it replaced (for the grace window). */
interface IssuedPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  roles: Role[];
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: UserView;
}

const invalidCredentials = () => new AppError("invalid_credentials", "Wrong email or password.");
/**
 * A suspended account signs in nowhere: 403 `account_suspended`, asked only after the password (or refresh token,
 * or second factor) was right, so a guesser learns nothing about an account.
 */
function refuseSuspended(user: Pick<store.UserRow, "suspendedAt">): void {
  if (user.suspendedAt !== null) {
    throw new AppError("account_suspended", "This account is suspended. Contact support to have it reinstated.");
  }
}

const invalidRefreshToken = () => new AppError("invalid_token", "The refresh token is not valid. Log in again.");

/**
 * Password login: opens a session and returns its first tokens. Unknown accounts cost the same time as
 * known ones and fail with the same error, so the response does not tell whether an email is registered.
 * The per-account limit counts failed attempts: a success clears it. A login from a user agent the account
 * never signed in with (when it signed in before) is announced as a new device, for the security mail. With TOTP
 * on, a right password opens no session: it answers 401 `mfa_required` with a challenge that `completeSecondFactor`
 * finishes.
 */
export async function login(
  ctx: AccountContext,
  input: { email: string; password: string },
  now = Date.now(),
): Promise<SessionTokens & { principal: Principal }> {
  const { db, rateLimiter } = ctx.services;
  const { emailKey } = normaliseEmail(input.email);
  await enforceRateLimit(rateLimiter, ctx.config, "login", { ip: ctx.client.ip, account: emailKey });
  const params = hashParams(ctx.config);

  const user = await store.findUserByEmailKey(db, emailKey);
  if (!user || user.deletedAt !== null || !user.passwordHash) {
    await verifyAgainstDummy(input.password, params);
    await auditEntry(ctx, "login_failed", { detail: { reason: "unknown_account" } }, now);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await auditEntry(ctx, "login_failed", { userId: user.id, detail: { reason: "wrong_password" } }, now);
    throw invalidCredentials();
  }
  await clearAccountLimit(rateLimiter, ctx.config, "login", emailKey);

  const statements: Statement[] = [];
  if (needsRehash(user.passwordHash, params)) {
    const passwordHash = await hashPassword(input.password, params);
    statements.push(store.updateUser(db, user.id, { passwordHash }));
  }
  return sessionOrSecondFactor(ctx, user, statements, now);
}

/**
 * The step after a first factor proved who signed in (a password, a provider's ID token): a suspended account is
 * refused, an account with TOTP on gets the 401 `mfa_required` challenge, any other opens its session; `statements`
 * are committed with whichever it is.
 */
export async function sessionOrSecondFactor(
  ctx: AccountContext,
  user: store.UserRow,
  statements: Statement[],
  now: number,
): Promise<SessionTokens & { principal: Principal }> {
  if (await store.hasConfirmedAuthenticator(ctx.services.db, user.id)) {
    refuseSuspended(user);
    return challengeSecondFactor(ctx, user.id, statements, now);
  }
  // openSession refuses a suspended account itself (the second factor's completion goes straight there).
  return openSession(ctx, user, statements, now);
}

/**
 * Opens a session for a user who proved who they are (a password, and a second factor when it is on) and returns
 * its first tokens, committing `statements` with it.
 */
export async function openSession(
  ctx: AccountContext,
  user: store.UserRow,
  statements: Statement[],
  now: number,
): Promise<SessionTokens & { principal: Principal }> {
  const { db, outbox } = ctx.services;
  refuseSuspended(user);
  const [{ roles, statements: roleChanges }, history] = await Promise.all([
    rolesAtIssue(ctx, user, now),
    store.signInHistory(db, user.id, ctx.client.userAgent),
  ]);
  const newDevice = history.signedInBefore && !history.fromThisAgent;
  const sessionId = newId("ses");
  const refreshToken = randomToken(REFRESH_TOKEN_BYTES);
  await outbox.commit(
    [
      ...statements,
      store.insertSession(db, {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: refreshExpiry(ctx, now, now),
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
      }),
      store.insertRefreshToken(db, {
        tokenHash: await sha256Hex(refreshToken),
        sessionId,
        issuedAt: now,
        expiresAt: refreshExpiry(ctx, now, now),
      }),
      auditEntry(ctx, "login", { userId: user.id, sessionId }, now),
      ...roleChanges,
    ],
    [identityEvents.userAuthenticated(user.id, sessionId, newDevice ? ctx.client : undefined)],
  );

  const principal = { userId: user.id, sessionId, roles };
  const access = await signAccessToken(ctx.config, principal, now);
  return {
    principal,
    accessToken: access.token,
    refreshToken,
    tokenType: "Bearer",
    expiresIn: access.expiresIn,
    user: await loadUserView(ctx, user, roles),
  };
}

/**
 * Exchanges a refresh token for a new pair. The same token presented again within the grace window answers
 * the same pair; later, it means the token leaked (or a client replayed it): the whole session is revoked,
 * for the thief and the owner alike. A session ends SESSION_MAX_AGE_DAYS after its login.
 */
export async function refresh(ctx: AccountContext, refreshToken: string, now = Date.now()): Promise<SessionTokens> {
  const { db } = ctx.services;
  const tokenHash = await sha256Hex(refreshToken);
  const found = await store.findRefreshToken(db, tokenHash);
  if (!found) throw invalidRefreshToken();
  const { token, session, user } = found;
  if (token.rotatedAt !== null) return answerAgainOrRevoke(ctx, refreshToken, found, now);
  const end = sessionEnd(ctx, session.createdAt);
  const ended = session.expiresAt <= now || token.expiresAt <= now || end <= now;
  if (session.revokedAt !== null || ended || user.deletedAt !== null) throw invalidRefreshToken();
  refuseSuspended(user);

  const { roles, statements } = await rolesAtIssue(ctx, user, now);
  const access = await signAccessToken(ctx.config, { userId: user.id, sessionId: session.id, roles }, now);
  const pair: IssuedPair = {
    accessToken: access.token,
    refreshToken: randomToken(REFRESH_TOKEN_BYTES),
    expiresIn: access.expiresIn,
    roles,
  };
  const sealed = await sealWithToken(refreshToken, JSON.stringify(pair));
  if (changes(await store.claimRefreshToken(db, tokenHash, sealed, now)) !== 1) {
    // A concurrent refresh with this token won: answer what it answered.
    const current = await store.findRefreshToken(db, tokenHash);
    if (!current) throw invalidRefreshToken();
    return answerAgainOrRevoke(ctx, refreshToken, current, now);
  }
  const expiresAt = refreshExpiry(ctx, session.createdAt, now);
  await atomically(db, [
    store.insertRefreshToken(db, {
      tokenHash: await sha256Hex(pair.refreshToken),
      sessionId: session.id,
      issuedAt: now,
      expiresAt,
    }),
    store.touchSession(db, session.id, now, expiresAt),
    ...statements,
  ]);
  return tokensOf(ctx, user, pair);
}

async function tokensOf(ctx: AccountContext, user: store.UserRow, pair: IssuedPair): Promise<SessionTokens> {
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    tokenType: "Bearer",
    expiresIn: pair.expiresIn,
    user: await loadUserView(ctx, user, pair.roles),
  };
}

/** A rotated token: inside the grace window, the pair it was exchanged for; outside, the session is revoked. */
async function answerAgainOrRevoke(
  ctx: AccountContext,
  refreshToken: string,
  { token, session, user }: NonNullable<Awaited<ReturnType<typeof store.findRefreshToken>>>,
  now: number,
): Promise<SessionTokens> {
  const withinGrace = token.rotatedAt !== null && now - token.rotatedAt <= REFRESH_REUSE_GRACE_MS;
  if (withinGrace && token.successor && session.revokedAt === null && user.deletedAt === null) {
    refuseSuspended(user);
    const pair = JSON.parse(await openWithToken(refreshToken, token.successor)) as IssuedPair;
    return tokensOf(ctx, user, pair);
  }
  return revokeForReuse(ctx, session, now);
}

async function revokeForReuse(ctx: IdentityContext, session: store.SessionRow, now: number): Promise<never> {
  const { db } = ctx.services;
  await atomically(db, [
    store.revokeSession(db, session.id, "refresh_token_reused", now),
    auditEntry(ctx, "refresh_token_reused", { userId: session.userId, sessionId: session.id }, now),
  ]);
  ctx.log.warn("refresh token reused; session revoked", { sessionId: session.id, userId: session.userId });
  throw invalidRefreshToken();
}

/**
 * The principal an access token stands for now, or undefined when its session ended or its user was deleted or
 * suspended: one database read, which also yields the user's current roles (a revoked role is gone on the next
 * request, whatever the token says).
 */
export async function currentPrincipal(
  ctx: Pick<IdentityContext, "services">,
  principal: Principal,
  now = Date.now(),
): Promise<Principal | undefined> {
  const row = await store.sessionLiveness(ctx.services.db, principal.sessionId, principal.userId);
  if (!row || row.revokedAt !== null || row.expiresAt <= now || row.deletedAt !== null || row.suspendedAt !== null) {
    return undefined;
  }
  const roles = (["buyer", ...row.roles] as Role[]).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return { ...principal, roles };
}

/** Is the session behind an access token still live, and its user neither deleted nor suspended? One read. */
export async function sessionIsLive(ctx: Pick<IdentityContext, "services">, principal: Principal, now = Date.now()) {
  return (await currentPrincipal(ctx, principal, now)) !== undefined;
}

export async function logout(ctx: IdentityContext, principal: Principal, now = Date.now()): Promise<void> {
  const { db } = ctx.services;
  await atomically(db, [
    store.revokeSession(db, principal.sessionId, "logout", now),
    auditEntry(ctx, "logout", { userId: principal.userId, sessionId: principal.sessionId }, now),
  ]);
}

export async function logoutEverywhere(ctx: IdentityContext, principal: Principal, now = Date.now()): Promise<void> {
  const { db } = ctx.services;
  await atomically(db, [
    store.revokeUserSessions(db, principal.userId, "logout_all", now),
    auditEntry(
      ctx,
      "sessions_revoked",
      { userId: principal.userId, sessionId: principal.sessionId, detail: { reason: "logout_all" } },
      now,
    ),
  ]);
}

interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export async function listSessions(
  ctx: IdentityContext,
  principal: Principal,
  page: { limit: number; beforeId?: string },
  now = Date.now(),
): Promise<{ items: SessionView[]; last?: string }> {
  const rows = await store.activeSessions(ctx.services.db, principal.userId, now, page.limit + 1, page.beforeId);
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    current: row.id === principal.sessionId,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: new Date(row.lastUsedAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
  }));
  return { items, last: rows.length > page.limit ? items.at(-1)?.id : undefined };
}

/** Revokes one of the caller's own live sessions; anyone else's session is "not found", never "forbidden". */
export async function revokeOwnSession(
  ctx: IdentityContext,
  principal: Principal,
  sessionId: string,
  now = Date.now(),
): Promise<void> {
  const { db } = ctx.services;
  const session = await store.findActiveSession(db, principal.userId, sessionId, now);
  if (!session) throw new AppError("not_found", "No such active session.");
  await atomically(db, [
    store.revokeSession(db, session.id, "revoked_by_user", now),
    auditEntry(
      ctx,
      "session_revoked",
      { userId: principal.userId, sessionId: session.id, detail: { by: principal.sessionId } },
      now,
    ),
  ]);
}
