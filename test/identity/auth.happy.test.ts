import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

const unique = () => crypto.randomUUID().slice(0, 8);

interface Tokens {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
  user: { id: string; email: string; roles: string[]; emailVerified: boolean };
}

async function outboxTypes(): Promise<string[]> {
  const { results } = await testDatabase.prepare("SELECT type FROM outbox").all<{ type: string }>();
  return results.map((row) => row.type);
}

describe("registration and email verification", () => {
  it("creates an account with a normalised email and mails a verification link that verifies it once", async () => {
    const typed = `  Ada.${unique()}@Example.COM `;
    const response = await api(
      "/v1/auth/register",
      json({ email: typed, password: "analytical engine 1843", name: "Ada" }),
    );
    expect(response.status).toBe(201);
    const { user } = await response.json<{ user: Record<string, unknown> }>();
    const email = `${typed.trim().split("@")[0]}@example.com`;
    expect(user).toMatchObject({ email, name: "Ada", emailVerified: false, roles: ["buyer"], sellerId: null });
    expect(user.id).toMatch(/^usr_[0-9a-f]{32}$/);
    expect(user).not.toHaveProperty("passwordHash");
    expect(await outboxTypes()).toContain("UserRegistered");

    const [verification] = await waitForMail(email, "verify-email");
    expect(verification!.text).toContain("/verify-email?token=");
    const token = codeIn(verification!, "Verification code");

    const verified = await api("/v1/auth/verify-email", json({ token }));
    expect(verified.status).toBe(204);
    const login = await api("/v1/auth/login", json({ email, password: "analytical engine 1843" }));
    expect((await login.json<Tokens>()).user.emailVerified).toBe(true);

    const again = await api("/v1/auth/verify-email", json({ token }));
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "invalid_or_expired_token" });
    // The welcome comes once the address is confirmed, not before.
    const [welcome] = await waitForMail(email, "welcome");
    expect(welcome!.text).toContain("Hello Ada,");
  });

  it("logs in with any capitalisation of the email", async () => {
    const account = await signUp({ email: `Grace.${unique()}@navy.example` });
    const response = await api(
      "/v1/auth/login",
      json({ email: account.email.toUpperCase(), password: account.password }),
    );
    expect(response.status).toBe(200);
  });

  it("mails a fresh verification link on request", async () => {
    const account = await signUp();
    const response = await api("/v1/auth/verify-email/resend", { method: "POST", headers: account.auth });
    expect(response.status).toBe(202);
    const [mail] = await waitForMail(account.email, "verify-email");
    expect(await api("/v1/auth/verify-email", json({ token: codeIn(mail!, "Verification code") }))).toHaveProperty(
      "status",
      204,
    );
  });
});

describe("login and tokens", () => {
  it("returns an ES256 access token with kid, sub, sid and roles for 15 minutes, and an opaque refresh token", async () => {
    const account = await signUp();
    const response = await api("/v1/auth/login", json({ email: account.email, password: account.password }));
    expect(response.status).toBe(200);
    const body = await response.json<Tokens>();
    expect(body).toMatchObject({ tokenType: "Bearer", expiresIn: 900, user: { id: account.userId, roles: ["buyer"] } });

    const header = decodeProtectedHeader(body.accessToken);
    expect(header).toMatchObject({ alg: "ES256", kid: "dev-test-current" });
    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({ sub: account.userId, roles: ["buyer"], iss: "book-bazaar", aud: "book-bazaar-api" });
    expect(claims.sid).toMatch(/^ses_[0-9a-f]{32}$/);
    expect(claims.exp! - claims.iat!).toBe(900);

    // 32 random bytes, base64url: at least 256 bits, and not a JWT.
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await outboxTypes()).toContain("UserAuthenticated");
  });

  it("publishes every configured public key, without private parts", async () => {
    const response = await api("/.well-known/jwks.json");
    expect(response.status).toBe(200);
    const { keys } = await response.json<{ keys: Record<string, string>[] }>();
    expect(keys.map((key) => key.kid)).toEqual(["dev-test-current", "dev-test-previous"]);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
      expect(key).not.toHaveProperty("d");
    }
  });

  it("rotates the refresh token: the new pair works, the access token still identifies the same session", async () => {
    const account = await signUp();
    const response = await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }));
    expect(response.status).toBe(200);
    const body = await response.json<Tokens>();
    expect(body.refreshToken).not.toBe(account.refreshToken);
    expect(decodeJwt(body.accessToken).sid).toBe(decodeJwt(account.accessToken).sid);
    const me = await api("/v1/me", { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    const next = await api("/v1/auth/refresh", json({ refreshToken: body.refreshToken }));
    expect(next.status).toBe(200);
  });

  it("logout revokes the current session only", async () => {
    const account = await signUp();
    const other = await api("/v1/auth/login", json({ email: account.email, password: account.password }));
    const otherTokens = await other.json<Tokens>();

    expect((await api("/v1/auth/logout", { method: "POST", headers: account.auth })).status).toBe(204);
    expect((await api("/v1/me", { headers: account.auth })).status).toBe(401);
    expect((await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }))).status).toBe(401);
    const stillIn = await api("/v1/me", { headers: { authorization: `Bearer ${otherTokens.accessToken}` } });
    expect(stillIn.status).toBe(200);
  });

  it("logout-all revokes every session of the account", async () => {
    const account = await signUp();
    const other = await (
      await api("/v1/auth/login", json({ email: account.email, password: account.password }))
    ).json<Tokens>();
    expect((await api("/v1/auth/logout-all", { method: "POST", headers: account.auth })).status).toBe(204);
    expect((await api("/v1/me", { headers: account.auth })).status).toBe(401);
    expect((await api("/v1/me", { headers: { authorization: `Bearer ${other.accessToken}` } })).status).toBe(401);
    expect((await api("/v1/auth/refresh", json({ refreshToken: other.refreshToken }))).status).toBe(401);
  });
});

describe("password reset", () => {
  it("mails a single-use link; confirming sets the password and revokes every session", async () => {
    const account = await signUp();
    const second = await (
      await api("/v1/auth/login", json({ email: account.email, password: account.password }))
    ).json<Tokens>();

    const requested = await api("/v1/auth/password-reset", json({ email: account.email }));
    expect(requested.status).toBe(202);
    const [mail] = await waitForMail(account.email, "password-reset");
    expect(mail!.text).toContain("/reset-password?token=");
    const token = codeIn(mail!, "Reset code");

    const newPassword = "a brand new passphrase";
    const confirmed = await api("/v1/auth/password-reset/confirm", json({ token, password: newPassword }));
    expect(confirmed.status).toBe(204);

    for (const tokens of [account, second]) {
      expect((await api("/v1/me", { headers: { authorization: `Bearer ${tokens.accessToken}` } })).status).toBe(401);
      expect((await api("/v1/auth/refresh", json({ refreshToken: tokens.refreshToken }))).status).toBe(401);
    }
    const oldLogin = await api("/v1/auth/login", json({ email: account.email, password: account.password }));
    expect(oldLogin.status).toBe(401);
    const newLogin = await api("/v1/auth/login", json({ email: account.email, password: newPassword }));
    expect(newLogin.status).toBe(200);
    // The link proved control of the mailbox.
    expect((await newLogin.json<Tokens>()).user.emailVerified).toBe(true);

    const reused = await api("/v1/auth/password-reset/confirm", json({ token, password: "yet another passphrase" }));
    expect(reused.status).toBe(400);
    await waitForMail(account.email, "password-changed");
  });
});
