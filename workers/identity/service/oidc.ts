import { oidcIdentities, users } from "../../../schema/identity";
import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { atomically, changes, type Statement } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";
import { auditEntry } from "../audit";
import type { AccountContext, IdentityContext } from "../context";
import { identityEvents } from "../events";
import {
  authorizationUrl,
  newTrip,
  type ProviderClaims,
  ProviderReturnFailed,
  redeem,
  type SignInProvider,
  signInProvider,
} from "../oidc";
import { verifyPassword } from "../passwords";
import { clearAccountLimit, enforceRateLimit } from "../rate-limits";
import * as store from "../store";
import { newAccount } from "./accounts";
import { type SessionTokens, sessionOrSecondFactor } from "./sessions";
import { normaliseEmail } from "./users";

/**
 * Social sign-in. `start` records a trip (state, nonce, PKCE verifier, where to return) and sends the browser to the
 * provider; the callback claims the trip once, verifies the ID token and decides: a known identity signs in, a new
 * verified email opens an account, an email an account already uses must be linked with its password first. The
 * browser returns to the storefront with a single-use sign-in code, which the storefront trades for tokens.
 */

/** A trip to the provider and back, and the sign-in code after it, live ten minutes. */
const SIGN_IN_TTL_MS = 10 * 60 * 1000;

/**
 * The storefront URL a sign-in returns to: only on a configured storefront origin, or the seller console this Worker
 * serves (no open redirect).
 */
function storefrontUrl(ctx: IdentityContext, redirect: string): URL {
  const url = URL.canParse(redirect) ? new URL(redirect) : undefined;
  const toConsole = url?.origin === new URL(ctx.config.PUBLIC_BASE_URL).origin && url.pathname.startsWith("/console/");
  if (!url || !(toConsole || ctx.config.STOREFRONT_ORIGINS.includes(url.origin))) {
    throw new AppError("invalid_redirect", "The redirect must be a page of one of the marketplace's storefronts.", {
      allowedOrigins: ctx.config.STOREFRONT_ORIGINS,
    });
  }
  return url;
}

/** Starts a sign-in (or, with `linkTo`, the linking of a provider to a signed-in account): the provider's URL. */
export async function startSignIn(
  ctx: IdentityContext,
  input: { provider: string; redirect: string; linkTo?: Principal },
  now = Date.now(),
): Promise<URL> {
  const provider = signInProvider(ctx.config, input.provider);
  const back = storefrontUrl(ctx, input.redirect);
  const trip = newTrip();
  const url = await authorizationUrl(ctx.config, provider, trip, now);
  await store.insertSignIn(ctx.services.db, {
    stateHash: await sha256Hex(trip.state),
    provider: provider.id,
    codeVerifier: trip.codeVerifier,
    nonce: trip.nonce,
    redirect: back.toString(),
    linkUserId: input.linkTo?.userId ?? null,
    createdAt: now,
    expiresAt: now + SIGN_IN_TTL_MS,
  });
  return url;
}

const deadTrip = () =>
  new AppError("invalid_state", "This sign-in is unknown, expired or already finished: start it again.");

/**
 * The provider's return. The trip is claimed once (a replayed or forged `state` is 400 `invalid_state`); everything
 * after that sends the browser back to the storefront, with `oidc_code` (trade it with `exchangeSignInCode`),
 * `oidc_linked` (a provider linked from a signed-in session) or `oidc_error`.
 */
export async function finishSignIn(
  ctx: IdentityContext,
  providerId: string,
  returned: URLSearchParams,
  now = Date.now(),
): Promise<URL> {
  const { db } = ctx.services;
  const provider = signInProvider(ctx.config, providerId);
  const state = returned.get("state");
  if (!state) throw deadTrip();
  const stateHash = await sha256Hex(state);
  if (changes(await store.claimSignIn(db, stateHash, provider.id, now)) !== 1) throw deadTrip();
  const trip = await store.findSignIn(db, stateHash);
  if (!trip) throw deadTrip();
  const back = (parameters: Record<string, string>) => {
    const url = new URL(trip.redirect);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return url;
  };

  let claims: ProviderClaims;
  try {
    claims = await redeem(
      ctx.config,
      provider,
      returned,
      { state, nonce: trip.nonce, codeVerifier: trip.codeVerifier },
      now,
    );
  } catch (error) {
    const failure = error instanceof ProviderReturnFailed ? error : new ProviderReturnFailed("invalid_id_token");
    const detail = { provider: provider.id, reason: failure.reason, providerError: failure.providerError ?? null };
    await auditEntry(ctx, "oidc_failed", { userId: trip.linkUserId, detail }, now);
    return back({ oidc_error: failure.reason });
  }

  const identity = await store.findIdentity(db, provider.id, claims.subject);
  if (trip.linkUserId) {
    if (identity && identity.userId !== trip.linkUserId) return back({ oidc_error: "identity_in_use" });
    if (!identity) {
      const linked = await linkIdentity(ctx, trip.linkUserId, provider, claims, now);
      if (!linked) return back({ oidc_error: "identity_in_use" });
    }
    return back({ oidc_linked: provider.id });
  }
  const outcome = identity
    ? { outcome: "sign_in" as const, userId: identity.userId }
    : await firstSignIn(ctx, provider, claims, now);
  if ("error" in outcome) return back({ oidc_error: outcome.error });
  if (identity) await store.touchIdentity(db, identity.id, now);

  const code = randomToken(32);
  await store.recordSignInOutcome(db, stateHash, {
    ...outcome,
    subject: claims.subject,
    email: claims.email ?? null,
    codeHash: await sha256Hex(code),
  });
  return back({ oidc_code: code });
}

type FirstSignIn = { outcome: "sign_in" | "link_required"; userId: string } | { error: string };

/**
 * A subject the marketplace has not seen: without a verified email there is nothing to go on; an email an account
 * uses must be linked by whoever knows its password; otherwise a new account opens, its email verified.
 */
async function firstSignIn(
  ctx: IdentityContext,
  provider: SignInProvider,
  claims: ProviderClaims,
  now: number,
): Promise<FirstSignIn> {
  const { db, outbox } = ctx.services;
  if (!claims.email || !claims.emailVerified || !claims.email.includes("@")) return { error: "email_unverified" };
  const { email, emailKey } = normaliseEmail(claims.email);
  const existing = await store.findUserByEmailKey(db, emailKey);
  if (existing) return { outcome: "link_required", userId: existing.id };

  const name = (claims.name ?? email.slice(0, email.indexOf("@"))).slice(0, 100) || email;
  const user = newAccount({ email, emailKey, name, locale: "en", passwordHash: null, emailVerifiedAt: now }, now);
  try {
    await outbox.commit(
      [
        store.insertUser(db, user),
        identityRow(db, user.id, provider, claims, now),
        auditEntry(ctx, "registered", { userId: user.id, detail: { provider: provider.id } }, now),
        auditEntry(ctx, "identity_linked", { userId: user.id, detail: { provider: provider.id } }, now),
      ],
      [identityEvents.userRegistered(user), identityEvents.emailVerified(user)],
    );
  } catch (error) {
    // The same person arriving twice at once, or an account opened with the address meanwhile: they try again.
    if (violatesUnique(error, users, "users_email_key_idx")) return { error: "try_again" };
    if (violatesUnique(error, oidcIdentities, "oidc_identities_subject_idx")) return { error: "try_again" };
    throw error;
  }
  return { outcome: "sign_in", userId: user.id };
}

function identityRow(
  db: IdentityContext["services"]["db"],
  userId: string,
  provider: SignInProvider,
  claims: ProviderClaims,
  now: number,
) {
  return store.insertIdentity(db, {
    id: newId("idn"),
    userId,
    provider: provider.id,
    subject: claims.subject,
    // The provider's address as it gave it, for the user to recognise the link by.
    email: claims.email ?? null,
    createdAt: now,
    lastUsedAt: now,
  });
}

/** Links the provider's subject to an account; false when another account took it at the same moment. */
async function linkIdentity(
  ctx: IdentityContext,
  userId: string,
  provider: SignInProvider,
  claims: ProviderClaims,
  now: number,
  statements: Statement[] = [],
): Promise<boolean> {
  const { db } = ctx.services;
  try {
    await atomically(db, [
      identityRow(db, userId, provider, claims, now),
      auditEntry(ctx, "identity_linked", { userId, detail: { provider: provider.id } }, now),
      ...statements,
    ]);
    return true;
  } catch (error) {
    if (violatesUnique(error, oidcIdentities, "oidc_identities_subject_idx")) return false;
    throw error;
  }
}

const deadCode = () =>
  new AppError("invalid_or_expired_token", "The sign-in code is unknown, expired or already used: sign in again.");

/**
 * Trades the sign-in code from the storefront's return URL for tokens, once. A code whose email belongs to an
 * account not yet linked answers 409 `link_required` (and stays usable for `linkWithPassword`).
 */
export async function exchangeSignInCode(
  ctx: AccountContext,
  code: string,
  now = Date.now(),
): Promise<SessionTokens & { principal: Principal }> {
  const { db } = ctx.services;
  const codeHash = await sha256Hex(code);
  const signIn = await store.findSignInByCode(db, codeHash, now);
  if (!signIn?.userId) throw deadCode();
  if (signIn.outcome === "link_required") {
    throw new AppError(
      "link_required",
      "An account already uses this email. Enter its password with POST /v1/auth/oidc/link to link the sign-in, " +
        "or sign in and link it from the account's settings.",
      { provider: signIn.provider, email: signIn.email },
    );
  }
  if (changes(await store.claimSignInCode(db, codeHash, now)) !== 1) throw deadCode();
  const user = await store.findUserById(db, signIn.userId);
  if (!user || user.deletedAt !== null) throw deadCode();
  const detail = { provider: signIn.provider };
  return sessionOrSecondFactor(ctx, user, [auditEntry(ctx, "oidc_signed_in", { userId: user.id, detail }, now)], now);
}

/**
 * The first sign-in with a provider whose verified email an account already uses: whoever knows the account's
 * password links the provider to it and signs in. A wrong password is 401 `invalid_credentials`, limited like logins.
 */
export async function linkWithPassword(
  ctx: AccountContext,
  input: { code: string; password: string },
  now = Date.now(),
): Promise<SessionTokens & { principal: Principal }> {
  const { db, rateLimiter } = ctx.services;
  const codeHash = await sha256Hex(input.code);
  const signIn = await store.findSignInByCode(db, codeHash, now);
  if (signIn?.outcome !== "link_required" || !signIn.userId || !signIn.subject) throw deadCode();
  const user = await store.findUserById(db, signIn.userId);
  if (!user || user.deletedAt !== null) throw deadCode();
  await enforceRateLimit(rateLimiter, ctx.config, "login", { ip: ctx.client.ip, account: user.emailKey });
  if (!user.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) {
    await auditEntry(ctx, "login_failed", { userId: user.id, detail: { reason: "wrong_password", link: true } }, now);
    throw new AppError("invalid_credentials", "Wrong password for the account that uses this email.");
  }
  await clearAccountLimit(rateLimiter, ctx.config, "login", user.emailKey);
  if (changes(await store.claimSignInCode(db, codeHash, now)) !== 1) throw deadCode();
  const provider = signInProvider(ctx.config, signIn.provider);
  const claims = { subject: signIn.subject, email: signIn.email ?? undefined, emailVerified: true };
  if (!(await linkIdentity(ctx, user.id, provider, claims, now))) {
    throw new AppError("identity_in_use", "This sign-in was linked to another account meanwhile.");
  }
  const detail = { provider: provider.id };
  return sessionOrSecondFactor(ctx, user, [auditEntry(ctx, "oidc_signed_in", { userId: user.id, detail }, now)], now);
}

/** Daily housekeeping: trips and sign-in codes a day past their expiry go. */
export async function purgeExpiredSignIns(services: IdentityContext["services"], now = Date.now()): Promise<void> {
  await store.purgeSignIns(services.db, now - 24 * 60 * 60 * 1000);
}
