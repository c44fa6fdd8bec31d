import { z } from "zod";
import type { Config } from "../../config";
import { AppError } from "../../http/errors";
import { base64url, fromBase64url, hmacSha256, timingSafeEqual } from "../../lib/tokens";
import { atomically } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { CATEGORIES, type Category } from "../preferences";
import { saveChoices, storedChoices } from "../store/preferences";

/**
 * One-click unsubscribe (RFC 8058). A mail's token names its user, its category and the email channel, signed
 * with HMAC-SHA256 under UNSUBSCRIBE_TOKEN_SECRET: whoever holds the mail may turn that one choice off, and
 * nothing else. It does not expire, since an unsubscribe link in an old mail must still work.
 */

/** Keeps these MACs apart from anything else the secret might ever sign. */
const PURPOSE = "book-bazaar:unsubscribe:v1";

const TokenClaims = z.object({ user: z.string().min(1), category: z.enum(CATEGORIES), channel: z.literal("email") });
type TokenClaims = z.infer<typeof TokenClaims>;

const secretOf = (config: Config) => {
  if (!config.UNSUBSCRIBE_TOKEN_SECRET) throw new AppError("misconfigured", "UNSUBSCRIBE_TOKEN_SECRET is not set.");
  return config.UNSUBSCRIBE_TOKEN_SECRET;
};

const macOf = async (config: Config, payload: string) =>
  base64url(await hmacSha256(secretOf(config), `${PURPOSE}.${payload}`));

export async function unsubscribeToken(config: Config, userId: string, category: Category): Promise<string> {
  const claims: TokenClaims = { user: userId, category, channel: "email" };
  const payload = base64url(new TextEncoder().encode(JSON.stringify(claims)));
  return `${payload}.${await macOf(config, payload)}`;
}

/** The claims of a token this Worker signed; undefined for anything forged, altered or malformed. */
async function claimsOf(config: Config, token: string): Promise<TokenClaims | undefined> {
  const [payload, mac, ...rest] = token.split(".");
  if (!payload || !mac || rest.length > 0) return undefined;
  if (!timingSafeEqual(mac, await macOf(config, payload))) return undefined;
  try {
    const claims = TokenClaims.safeParse(JSON.parse(new TextDecoder().decode(fromBase64url(payload))));
    return claims.success ? claims.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where a mail unsubscribes: the one-click URL for `List-Unsubscribe`, the page with a button for the text. */
export interface UnsubscribeLinks {
  oneClick: string;
  page: string;
}

export async function unsubscribeLinks(config: Config, userId: string, category: Category): Promise<UnsubscribeLinks> {
  const token = encodeURIComponent(await unsubscribeToken(config, userId, category));
  return {
    oneClick: `${config.PUBLIC_BASE_URL}/v1/notifications/unsubscribe?token=${token}`,
    page: `${config.PUBLIC_BASE_URL}/unsubscribe?token=${token}`,
  };
}

/**
 * Turns off the email of the token's category for its user, over whatever else they chose; idempotent. A token
 * that does not verify is "not found", never a hint of why.
 */
export async function unsubscribe(ctx: NotificationsContext, token: string): Promise<{ category: Category }> {
  const claims = await claimsOf(ctx.config, token);
  if (!claims) throw new AppError("not_found", "This unsubscribe link is not valid.");
  const { db } = ctx.services;
  const stored = (await storedChoices(db, claims.user)) ?? {};
  const choices = { ...stored, [claims.category]: { ...stored[claims.category], email: false } };
  await atomically(db, [saveChoices(db, claims.user, choices)]);
  return { category: claims.category };
}
