import { type CryptoKey, errors, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { Config, SigningJwk } from "../config";
import type { Principal } from "../http/context";
import { idPattern } from "../lib/ids";

/** Access tokens live 15 minutes; role changes reach a client at its next refresh. */
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const CLOCK_TOLERANCE_SECONDS = 5;

export const ROLES = ["buyer", "seller", "admin"] as const;
export type Role = (typeof ROLES)[number];

interface KeySet {
  algorithm: Config["JWT_ALGORITHM"];
  signing: { kid: string; key: CryptoKey };
  verifying: Map<string, CryptoKey>;
  publicJwks: JWK[];
}

const PRIVATE_MEMBERS = new Set(["d", "p", "q", "dp", "dq", "qi", "key_ops", "ext"]);

function publicHalf(jwk: SigningJwk, algorithm: string): JWK {
  const entries = Object.entries(jwk).filter(([member]) => !PRIVATE_MEMBERS.has(member));
  return { ...Object.fromEntries(entries), alg: algorithm, use: "sig" } as JWK;
}

const keySets = new WeakMap<Config, Promise<KeySet>>();

/** Imports the configured keys once per isolate (the config object is cached per isolate too). */
function keySet(config: Config): Promise<KeySet> {
  let pending = keySets.get(config);
  if (!pending) {
    pending = buildKeySet(config);
    keySets.set(config, pending);
  }
  return pending;
}

async function buildKeySet(config: Config): Promise<KeySet> {
  const algorithm = config.JWT_ALGORITHM;
  const [first] = config.JWT_SIGNING_KEYS;
  if (!first) throw new Error("JWT_SIGNING_KEYS is empty");
  const publicJwks = config.JWT_SIGNING_KEYS.map((jwk) => publicHalf(jwk, algorithm));
  const verifying = new Map<string, CryptoKey>();
  for (const jwk of publicJwks) verifying.set(jwk.kid!, (await importJWK(jwk, algorithm)) as CryptoKey);
  const signingKey = (await importJWK({ ...first, alg: algorithm } as JWK, algorithm)) as CryptoKey;
  return { algorithm, signing: { kid: first.kid, key: signingKey }, verifying, publicJwks };
}

/** The public halves of every configured key, for `GET /.well-known/jwks.json`. */
export async function publicKeys(config: Config): Promise<JWK[]> {
  return (await keySet(config)).publicJwks;
}

export async function signAccessToken(
  config: Config,
  principal: Principal,
  now = Date.now(),
): Promise<{ token: string; expiresIn: number }> {
  const keys = await keySet(config);
  const issuedAt = Math.floor(now / 1000);
  const token = await new SignJWT({ sid: principal.sessionId, roles: principal.roles })
    .setProtectedHeader({ alg: keys.algorithm, kid: keys.signing.kid, typ: "JWT" })
    .setSubject(principal.userId)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(keys.signing.key);
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

const Claims = z.object({
  sub: z.string().regex(idPattern("usr")),
  sid: z.string().regex(idPattern("ses")),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
});

/**
 * Verifies signature (only the configured algorithm, only a configured `kid`), expiry, issuer and audience,
 * then the claim shapes. Returns undefined for any token that fails; the caller answers 401.
 */
export async function verifyAccessToken(config: Config, token: string): Promise<Principal | undefined> {
  const keys = await keySet(config);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid ? keys.verifying.get(header.kid) : undefined;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      {
        algorithms: [keys.algorithm],
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      },
    ));
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
  const claims = Claims.safeParse(payload);
  if (!claims.success) return undefined;
  return { userId: claims.data.sub, sessionId: claims.data.sid, roles: claims.data.roles };
}
