import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { sha256Hex } from "../../lib/tokens";
import { changes } from "../../platform/db";
import { auditEntry } from "../audit";
import type { AccountContext } from "../context";
import { clearAccountLimit, enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import { acceptCode, CHALLENGE_MAX_ATTEMPTS, useRecoveryCode } from "./mfa";
import { openSession, type SessionTokens } from "./sessions";

const failed = () =>
  new AppError("mfa_failed", "The code is not valid, or the sign-in has ended: log in with the password again.");

/**
 * Finishes a login that answered `mfa_required`: a code from the authenticator (each accepted once) or an unused
 * recovery code (gone once used) opens the session. Every try counts against the challenge (five, then it is dead)
 * and against the login limits per IP and account; an unknown, expired, finished or dead challenge, a wrong code
 * and a replayed one all answer the same 401 `mfa_failed`.
 */
export async function completeSecondFactor(
  ctx: AccountContext,
  input: { challengeId: string; code?: string; recoveryCode?: string },
  now = Date.now(),
): Promise<SessionTokens & { principal: Principal }> {
  const { db, rateLimiter } = ctx.services;
  const id = await sha256Hex(input.challengeId);
  await enforceRateLimit(rateLimiter, ctx.config, "mfa", { ip: ctx.client.ip });
  if (changes(await store.countChallengeAttempt(db, id, CHALLENGE_MAX_ATTEMPTS, now)) !== 1) throw failed();
  const challenge = await store.findChallenge(db, id);
  if (!challenge) throw failed();
  const userId = challenge.userId;
  await enforceRateLimit(rateLimiter, ctx.config, "mfa", { account: userId });

  const how = input.code !== undefined ? "totp" : "recovery_code";
  const passed =
    input.code !== undefined
      ? await acceptCode(ctx, userId, input.code, now)
      : await useRecoveryCode(ctx, userId, input.recoveryCode ?? "", now);
  if (!passed) {
    const attemptsLeft = CHALLENGE_MAX_ATTEMPTS - challenge.attempts;
    await auditEntry(ctx, "mfa_failed", { userId, detail: { method: how, attemptsLeft } }, now);
    throw failed();
  }
  if (changes(await store.completeChallenge(db, id, now)) !== 1) throw failed();
  await clearAccountLimit(rateLimiter, ctx.config, "mfa", userId);

  const user = await store.findUserById(db, userId);
  if (!user || user.deletedAt !== null) throw failed();
  const audits = [auditEntry(ctx, "mfa_succeeded", { userId, detail: { method: how } }, now)];
  if (how === "recovery_code") audits.push(auditEntry(ctx, "recovery_code_used", { userId }, now));
  return openSession(ctx, user, audits, now);
}
