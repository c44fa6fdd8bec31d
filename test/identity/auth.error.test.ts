import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

const unique = () => crypto.randomUUID().slice(0, 8);
const register = (body: Record<string, unknown>) => api("/v1/auth/register", json(body));

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe("register refuses", () => {
  it("a missing or malformed field, naming it", async () => {
    const response = await register({ email: "not-an-email", password: "long enough password" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json<Problem>();
    expect(body.code).toBe("validation_failed");
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["email", "name"]);
  });

  it("a password shorter than 10 characters", async () => {
    const response = await register({ email: `a${unique()}@x.example`, password: "short pw", name: "A" });
    expect(response.status).toBe(400);
    expect((await response.json<Problem>()).errors).toEqual([expect.objectContaining({ path: "password" })]);
  });

  it("one of the most common passwords, whatever its case", async () => {
    for (const password of ["1234567890", "qwertyuiop", "Password123", "iloveyou12"]) {
      const response = await register({ email: `c${unique()}@x.example`, password, name: "C" });
      expect(response.status, password).toBe(422);
      const body = await response.json<Problem>();
      expect(body.code).toBe("weak_password");
      expect(body.errors).toEqual([{ path: "password", message: expect.stringContaining("most common") }]);
    }
  });

  it("the email address (or its local part) as the password", async () => {
    const local = `reader.${unique()}`;
    const email = `${local}@books.example`;
    for (const password of [email, email.toUpperCase(), local]) {
      const response = await register({ email, password, name: "R" });
      expect(response.status, password).toBe(422);
      expect((await response.json<Problem>()).detail).toContain("email");
    }
  });

  it("an email that is already registered, whatever its case, with email_taken", async () => {
    const account = await signUp();
    const response = await register({
      email: account.email.toUpperCase(),
      password: "another long password",
      name: "B",
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "email_taken" });
  });

  it("unknown fields are ignored, not stored", async () => {
    const response = await register({
      email: `r${unique()}@x.example`,
      password: "long enough password",
      name: "R",
      roles: ["admin"],
    });
    expect(response.status).toBe(201);
    expect((await response.json<{ user: { roles: string[] } }>()).user.roles).toEqual(["buyer"]);
  });
});

describe("login refuses", () => {
  it("a wrong password and an unknown email with the same 401 invalid_credentials", async () => {
    const account = await signUp();
    const wrongPassword = await api("/v1/auth/login", json({ email: account.email, password: "not the password" }));
    const unknownEmail = await api("/v1/auth/login", json({ email: `nobody-${unique()}@x.example`, password: "x" }));
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(await wrongPassword.json())).toEqual(strip(await unknownEmail.json()));
  });

  it("a deleted account", async () => {
    const account = await signUp();
    const deleted = await api(
      "/v1/me",
      json({ password: account.password }, { method: "DELETE", headers: account.auth }),
    );
    expect(deleted.status).toBe(204);
    const response = await api("/v1/auth/login", json({ email: account.email, password: account.password }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "invalid_credentials" });
  });

  it("a body without a password", async () => {
    const response = await api("/v1/auth/login", json({ email: "a@b.example" }));
    expect(response.status).toBe(400);
    expect((await response.json<Problem>()).errors?.[0]?.path).toBe("password");
  });
});

describe("tokens that do not work", () => {
  it("verify-email with an unknown or expired token is a 400", async () => {
    const unknown = await api("/v1/auth/verify-email", json({ token: "A".repeat(43) }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "invalid_or_expired_token" });

    const account = await signUp();
    const [mail] = await waitForMail(account.email, "verify-email");
    await testDatabase
      .prepare("UPDATE one_time_tokens SET expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, account.userId)
      .run();
    const expired = await api("/v1/auth/verify-email", json({ token: codeIn(mail!, "Verification code") }));
    expect(expired.status).toBe(400);
  });

  it("resending verification for a verified address is a 409", async () => {
    const account = await signUp();
    const [mail] = await waitForMail(account.email, "verify-email");
    await api("/v1/auth/verify-email", json({ token: codeIn(mail!, "Verification code") }));
    const response = await api("/v1/auth/verify-email/resend", { method: "POST", headers: account.auth });
    expect(response.status).toBe(409);
  });

  it("refresh with a token that was never issued is a 401", async () => {
    const response = await api("/v1/auth/refresh", json({ refreshToken: "B".repeat(43) }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "invalid_token" });
  });

  it("refresh with an expired refresh token is a 401", async () => {
    const account = await signUp();
    await testDatabase
      .prepare(
        "UPDATE refresh_tokens SET expires_at = ? WHERE session_id IN (SELECT id FROM sessions WHERE user_id = ?)",
      )
      .bind(Date.now() - 1, account.userId)
      .run();
    expect((await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }))).status).toBe(401);
  });

  it("password-reset confirm with an unknown token is a 400", async () => {
    const response = await api(
      "/v1/auth/password-reset/confirm",
      json({ token: "C".repeat(43), password: "long new password" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_or_expired_token" });
  });

  it("an expired reset token is a 400 and changes nothing", async () => {
    const account = await signUp();
    await api("/v1/auth/password-reset", json({ email: account.email }));
    const [mail] = await waitForMail(account.email, "password-reset");
    await testDatabase
      .prepare("UPDATE one_time_tokens SET expires_at = ? WHERE user_id = ? AND purpose = 'password_reset'")
      .bind(Date.now() - 1, account.userId)
      .run();
    const response = await api(
      "/v1/auth/password-reset/confirm",
      json({ token: codeIn(mail!, "Reset code"), password: "long new password" }),
    );
    expect(response.status).toBe(400);
    expect((await api("/v1/me", { headers: account.auth })).status).toBe(200);
  });

  it("a weak new password on reset is a 422 and does not spend the link", async () => {
    const account = await signUp();
    await api("/v1/auth/password-reset", json({ email: account.email }));
    const [mail] = await waitForMail(account.email, "password-reset");
    const token = codeIn(mail!, "Reset code");
    const weak = await api("/v1/auth/password-reset/confirm", json({ token, password: "1234567890" }));
    expect(weak.status).toBe(422);
    const strong = await api("/v1/auth/password-reset/confirm", json({ token, password: "a strong new passphrase" }));
    expect(strong.status).toBe(204);
  });
});
