import * as oauth from "oauth4webapi";
import type { Config, OidcProviderConfig } from "../config";
import { AppError } from "../http/errors";

/**
 * Sign-in providers (OpenID Connect, authorization code with PKCE, `state` and `nonce`) through oauth4webapi: the
 * issuer's discovery document, the authorization URL, and the redemption of the code for an ID token whose
 * signature (the issuer's JWKS), `iss`, `aud`, `exp` and `nonce` are all checked before anything is believed.
 * GitHub speaks OAuth 2 only (no ID token): its code (with PKCE and `state`) is redeemed for an access token, and
 * the person is who its API says, with the primary email only when GitHub has verified it.
 */

type Kind = "oidc" | "github";

const PRESETS: Record<NonNullable<OidcProviderConfig["preset"]>, { kind: Kind; issuer: string; name: string }> = {
  google: { kind: "oidc", issuer: "https://accounts.google.com", name: "Google" },
  github: { kind: "github", issuer: "https://github.com", name: "GitHub" },
};

const SCOPE: Record<Kind, string> = { oidc: "openid email profile", github: "read:user user:email" };
/** A discovery document is kept this long per isolate: issuers change endpoints rarely and announce key rotation. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export interface SignInProvider {
  id: string;
  name: string;
  kind: Kind;
  issuer: string;
  /** GitHub's REST API (the person and their emails). */
  api: string;
  clientId: string;
  clientSecret: string;
}

/** What the ID token says about who signed in: only these claims are used. */
export interface ProviderClaims {
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

export function signInProviders(config: Config): SignInProvider[] {
  return config.OIDC_PROVIDERS.map((provider) => {
    const preset = provider.preset ? PRESETS[provider.preset] : undefined;
    return {
      id: provider.id,
      name: provider.name ?? preset?.name ?? provider.id,
      kind: preset?.kind ?? "oidc",
      issuer: provider.issuer ?? preset?.issuer ?? "",
      api: provider.api ?? "https://api.github.com",
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
    };
  });
}

export function signInProvider(config: Config, id: string): SignInProvider {
  const provider = signInProviders(config).find((candidate) => candidate.id === id);
  if (!provider) throw new AppError("not_found", `No sign-in provider "${id}" is configured.`);
  return provider;
}

/** Where the provider sends the browser back: built from PUBLIC_BASE_URL, never from the request's Host. */
export const callbackUrl = (config: Config, provider: SignInProvider) =>
  `${config.PUBLIC_BASE_URL}/v1/auth/oidc/${provider.id}/callback`;

/** Plain HTTP only to a provider on this machine (the local provider of `npm run oidc:dev` and the tests). */
function transport(issuer: string) {
  const { hostname } = new URL(issuer);
  return { [oauth.allowInsecureRequests]: hostname === "127.0.0.1" || hostname === "localhost" };
}

const servers = new Map<string, { server: oauth.AuthorizationServer; until: number }>();
const keySets = new Map<string, oauth.JWKSCacheInput>();

async function authorizationServer(provider: SignInProvider, now: number): Promise<oauth.AuthorizationServer> {
  if (provider.kind === "github") {
    return {
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}/login/oauth/authorize`,
      token_endpoint: `${provider.issuer}/login/oauth/access_token`,
    };
  }
  const cached = servers.get(provider.issuer);
  if (cached && cached.until > now) return cached.server;
  const issuer = new URL(provider.issuer);
  try {
    const server = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { ...transport(provider.issuer), signal: AbortSignal.timeout(5000) }),
    );
    servers.set(provider.issuer, { server, until: now + DISCOVERY_TTL_MS });
    return server;
  } catch (error) {
    throw new AppError("provider_unavailable", `${provider.name} cannot be reached right now; try again shortly.`, {
      provider: provider.id,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

export interface Trip {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newTrip(): Trip {
  return {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
  };
}

export async function authorizationUrl(config: Config, provider: SignInProvider, trip: Trip, now: number) {
  const server = await authorizationServer(provider, now);
  if (!server.authorization_endpoint) {
    throw new AppError("provider_unavailable", `${provider.name} names no authorization endpoint.`);
  }
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: callbackUrl(config, provider),
    response_type: "code",
    scope: SCOPE[provider.kind],
    state: trip.state,
    ...(provider.kind === "oidc" ? { nonce: trip.nonce } : {}),
    code_challenge: await oauth.calculatePKCECodeChallenge(trip.codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return url;
}

/** Why a return from the provider signed no one in, as the storefront is told (`oidc_error`). */
export type ReturnFailure = "access_denied" | "code_refused" | "invalid_id_token" | "provider_unavailable";

export class ProviderReturnFailed extends Error {
  constructor(
    readonly reason: ReturnFailure,
    readonly providerError?: string,
  ) {
    super(`${reason}${providerError ? `: ${providerError}` : ""}`);
  }
}

function failureOf(error: unknown): ProviderReturnFailed {
  if (error instanceof ProviderReturnFailed) return error;
  if (error instanceof oauth.AuthorizationResponseError) return new ProviderReturnFailed("access_denied", error.error);
  if (error instanceof oauth.ResponseBodyError) return new ProviderReturnFailed("code_refused", error.error);
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new ProviderReturnFailed("code_refused", error.cause[0]?.parameters.error);
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new ProviderReturnFailed("invalid_id_token", error.message);
  }
  if (error instanceof AppError && error.code === "provider_unavailable") {
    return new ProviderReturnFailed("provider_unavailable");
  }
  return new ProviderReturnFailed("invalid_id_token", error instanceof Error ? error.message : String(error));
}

/**
 * Redeems the code the provider sent back for an ID token and verifies it: the response's `state`, then the ID
 * token's signature against the issuer's published keys, its issuer, audience, expiry and `nonce`. Throws
 * `ProviderReturnFailed` when anything does not hold.
 */
export async function redeem(
  config: Config,
  provider: SignInProvider,
  returned: URLSearchParams,
  trip: Trip,
  now: number,
): Promise<ProviderClaims> {
  try {
    const server = await authorizationServer(provider, now);
    const client: oauth.Client = { client_id: provider.clientId };
    const parameters = oauth.validateAuthResponse(server, client, returned, trip.state);
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      provider.kind === "github"
        ? oauth.ClientSecretPost(provider.clientSecret)
        : oauth.ClientSecretBasic(provider.clientSecret),
      parameters,
      callbackUrl(config, provider),
      trip.codeVerifier,
      { ...transport(provider.issuer), signal: AbortSignal.timeout(10_000) },
    );
    if (provider.kind === "github") return await gitHubPerson(provider, server, client, response);
    const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: trip.nonce,
      requireIdToken: true,
    });
    const keySet = keySets.get(provider.issuer) ?? {};
    await oauth.validateApplicationLevelSignature(server, response, {
      ...transport(provider.issuer),
      [oauth.jwksCache]: keySet,
    });
    keySets.set(provider.issuer, keySet);
    const claims = oauth.getValidatedIdTokenClaims(result);
    if (!claims) throw new ProviderReturnFailed("invalid_id_token", "no ID token");
    return {
      subject: claims.sub,
      email: typeof claims.email === "string" ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === "string" ? claims.name : undefined,
    };
  } catch (error) {
    throw failureOf(error);
  }
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/** Who GitHub says signed in: its numeric user id, and the primary email if (and only if) GitHub verified it. */
async function gitHubPerson(
  provider: SignInProvider,
  server: oauth.AuthorizationServer,
  client: oauth.Client,
  response: Response,
): Promise<ProviderClaims> {
  // GitHub answers a code it refuses with 200 and an `error` member.
  const refused = await response
    .clone()
    .json<{ error?: string }>()
    .catch(() => ({ error: undefined }));
  if (refused.error) throw new ProviderReturnFailed("code_refused", refused.error);
  const { access_token: token } = await oauth.processAuthorizationCodeResponse(server, client, response);
  const read = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${provider.api}${path}`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "user-agent": "Book Bazaar",
        "x-github-api-version": "2022-11-28",
      },
      signal: AbortSignal.timeout(10_000),
    });
    if (!answer.ok) throw new ProviderReturnFailed("code_refused", `GitHub ${path} answered ${answer.status}`);
    return answer.json<T>();
  };
  const [person, emails] = await Promise.all([
    read<{ id: number; login: string; name: string | null }>("/user"),
    read<GitHubEmail[]>("/user/emails"),
  ]);
  const primary = emails.find((email) => email.primary && email.verified);
  return {
    subject: String(person.id),
    email: primary?.email,
    emailVerified: primary !== undefined,
    name: person.name ?? person.login,
  };
}
