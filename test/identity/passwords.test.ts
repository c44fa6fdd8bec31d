import { describe, expect, it } from "vitest";
import {
  commonPasswordCount,
  hashPassword,
  isCommonPassword,
  needsRehash,
  passwordPolicyProblem,
  verifyPassword,
} from "../../workers/identity/passwords";
import { testDatabase } from "../support/database";
import { api, json, signUp } from "../support/identity";

const OWASP_MINIMUM = { memoryKib: 19_456, iterations: 2, parallelism: 1 };

const storedHash = async (userId: string) =>
  (await testDatabase
    .prepare("SELECT password_hash FROM users WHERE id = ?")
    .bind(userId)
    .first<{ password_hash: string }>())!.password_hash;

describe("password storage", () => {
  it("stores argon2id at the OWASP minimum, with its parameters in the string, never the password", async () => {
    const account = await signUp();
    const hash = await storedHash(account.userId);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain(account.password);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password twice", OWASP_MINIMUM),
      hashPassword("same password twice", OWASP_MINIMUM),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password twice", a)).toBe(true);
    expect(await verifyPassword("same password twice!", a)).toBe(false);
    expect(await verifyPassword("same password twice", "not a hash")).toBe(false);
  });

  it("rehashes at login when the stored parameters are below the configured ones", async () => {
    const account = await signUp();
    const weaker = await hashPassword(account.password, { memoryKib: 8_192, iterations: 1, parallelism: 1 });
    await testDatabase.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(weaker, account.userId).run();
    expect(needsRehash(weaker, OWASP_MINIMUM)).toBe(true);

    const login = await api("/v1/auth/login", json({ email: account.email, password: account.password }));
    expect(login.status).toBe(200);
    const upgraded = await storedHash(account.userId);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(upgraded, OWASP_MINIMUM)).toBe(false);
    expect((await api("/v1/auth/login", json({ email: account.email, password: account.password }))).status).toBe(200);
  });

  it("treats Unicode spellings of the same characters alike (NFKC)", async () => {
    const fullwidth = "ｆｕｌｌｗｉｄｔｈ ｐａｓｓｐｈｒａｓｅ";
    const account = await signUp({ password: fullwidth });
    const login = await api("/v1/auth/login", json({ email: account.email, password: "fullwidth passphrase" }));
    expect(login.status).toBe(200);
  });
});

describe("password policy", () => {
  it("ships at least 10,000 common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    for (const common of ["password", "123456", "qwertyuiop", "1q2w3e4r5t", "iloveyou"]) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("purple monkey dishwasher 7")).toBe(false);
  });

  it("explains each rule it applies", () => {
    expect(passwordPolicyProblem("short", "a@b.example")).toMatch(/at least 10/);
    expect(passwordPolicyProblem("1234567890", "a@b.example")).toMatch(/most common/);
    expect(passwordPolicyProblem("Reader.One@Books.example", "reader.one@books.example")).toMatch(/email/);
    expect(passwordPolicyProblem("a long unusual phrase", "a@b.example")).toBeUndefined();
  });
});
