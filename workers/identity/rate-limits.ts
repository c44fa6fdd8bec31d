import type { Config, RateRuleConfig } from "../config";
import { AppError } from "../http/errors";
import { sha256Hex } from "../lib/tokens";
import type { RateLimiter } from "../platform/rate-limit/rate-limiter";

/** Identity's limits, each a configured rule plus a key; account keys hash the email so no address is stored. */
type Limit = "register" | "login" | "passwordReset" | "verificationMail" | "passwordCheck" | "mfa";

const RULES: Record<Limit, { perIp?: keyof Config; perAccount?: keyof Config; what: string }> = {
  register: { perIp: "RATE_LIMIT_REGISTER_PER_IP", what: "sign-ups" },
  login: { perIp: "RATE_LIMIT_LOGIN_PER_IP", perAccount: "RATE_LIMIT_LOGIN_PER_ACCOUNT", what: "login attempts" },
  passwordReset: {
    perIp: "RATE_LIMIT_PASSWORD_RESET_PER_IP",
    perAccount: "RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT",
    what: "password-reset requests",
  },
  verificationMail: { perAccount: "RATE_LIMIT_VERIFICATION_MAIL_PER_ACCOUNT", what: "verification mails" },
  // Re-entering the current password (change password, delete account) is guessing like a login is.
  passwordCheck: { perAccount: "RATE_LIMIT_LOGIN_PER_ACCOUNT", what: "password attempts" },
  // A second-factor code is guessed like a password: the login budgets, per IP and per account.
  mfa: { perIp: "RATE_LIMIT_LOGIN_PER_IP", perAccount: "RATE_LIMIT_LOGIN_PER_ACCOUNT", what: "sign-in codes" },
};

const accountKey = async (limit: Limit, account: string) => `${limit}:account:${await sha256Hex(account)}`;

/**
 * Counts one attempt against the per-IP and per-account rules of `limit`; throws a 429 problem when over.
 * An attempt is counted before it is judged, so concurrent guesses cannot all slip under the limit.
 */
export async function enforceRateLimit(
  limiter: RateLimiter,
  config: Config,
  limit: Limit,
  who: { ip?: string | null; account?: string },
): Promise<void> {
  const spec = RULES[limit];
  const checks: [string, RateRuleConfig][] = [];
  if (spec.perIp) checks.push([`${limit}:ip:${who.ip ?? "unknown"}`, config[spec.perIp] as RateRuleConfig]);
  if (spec.perAccount && who.account) {
    checks.push([await accountKey(limit, who.account), config[spec.perAccount] as RateRuleConfig]);
  }
  for (const [key, rule] of checks) {
    const decision = await limiter.hit(key, rule);
    if (!decision.allowed) {
      const seconds = Math.max(1, decision.retryAfterSeconds);
      throw new AppError(
        "rate_limited",
        `Too many ${spec.what}. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        { retryAfterSeconds: seconds },
        { "retry-after": String(seconds) },
      );
    }
  }
}

/**
 * Clears an account's count for `limit` after a success, so only failures add up: the owner's own logins
 * never lock the account, while guesses still do.
 */
export async function clearAccountLimit(
  limiter: RateLimiter,
  config: Config,
  limit: Limit,
  account: string,
): Promise<void> {
  const rule = RULES[limit].perAccount;
  if (rule) await limiter.reset(await accountKey(limit, account), config[rule] as RateRuleConfig);
}
