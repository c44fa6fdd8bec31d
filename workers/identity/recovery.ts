import type { Principal } from "../http/context";
import { AppError } from "../http/errors";
import { randomToken, sha256Hex } from "../lib/tokens";
import { normaliseEmail } from "./accounts";
import { auditEntry } from "./audit";
import type { IdentityContext } from "./context";
import { identityEvents } from "./events";
import { hashParams, hashPassword, passwordPolicyProblem } from "./passwords";
import { enforceRateLimit } from "./rate-limits";
import * as store from "./store";

/** Mailed tokens: 256 random bits, stored as SHA-256 digests, single use. */
export const MAILED_TOKEN_BYTES = 32;
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

const unusableToken = () =>
  new AppError("invalid_or_expired_token", "This link is invalid, has expired or was already used.");

/** A verification token row to store, and the token itself to mail. */
export async function newVerificationToken(ctx: IdentityContext, userId: string, now: number) {
  const token = randomToken(MAILED_TOKEN_BYTES);
  const row = store.insertOneTimeToken(ctx.services.db, {
    tokenHash: await sha256Hex(token),
    userId,
    purpose: "verify_email",
    createdAt: now,
    expiresAt: now + VERIFICATION_TOKEN_TTL_MS,
  });
  return { token, row };
}

export async function verifyEmail(ctx: IdentityContext, token: string, now = Date.now()): Promise<void> {
  const { db } = ctx.services;
  const [claimed] = await store.claimToken(db, await sha256Hex(token), "verify_email", now);
  if (!claimed) throw unusableToken();
  await db.batch([
    store.markEmailVerified(db, claimed.userId, now),
    auditEntry(ctx, "email_verified", { userId: claimed.userId }, now),
  ]);
}

/** Mails a fresh verification link to the signed-in user (the one from the welcome mail may have expired). */
export async function resendVerification(ctx: IdentityContext, principal: Principal, now = Date.now()): Promise<void> {
  const { db, outbox, rateLimiter } = ctx.services;
  const user = await store.findUserById(db, principal.userId);
  if (!user || user.deletedAt !== null) throw new AppError("not_found", "No such account.");
  if (user.emailVerifiedAt !== null) throw new AppError("conflict", "Your email address is already verified.");
  await enforceRateLimit(rateLimiter, ctx.config, "verificationMail", { account: user.id });
  const { token, row } = await newVerificationToken(ctx, user.id, now);
  await outbox.commit([row], [identityEvents.emailVerificationRequested(user, token)]);
}

/**
 * Starts a password reset. The caller learns nothing: known and unknown emails get the same answer, and
 * only a known, live account gets a mail.
 */
export async function requestPasswordReset(ctx: IdentityContext, email: string, now = Date.now()): Promise<void> {
  const { db, outbox, rateLimiter } = ctx.services;
  const { emailKey } = normaliseEmail(email);
  await enforceRateLimit(rateLimiter, ctx.config, "passwordReset", { ip: ctx.client.ip, account: emailKey });
  const user = await store.findUserByEmailKey(db, emailKey);
  if (!user || user.deletedAt !== null) return;
  const token = randomToken(MAILED_TOKEN_BYTES);
  const expiresAt = now + PASSWORD_RESET_TOKEN_TTL_MS;
  await outbox.commit(
    [
      store.insertOneTimeToken(db, {
        tokenHash: await sha256Hex(token),
        userId: user.id,
        purpose: "password_reset",
        createdAt: now,
        expiresAt,
      }),
      auditEntry(ctx, "password_reset_requested", { userId: user.id }, now),
    ],
    [identityEvents.passwordResetRequested(user, token, expiresAt)],
  );
}

/**
 * Sets a new password from a reset link and signs the account out everywhere. The token is spent only once
 * the new password passes the policy, so a rejected password does not burn the link.
 */
export async function confirmPasswordReset(
  ctx: IdentityContext,
  input: { token: string; password: string },
  now = Date.now(),
): Promise<void> {
  const { db, outbox } = ctx.services;
  const tokenHash = await sha256Hex(input.token);
  const pending = await store.findUsableToken(db, tokenHash, "password_reset", now);
  if (!pending) throw unusableToken();
  const user = await store.findUserById(db, pending.userId);
  if (!user || user.deletedAt !== null) throw unusableToken();
  const problem = passwordPolicyProblem(input.password, user.email);
  if (problem) {
    throw new AppError("weak_password", `The password ${problem}.`, {
      errors: [{ path: "password", message: problem }],
    });
  }
  const passwordHash = await hashPassword(input.password, hashParams(ctx.config));
  const [claimed] = await store.claimToken(db, tokenHash, "password_reset", now);
  if (!claimed) throw unusableToken();
  await outbox.commit(
    [
      // Control of the mailbox is proven by the link, so the address counts as verified too.
      store.updateUser(db, user.id, { passwordHash, updatedAt: now, emailVerifiedAt: user.emailVerifiedAt ?? now }),
      store.expireUserTokens(db, user.id, "password_reset", now),
      store.revokeUserSessions(db, user.id, "password_reset", now),
      auditEntry(ctx, "password_reset", { userId: user.id }, now),
    ],
    [identityEvents.passwordChanged(user, "reset")],
  );
}
