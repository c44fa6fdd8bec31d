import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { atomically, changes } from "../../platform/db";
import { auditEntry } from "../audit";
import type { IdentityContext } from "../context";
import { identityEvents } from "../events";
import type { Locale } from "../locales";
import { hashParams, hashPassword, passwordPolicyProblem } from "../passwords";
import { enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import { localeOf, normaliseEmail } from "./users";

/** Mailed tokens: 256 random bits, stored as SHA-256 digests, single use. */
const MAILED_TOKEN_BYTES = 32;
const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const PASSWORD_RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

const unusableToken = () =>
  new AppError("invalid_or_expired_token", "This link is invalid, has expired or was already used.");

/** A mail that carries a one-time token: where it goes, whose account it is for, its language, and the token. */
interface TokenMail {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  token: string;
}

/**
 * Mints a one-time token for a mail about to be sent and stores its digest first, so the link works as soon
 * as the mail arrives. Called by the mail consumer: the token exists in plaintext only in that mail.
 */
async function mintTokenMail(
  ctx: IdentityContext,
  user: store.UserRow,
  purpose: store.TokenPurpose,
  ttlMs: number,
  now: number,
): Promise<TokenMail> {
  const token = randomToken(MAILED_TOKEN_BYTES);
  const row = { tokenHash: await sha256Hex(token), userId: user.id, purpose, createdAt: now, expiresAt: now + ttlMs };
  const audit =
    purpose === "password_reset" ? [auditEntry(ctx, "password_reset_requested", { userId: user.id }, now)] : [];
  await atomically(ctx.services.db, [store.insertOneTimeToken(ctx.services.db, row), ...audit]);
  return { userId: user.id, email: user.email, name: user.name, locale: localeOf(user.locale), token };
}

/** The verification mail of a live, still unverified account; null when there is nothing left to verify. */
export async function verificationMail(
  ctx: IdentityContext,
  userId: string,
  now = Date.now(),
): Promise<TokenMail | null> {
  const user = await store.findUserById(ctx.services.db, userId);
  if (!user || user.deletedAt !== null || user.emailVerifiedAt !== null) return null;
  return mintTokenMail(ctx, user, "verify_email", VERIFICATION_TOKEN_TTL_MS, now);
}

/** The reset mail for an address as typed; null (and no mail) when no live account uses it. */
export async function passwordResetMail(
  ctx: IdentityContext,
  email: string,
  now = Date.now(),
): Promise<TokenMail | null> {
  const user = await store.findUserByEmailKey(ctx.services.db, normaliseEmail(email).emailKey);
  if (!user || user.deletedAt !== null) return null;
  return mintTokenMail(ctx, user, "password_reset", PASSWORD_RESET_TOKEN_TTL_MS, now);
}

/** Confirms the address; the first confirmation of an account announces it (the welcome mail goes out then). */
export async function verifyEmail(ctx: IdentityContext, token: string, now = Date.now()): Promise<void> {
  const { db, outbox } = ctx.services;
  const tokenHash = await sha256Hex(token);
  const pending = await store.findUsableToken(db, tokenHash, "verify_email", now);
  if (!pending || changes(await store.claimToken(db, tokenHash, "verify_email", now)) !== 1) throw unusableToken();
  const user = await store.findUserById(db, pending.userId);
  if (!user || user.deletedAt !== null) throw unusableToken();
  await outbox.commit(
    [store.markEmailVerified(db, user.id, now), auditEntry(ctx, "email_verified", { userId: user.id }, now)],
    user.emailVerifiedAt === null ? [identityEvents.emailVerified(user)] : [],
  );
}

/** Mails a fresh verification link to the signed-in user (the first one may have expired). */
export async function resendVerification(ctx: IdentityContext, principal: Principal): Promise<void> {
  const { db, outbox, rateLimiter } = ctx.services;
  const user = await store.findUserById(db, principal.userId);
  if (!user || user.deletedAt !== null) throw new AppError("not_found", "No such account.");
  if (user.emailVerifiedAt !== null) throw new AppError("conflict", "Your email address is already verified.");
  await enforceRateLimit(rateLimiter, ctx.config, "verificationMail", { account: user.id });
  await outbox.commit([], [identityEvents.emailVerificationRequested(user)]);
}

/**
 * Starts a password reset. The caller learns nothing, not even from timing: the request only counts the
 * attempt and records the event, the same work for known and unknown emails. The mail consumer looks the
 * account up (passwordResetMail), and only a known, live account gets a mail.
 */
export async function requestPasswordReset(ctx: IdentityContext, email: string): Promise<void> {
  const { outbox, rateLimiter } = ctx.services;
  const { email: address, emailKey } = normaliseEmail(email);
  await enforceRateLimit(rateLimiter, ctx.config, "passwordReset", { ip: ctx.client.ip, account: emailKey });
  await outbox.commit([], [identityEvents.passwordResetRequested(address, ctx.client)]);
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
  if (changes(await store.claimToken(db, tokenHash, "password_reset", now)) !== 1) throw unusableToken();
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
