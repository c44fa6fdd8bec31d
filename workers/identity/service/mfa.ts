import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { atomically, changes, type Statement } from "../../platform/db";
import { auditEntry } from "../audit";
import type { IdentityContext } from "../context";
import { clearAccountLimit, enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import {
  matchingStep,
  newRecoveryCodes,
  openSecret,
  type Provisioning,
  provision,
  recoveryCodeHash,
  sealSecret,
} from "../totp";
import { confirmCurrentPassword, liveUser } from "./accounts";

/** A login challenge lives five minutes and takes five tries; then the password has to be entered again. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

const invalidCode = () => new AppError("invalid_mfa_code", "The code from the authenticator app is not valid.");

/**
 * Starts (or restarts) enrolment: a new secret, pending until a code from it is confirmed. A second call replaces
 * a pending secret; with TOTP already on it is 409 `mfa_enabled`.
 */
export async function enrolTotp(ctx: IdentityContext, principal: Principal, now = Date.now()): Promise<Provisioning> {
  const { db } = ctx.services;
  const user = await liveUser(ctx, principal.userId);
  if (await store.hasConfirmedAuthenticator(db, user.id)) {
    throw new AppError("mfa_enabled", "Two-factor sign-in is already on; turn it off first to enrol again.");
  }
  const provisioning = provision(user.email);
  await atomically(db, [
    store.deleteAuthenticator(db, user.id),
    store.insertAuthenticator(db, {
      userId: user.id,
      sealedSecret: await sealSecret(ctx.config, user.id, provisioning.secret),
      createdAt: now,
    }),
  ]);
  return provisioning;
}

/**
 * Turns TOTP on with a first code from the pending secret and answers ten recovery codes, shown this once (only
 * their digests are kept; a new enrolment replaces them). A wrong code is 422 `invalid_mfa_code`.
 */
export async function confirmTotp(
  ctx: IdentityContext,
  principal: Principal,
  code: string,
  now = Date.now(),
): Promise<string[]> {
  const { db, rateLimiter } = ctx.services;
  await enforceRateLimit(rateLimiter, ctx.config, "mfa", { ip: ctx.client.ip, account: principal.userId });
  const authenticator = await store.findAuthenticator(db, principal.userId);
  if (!authenticator) throw new AppError("mfa_not_enabled", "Start enrolment with POST /v1/me/mfa/totp first.");
  if (authenticator.confirmedAt !== null) throw new AppError("mfa_enabled", "Two-factor sign-in is already on.");
  const step = matchingStep(await openSecret(ctx.config, principal.userId, authenticator.sealedSecret), code, now);
  if (step === undefined) throw invalidCode();
  if (changes(await store.acceptStep(db, principal.userId, step, now)) !== 1) throw invalidCode();
  await clearAccountLimit(rateLimiter, ctx.config, "mfa", principal.userId);
  const codes = newRecoveryCodes();
  const rows = await Promise.all(
    codes.map(async (typed) => ({ codeHash: await recoveryCodeHash(typed), userId: principal.userId, createdAt: now })),
  );
  await atomically(db, [
    store.deleteRecoveryCodes(db, principal.userId),
    store.insertRecoveryCodes(db, rows),
    auditEntry(ctx, "mfa_enrolled", { userId: principal.userId, sessionId: principal.sessionId }, now),
  ]);
  return codes;
}

/** Turns TOTP off: needs the password (403 `wrong_password`) and a current code (422 `invalid_mfa_code`). */
export async function disableTotp(
  ctx: IdentityContext,
  principal: Principal,
  input: { password: string; code: string },
  now = Date.now(),
): Promise<void> {
  const { db } = ctx.services;
  const user = await liveUser(ctx, principal.userId);
  await confirmCurrentPassword(ctx, user, input.password);
  if (!(await store.hasConfirmedAuthenticator(db, user.id))) {
    throw new AppError("mfa_not_enabled", "Two-factor sign-in is not on.");
  }
  if (!(await acceptCode(ctx, user.id, input.code, now))) throw invalidCode();
  await atomically(db, [
    store.deleteAuthenticator(db, user.id),
    store.deleteRecoveryCodes(db, user.id),
    store.deleteChallenges(db, user.id),
    auditEntry(ctx, "mfa_disabled", { userId: user.id, sessionId: principal.sessionId }, now),
  ]);
}

/** Does a code from the confirmed authenticator match, for a step never accepted before? Accepts it if so. */
export async function acceptCode(ctx: IdentityContext, userId: string, code: string, now: number): Promise<boolean> {
  const { db } = ctx.services;
  const authenticator = await store.findAuthenticator(db, userId);
  if (!authenticator || authenticator.confirmedAt === null) return false;
  const step = matchingStep(await openSecret(ctx.config, userId, authenticator.sealedSecret), code, now);
  return step !== undefined && changes(await store.acceptStep(db, userId, step)) === 1;
}

/** Uses one of the account's recovery codes, if it is one and unused: it never works again. */
export async function useRecoveryCode(ctx: IdentityContext, userId: string, typed: string, now: number) {
  return changes(await store.claimRecoveryCode(ctx.services.db, userId, await recoveryCodeHash(typed), now)) === 1;
}

export async function mfaEnabled(ctx: IdentityContext, userId: string): Promise<boolean> {
  return store.hasConfirmedAuthenticator(ctx.services.db, userId);
}

/**
 * A right password on an account with TOTP on: records a challenge (committing `statements` with it) and answers
 * 401 `mfa_required` with its id. The id is 256 random bits; only its digest is stored.
 */
export async function challengeSecondFactor(
  ctx: IdentityContext,
  userId: string,
  statements: Statement[],
  now: number,
): Promise<never> {
  const challengeId = randomToken(32);
  const { db } = ctx.services;
  await atomically(db, [
    ...statements,
    store.insertChallenge(db, {
      id: await sha256Hex(challengeId),
      userId,
      createdAt: now,
      expiresAt: now + CHALLENGE_TTL_MS,
    }),
  ]);
  throw new AppError(
    "mfa_required",
    "Enter the code from your authenticator app (or a recovery code) with POST /v1/auth/mfa.",
    { challengeId, expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString() },
  );
}
