import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { base64url, decodeJwt, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../workers/app";
import { REFRESH_REUSE_GRACE_MS } from "../../workers/identity/service/sessions";
import { sha256Hex } from "../../workers/lib/tokens";
import { testDatabase } from "../support/database";
import { envWith } from "../support/env";
import { api, json, signUp } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

const signingKeys = JSON.parse((env as unknown as { JWT_SIGNING_KEYS: string }).JWT_SIGNING_KEYS) as JWK[];
const [currentKey, previousKey] = signingKeys as [JWK, JWK];

const me = (accessToken: string) => api("/v1/me", { headers: { authorization: `Bearer ${accessToken}` } });

async function sign(
  key: JWK,
  claims: Record<string, unknown>,
  options: { kid?: string; iat?: number; exp?: number; iss?: string; aud?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: options.kid ?? key.kid })
    .setIssuer(options.iss ?? "book-bazaar")
    .setAudience(options.aud ?? "book-bazaar-api")
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 600)
    .sign(await importJWK(key, "ES256"));
}

async function expect401(response: Response) {
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ code: "invalid_token" });
}

describe("access tokens that must be refused with 401", () => {
  it("a missing or non-Bearer Authorization header", async () => {
    const missing = await api("/v1/me");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.json()).toMatchObject({ code: "unauthorized" });
    expect((await api("/v1/me", { headers: { authorization: "Basic Zm9vOmJhcg==" } })).status).toBe(401);
    await expect401(await me("not-a-jwt"));
  });

  it("alg: none", async () => {
    const account = await signUp();
    const claims = decodeJwt(account.accessToken);
    const header = base64url.encode(JSON.stringify({ alg: "none", kid: currentKey.kid, typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify({ ...claims, roles: ["buyer", "admin"] }));
    await expect401(await me(`${header}.${payload}.`));
  });

  it("HS256 signed with the public key (algorithm confusion)", async () => {
    const account = await signUp();
    const claims = decodeJwt(account.accessToken);
    const { d: _private, ...publicJwk } = currentKey;
    const pem = await exportSPKI((await importJWK(publicJwk, "ES256", { extractable: true })) as CryptoKey);
    for (const secret of [pem, JSON.stringify(publicJwk)]) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", kid: currentKey.kid })
        .sign(new TextEncoder().encode(secret));
      await expect401(await me(forged));
    }
  });

  it("an unknown kid, or a key the server does not hold", async () => {
    const account = await signUp();
    const claims = decodeJwt(account.accessToken);
    const { privateKey } = await generateKeyPair("ES256");
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: "dev-someone-else" })
      .sign(privateKey);
    await expect401(await me(foreign));
    // The right kid on a signature by another key does not pass either.
    const impostor = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: currentKey.kid })
      .sign(privateKey);
    await expect401(await me(impostor));
  });

  it("an expired token", async () => {
    const account = await signUp();
    const { sub, sid, roles } = decodeJwt(account.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign(currentKey, { sub, sid, roles }, { iat: now - 1000, exp: now - 60 });
    await expect401(await me(expired));
  });

  it("a tampered payload", async () => {
    const account = await signUp();
    const [header, payload, signature] = account.accessToken.split(".") as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    const elevated = base64url.encode(JSON.stringify({ ...claims, roles: ["buyer", "seller", "admin"] }));
    await expect401(await me(`${header}.${elevated}.${signature}`));
  });

  it("a wrong issuer or audience", async () => {
    const account = await signUp();
    const { sub, sid, roles } = decodeJwt(account.accessToken);
    await expect401(await me(await sign(currentKey, { sub, sid, roles }, { iss: "someone-else" })));
    await expect401(await me(await sign(currentKey, { sub, sid, roles }, { aud: "another-api" })));
  });

  it("the token of a deleted user", async () => {
    const account = await signUp();
    const second = await (
      await api("/v1/auth/login", json({ email: account.email, password: account.password }))
    ).json<{
      accessToken: string;
    }>();
    const deleted = await api(
      "/v1/me",
      json({ password: account.password }, { method: "DELETE", headers: account.auth }),
    );
    expect(deleted.status).toBe(204);
    await expect401(await me(account.accessToken));
    await expect401(await me(second.accessToken));
  });

  it("the token of a revoked session", async () => {
    const account = await signUp();
    expect((await api("/v1/auth/logout", { method: "POST", headers: account.auth })).status).toBe(204);
    await expect401(await me(account.accessToken));
  });

  it("a well-signed token whose session belongs to someone else", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const forged = await sign(currentKey, { sub: bob.userId, sid: decodeJwt(alice.accessToken).sid, roles: ["buyer"] });
    await expect401(await me(forged));
  });
});

describe("key rotation", () => {
  it("a token signed with the previous (not yet retired) key still verifies", async () => {
    const account = await signUp();
    const { sub, sid, roles } = decodeJwt(account.accessToken);
    const response = await me(await sign(previousKey, { sub, sid, roles }));
    expect(response.status).toBe(200);
  });
});

describe("refresh-token reuse", () => {
  it("presenting a rotated refresh token revokes the whole session", async () => {
    const account = await signUp();
    const rotated = await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }));
    expect(rotated.status).toBe(200);
    const fresh = await rotated.json<{ accessToken: string; refreshToken: string }>();
    // Past the grace window that covers a client sending one refresh twice.
    await testDatabase
      .prepare("UPDATE refresh_tokens SET rotated_at = rotated_at - ? WHERE token_hash = ?")
      .bind(REFRESH_REUSE_GRACE_MS + 1_000, await sha256Hex(account.refreshToken))
      .run();

    const replay = await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }));
    expect(replay.status).toBe(401);

    // The legitimate holder of the newest tokens is out too: the session is gone.
    expect((await api("/v1/auth/refresh", json({ refreshToken: fresh.refreshToken }))).status).toBe(401);
    await expect401(await me(fresh.accessToken));
    const audit = await testDatabase
      .prepare("SELECT type FROM audit_log WHERE user_id = ? AND type = 'refresh_token_reused'")
      .bind(account.userId)
      .all();
    expect(audit.results).toHaveLength(1);
  });
});

describe("refresh races and session age", () => {
  type Pair = { accessToken: string; refreshToken: string };
  const refreshWith = (refreshToken: string) => api("/v1/auth/refresh", json({ refreshToken }));

  it("answers two concurrent refreshes with one token with the same new pair, and keeps the session", async () => {
    const account = await signUp();
    const [first, second] = await Promise.all([refreshWith(account.refreshToken), refreshWith(account.refreshToken)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const [a, b] = [await first.json<Pair>(), await second.json<Pair>()];
    expect(b.refreshToken).toBe(a.refreshToken);
    expect(b.accessToken).toBe(a.accessToken);
    expect((await me(a.accessToken)).status).toBe(200);
    // A retry a moment later gets it too, and the new refresh token works on.
    expect((await (await refreshWith(account.refreshToken)).json<Pair>()).refreshToken).toBe(a.refreshToken);
    expect((await refreshWith(a.refreshToken)).status).toBe(200);
    const reused = await testDatabase
      .prepare("SELECT type FROM audit_log WHERE user_id = ? AND type = 'refresh_token_reused'")
      .bind(account.userId)
      .all();
    expect(reused.results).toHaveLength(0);
  });

  it("refuses to refresh a session older than SESSION_MAX_AGE_DAYS (30 by default), however recently refreshed", async () => {
    const day = 24 * 60 * 60 * 1000;
    const account = await signUp();
    const ageSession = (days: number) =>
      testDatabase
        .prepare("UPDATE sessions SET created_at = ? WHERE user_id = ?")
        .bind(Date.now() - days * day, account.userId)
        .run();
    await ageSession(2);
    const young = await refreshWith(account.refreshToken);
    expect(young.status).toBe(200);
    const { refreshToken } = await young.json<Pair>();

    const oneDayMax = envWith({ SESSION_MAX_AGE_DAYS: "1" });
    const ctx = createExecutionContext();
    const limited = await createApp().fetch(
      new Request("http://bazaar.test/v1/auth/refresh", json({ refreshToken })),
      oneDayMax,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    await expect401(limited);

    await ageSession(30);
    await expect401(await refreshWith(refreshToken));
  });
});

describe("password reset does not reveal which emails have accounts", () => {
  it("answers known and unknown emails with the same status and body", async () => {
    const account = await signUp();
    const known = await api("/v1/auth/password-reset", json({ email: account.email }));
    const unknown = await api("/v1/auth/password-reset", json({ email: `nobody-${crypto.randomUUID()}@x.example` }));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    expect(known.headers.get("content-type")).toBe(unknown.headers.get("content-type"));
  });
});

describe("logs", () => {
  afterEach(() => vi.restoreAllMocks());

  it("no log line contains a password or a token", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }

    const email = `logs-${crypto.randomUUID().slice(0, 8)}@x.example`;
    const password = "a secret that must not leak";
    const newPassword = "another secret that must not leak";
    await api("/v1/auth/register", json({ email, password, name: "Logs" }));
    await api("/v1/auth/login", json({ email, password: "a wrong guess at it" }));
    const login = await (await api("/v1/auth/login", json({ email, password }))).json<{
      accessToken: string;
      refreshToken: string;
    }>();
    const refreshed = await (await api("/v1/auth/refresh", json({ refreshToken: login.refreshToken }))).json<{
      accessToken: string;
      refreshToken: string;
    }>();
    await api("/v1/auth/refresh", json({ refreshToken: login.refreshToken })); // a repeat within the grace window
    const [welcome] = await waitForMail(email, "verify-email");
    const verificationToken = codeIn(welcome!, "Verification code");
    await api("/v1/auth/verify-email", json({ token: verificationToken }));
    await api("/v1/auth/password-reset", json({ email }));
    const [reset] = await waitForMail(email, "password-reset");
    const resetToken = codeIn(reset!, "Reset code");
    await api("/v1/auth/password-reset/confirm", json({ token: resetToken, password: newPassword }));
    await waitForMail(email, "password-changed");

    const secrets = [
      password,
      newPassword,
      login.accessToken,
      login.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      verificationToken,
      resetToken,
    ];
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      // Nor the signature part alone, in case a token is ever cut in pieces.
      expect(line).not.toContain(login.accessToken.split(".")[2]);
    }
  });
});
