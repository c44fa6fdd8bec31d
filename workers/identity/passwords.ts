import { argon2id, setWASMModules } from "argon2-wasm-edge";
// Workers may not compile WebAssembly from bytes at runtime, so the modules are imported precompiled
// (wrangler's default CompiledWasm rule; the vitest plugin applies the same rule).
import argon2WASM from "argon2-wasm-edge/wasm/argon2.wasm";
import blake2bWASM from "argon2-wasm-edge/wasm/blake2b.wasm";
import type { Config } from "../config";
import { timingSafeEqual } from "../lib/tokens";
import commonPasswordsText from "./common-passwords.txt";

setWASMModules({ argon2WASM, blake2bWASM });

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

interface HashParams {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

export function hashParams(config: Config): HashParams {
  return {
    memoryKib: config.PASSWORD_HASH_MEMORY_KIB,
    iterations: config.PASSWORD_HASH_ITERATIONS,
    parallelism: config.PASSWORD_HASH_PARALLELISM,
  };
}

const HASH_BYTES = 32;
const SALT_BYTES = 16;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

// Different Unicode spellings of the same characters must hash alike (NIST SP 800-63B 5.1.1.2).
const normalise = (password: string) => password.normalize("NFKC");

/** argon2id in the PHC string format, which carries its own parameters: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export async function hashPassword(password: string, params: HashParams): Promise<string> {
  return argon2id({
    password: normalise(password),
    salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    memorySize: params.memoryKib,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: HASH_BYTES,
    outputType: "encoded",
  });
}

interface ParsedHash extends HashParams {
  salt: Uint8Array;
  hash: string;
}

function parseHash(encoded: string): ParsedHash | undefined {
  const match = PHC.exec(encoded);
  if (!match) return undefined;
  const [, m, t, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  return {
    memoryKib: Number(m),
    iterations: Number(t),
    parallelism: Number(p),
    salt: Uint8Array.from(atob(salt), (ch) => ch.charCodeAt(0)),
    hash,
  };
}

/** Recomputes the hash with the stored parameters and compares in constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = parseHash(encoded);
  if (!stored) return false;
  const computed = await argon2id({
    password: normalise(password),
    salt: stored.salt,
    memorySize: stored.memoryKib,
    iterations: stored.iterations,
    parallelism: stored.parallelism,
    hashLength: atob(stored.hash).length,
    outputType: "encoded",
  });
  return timingSafeEqual(computed.slice(computed.lastIndexOf("$") + 1), stored.hash);
}

/** True when the stored hash was made with weaker parameters than configured now (upgraded at the next login). */
export function needsRehash(encoded: string, params: HashParams): boolean {
  const stored = parseHash(encoded);
  if (!stored) return true;
  return (
    stored.memoryKib < params.memoryKib ||
    stored.iterations < params.iterations ||
    stored.parallelism !== params.parallelism
  );
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the same time as a real verification, for logins to unknown accounts: the response time must not
 * tell whether an email is registered.
 */
export async function verifyAgainstDummy(password: string, params: HashParams): Promise<void> {
  const key = `${params.memoryKib}/${params.iterations}/${params.parallelism}`;
  let dummy = dummyHashes.get(key);
  if (!dummy) {
    dummy = hashPassword(crypto.randomUUID(), params);
    dummyHashes.set(key, dummy);
  }
  await verifyPassword(password, await dummy);
}

let commonPasswords: Set<string> | undefined;

/** The common-password list (see scripts/build-common-passwords.mjs), built into a Set once per isolate. */
function commonSet(): Set<string> {
  commonPasswords ??= new Set(commonPasswordsText.split("\n").filter(Boolean));
  return commonPasswords;
}

export function commonPasswordCount(): number {
  return commonSet().size;
}

export function isCommonPassword(password: string): boolean {
  return commonSet().has(normalise(password).toLowerCase());
}

/** Why a password breaks the policy, or undefined when it is acceptable. Length is checked by the request schema. */
export function passwordPolicyProblem(password: string, email: string): string | undefined {
  const candidate = normalise(password).toLowerCase();
  const address = email.toLowerCase();
  const localPart = address.slice(0, address.lastIndexOf("@"));
  if ([...candidate].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (isCommonPassword(candidate)) return "is one of the most common passwords; choose another";
  if (candidate === address || candidate === localPart) return "must not be your email address";
  return undefined;
}
