import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import type { Config } from "../config";
import { AppError } from "../http/errors";
import { base64url, fromBase64url, sha256Hex } from "../lib/tokens";

/**
 * TOTP as authenticator apps speak it (RFC 6238): SHA-1, six digits, 30-second steps, a code of the step before
 * or after accepted for clock drift. Secrets are sealed with AES-GCM under a key derived by HKDF from
 * CONSOLE_COOKIE_SECRET, bound to the account id, so a database copy alone yields no secret.
 */
const ISSUER = "Book Bazaar";
const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;
const SECRET_BYTES = 20;

const totpOf = (secretBase32: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
  });

export interface Provisioning {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** A fresh secret and what an authenticator app needs to take it: the otpauth:// URI and its QR code. */
export function provision(accountLabel: string): Provisioning {
  const secret = new Secret({ size: SECRET_BYTES }).base32;
  const uri = totpOf(secret, accountLabel).toString();
  return { secret, uri, qrSvg: renderSVG(uri) };
}

/** The time step a code is valid for, or undefined when it matches none within the drift window. */
export function matchingStep(secretBase32: string, code: string, now: number): number | undefined {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now, window: DRIFT_STEPS });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

async function sealingKey(config: Config, usage: "encrypt" | "decrypt"): Promise<CryptoKey> {
  const secret = config.CONSOLE_COOKIE_SECRET;
  if (!secret) throw new AppError("misconfigured", "CONSOLE_COOKIE_SECRET is not set.");
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new TextEncoder().encode("book-bazaar"),
      info: new TextEncoder().encode("totp-secret-v1"),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    [usage],
  );
}

export async function sealSecret(config: Config, userId: string, secretBase32: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(userId) },
    await sealingKey(config, "encrypt"),
    new TextEncoder().encode(secretBase32),
  );
  return `${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
}

export async function openSecret(config: Config, userId: string, sealed: string): Promise<string> {
  const [iv = "", data = ""] = sealed.split(".");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64url(iv), additionalData: new TextEncoder().encode(userId) },
    await sealingKey(config, "decrypt"),
    fromBase64url(data),
  );
  return new TextDecoder().decode(plain);
}

/** Recovery codes: 80 random bits each, written as four groups of four base32 letters and digits. */
const RECOVERY_CODE_COUNT = 10;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const letters = [...bytes].map((b) => BASE32[b % 32]).join("");
    return letters.match(/.{4}/g)!.join("-");
  });
}

/** A recovery code as typed (any case, with or without dashes and spaces) to the digest it is stored under. */
export const recoveryCodeHash = (typed: string) => sha256Hex(typed.toLowerCase().replace(/[\s-]/g, ""));
