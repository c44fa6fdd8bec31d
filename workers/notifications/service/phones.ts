import { AppError } from "../../http/errors";
import { recipientOf } from "../../identity";
import { newId } from "../../lib/ids";
import { sha256Hex, timingSafeEqual } from "../../lib/tokens";
import { atomically, changes } from "../../platform/db";
import type { NotificationsContext } from "../context";
import type { PhoneView } from "../schemas";
import { loggedDelivery } from "../store/deliveries";
import { awaitCode, countTry, markVerified, type PhoneRow, phoneOf, removePhone } from "../store/phones";

/** A code is good for ten minutes and five tries; then the owner asks for a new one. */
const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_TRIES = 5;
const CODE_TEMPLATE = "phone-verification";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function view(row: PhoneRow): PhoneView {
  return {
    phone: row.phone,
    verified: row.verifiedAt !== null,
    verifiedAt: iso(row.verifiedAt),
    codeExpiresAt: row.verifiedAt === null ? iso(row.codeExpiresAt) : null,
  };
}

/** Six digits, uniformly drawn (values past the last whole million are drawn again, so no digit is likelier). */
function newCode(): string {
  const bound = 2 ** 32 - (2 ** 32 % 1_000_000);
  for (;;) {
    const value = crypto.getRandomValues(new Uint32Array(1))[0]!;
    if (value < bound) return String(value % 1_000_000).padStart(6, "0");
  }
}

/** Stored hashed and bound to its account and number: a code sent to one number never verifies another. */
const hashCode = (userId: string, phone: string, code: string) => sha256Hex(`phone-code:${userId}:${phone}:${code}`);

const CODE_TEXT = {
  en: (code: string) => `Your Book Bazaar code is ${code}. It expires in 10 minutes. Never share it with anyone.`,
  de: (code: string) => `Ihr Book-Bazaar-Code lautet ${code}. Er gilt 10 Minuten. Geben Sie ihn niemals weiter.`,
};

/** Codes sent are limited per account and per number, so nobody floods a stranger's phone from many accounts. */
async function enforceCodeLimits(ctx: NotificationsContext, userId: string, phone: string): Promise<void> {
  const checks = [
    { key: `phone-code:account:${userId}`, rule: ctx.config.RATE_LIMIT_PHONE_CODES_PER_ACCOUNT },
    { key: `phone-code:number:${await sha256Hex(phone)}`, rule: ctx.config.RATE_LIMIT_PHONE_CODES_PER_NUMBER },
  ];
  for (const { key, rule } of checks) {
    const decision = await ctx.services.rateLimiter.hit(key, rule);
    if (decision.allowed) continue;
    const seconds = Math.max(1, decision.retryAfterSeconds);
    throw new AppError(
      "rate_limited",
      `Too many codes sent. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
      { retryAfterSeconds: seconds },
      { "retry-after": String(seconds) },
    );
  }
}

export async function phoneOfUser(ctx: NotificationsContext, userId: string): Promise<PhoneView> {
  const row = await phoneOf(ctx.services.db, userId);
  if (!row) throw new AppError("not_found", "No phone number on this account.");
  return view(row);
}

/**
 * Sets the account's number and texts it a code; a new or changed number is unverified (and gets no SMS) until
 * its code comes back. The number already verified changes nothing and sends nothing. The code goes out while
 * the caller waits and is logged (without the code) as a delivery of its own.
 */
export async function requestPhoneCode(
  ctx: NotificationsContext,
  userId: string,
  phone: string,
  now = Date.now(),
): Promise<PhoneView> {
  const { db } = ctx.services;
  const current = await phoneOf(db, userId);
  if (current && current.phone === phone && current.verifiedAt !== null) return view(current);
  await enforceCodeLimits(ctx, userId, phone);
  const code = newCode();
  const row = { userId, phone, codeHash: await hashCode(userId, phone, code), codeExpiresAt: now + CODE_TTL_MS, now };
  await atomically(db, [awaitCode(db, row)]);

  const locale = (await recipientOf(ctx, userId))?.locale ?? "en";
  const id = newId("msg");
  const logged = { id, eventId: id, template: CODE_TEMPLATE, userId, channel: "sms" as const, to: phone };
  try {
    const sent = await ctx.services.sms.send({ to: phone, text: CODE_TEXT[locale](code), idempotencyKey: id });
    await atomically(db, [loggedDelivery(db, logged, sent)]);
  } catch (error) {
    ctx.log.warn("phone code not sent", { userId, error: String(error) });
    await atomically(db, [loggedDelivery(db, logged, { error: String(error) })]);
    throw new AppError("unavailable", "The code could not be sent. Try again in a moment.");
  }
  return { phone, verified: false, verifiedAt: null, codeExpiresAt: iso(row.codeExpiresAt) };
}

/**
 * Checks a code against the one waiting for the account's number. Every try counts before it is judged (so
 * concurrent guesses cannot share a try); a wrong code answers how many tries are left.
 */
export async function verifyPhone(
  ctx: NotificationsContext,
  userId: string,
  code: string,
  now = Date.now(),
): Promise<PhoneView> {
  const { db } = ctx.services;
  const row = await phoneOf(db, userId);
  if (!row) throw new AppError("not_found", "No phone number on this account: add one with PUT /v1/me/phone.");
  if (row.codeHash === null) throw new AppError("phone_already_verified");
  if (row.codeExpiresAt === null || row.codeExpiresAt <= now) {
    throw new AppError("phone_code_expired", "The code has expired: ask for a new one with PUT /v1/me/phone.");
  }
  const [counted] = await atomically(db, [countTry(db, userId, row.codeHash, MAX_TRIES)]);
  if (changes(counted) === 0) {
    throw new AppError("too_many_code_attempts", "This code can no longer be used: ask for a new one.");
  }
  if (!timingSafeEqual(await hashCode(userId, row.phone, code), row.codeHash)) {
    const triesLeft = MAX_TRIES - row.attempts - 1;
    throw new AppError("invalid_phone_code", `That is not the code sent to ${row.phone}.`, { triesLeft });
  }
  const [verified] = await atomically(db, [markVerified(db, userId, row.codeHash, now)]);
  if (changes(verified) === 1) return { phone: row.phone, verified: true, verifiedAt: iso(now), codeExpiresAt: null };
  // Another request with the same code verified the number a moment earlier: the same outcome.
  const after = await phoneOf(db, userId);
  if (after?.phone === row.phone && after.verifiedAt !== null) return view(after);
  throw new AppError("phone_code_expired", "A newer code replaced this one: enter that one.");
}

export async function removePhoneOf(ctx: NotificationsContext, userId: string): Promise<void> {
  await atomically(ctx.services.db, [removePhone(ctx.services.db, userId)]);
}
