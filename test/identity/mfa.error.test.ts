import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { Authenticator, enableMfa, finishMfa } from "../support/mfa";

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return response.json<{ code: string }>();
};

describe("TOTP multi-factor (errors)", () => {
  it("enrolling again with TOTP on is 409 mfa_enabled; confirming with nothing pending is 409", async () => {
    const reader = await signUp();
    const early = await api("/v1/me/mfa/totp/confirm", json({ code: "123456" }, { headers: reader.auth }));
    expect(early.status).toBe(409);
    expect(await problemOf(early)).toMatchObject({ code: "mfa_not_enabled" });
    const on = await enableMfa(reader);
    const again = await api("/v1/me/mfa/totp", { method: "POST", headers: on.auth });
    expect(again.status).toBe(409);
    expect(await problemOf(again)).toMatchObject({ code: "mfa_enabled" });
    const reconfirm = await api("/v1/me/mfa/totp/confirm", json({ code: "123456" }, { headers: on.auth }));
    expect(reconfirm.status).toBe(409);
  });

  it("a wrong confirmation code is 422 invalid_mfa_code and leaves TOTP off", async () => {
    const reader = await signUp();
    const started = await api("/v1/me/mfa/totp", { method: "POST", headers: reader.auth });
    const authenticator = new Authenticator((await started.json<{ secret: string }>()).secret);
    const wrong = await api(
      "/v1/me/mfa/totp/confirm",
      json({ code: authenticator.wrongCode() }, { headers: reader.auth }),
    );
    expect(wrong.status).toBe(422);
    expect(await problemOf(wrong)).toMatchObject({ code: "invalid_mfa_code" });
    const me = await (await api("/v1/me", { headers: reader.auth })).json<{ user: { mfaEnabled: boolean } }>();
    expect(me.user.mfaEnabled).toBe(false);
  });

  it("bodies of the wrong shape are 400", async () => {
    const reader = await signUp();
    for (const body of [{}, { code: "12345" }, { code: "abcdef" }, { code: 123456 }]) {
      const response = await api("/v1/me/mfa/totp/confirm", json(body, { headers: reader.auth }));
      expect(response.status).toBe(400);
    }
    const challengeId = "x".repeat(43);
    for (const body of [
      { challengeId },
      { challengeId, code: "123456", recoveryCode: "abcd-efgh-ijkl-mnop" },
      { code: "123456" },
      { challengeId, recoveryCode: "not one!" },
    ]) {
      const response = await finishMfa(body as { challengeId: string });
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ code: "validation_failed" });
    }
    const missing = await api(
      "/v1/me/mfa/totp",
      json({ password: reader.password }, { method: "DELETE", headers: reader.auth }),
    );
    expect(missing.status).toBe(400);
  });

  it("an unknown challenge is 401 mfa_failed", async () => {
    const response = await finishMfa({ challengeId: "a".repeat(43), code: "123456" });
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({ code: "mfa_failed" });
  });

  it("disabling with a wrong password is 403, with a wrong code 422, when off 409", async () => {
    const reader = await enableMfa(await signUp());
    const badPassword = await api(
      "/v1/me/mfa/totp",
      json(
        { password: "not the password", code: await reader.authenticator.nextCode() },
        { method: "DELETE", headers: reader.auth },
      ),
    );
    expect(badPassword.status).toBe(403);
    expect(await problemOf(badPassword)).toMatchObject({ code: "wrong_password" });
    const badCode = await api(
      "/v1/me/mfa/totp",
      json(
        { password: reader.password, code: reader.authenticator.wrongCode() },
        { method: "DELETE", headers: reader.auth },
      ),
    );
    expect(badCode.status).toBe(422);
    expect(await problemOf(badCode)).toMatchObject({ code: "invalid_mfa_code" });
    const me = await (await api("/v1/me", { headers: reader.auth })).json<{ user: { mfaEnabled: boolean } }>();
    expect(me.user.mfaEnabled).toBe(true);

    const plain = await signUp();
    const off = await api(
      "/v1/me/mfa/totp",
      json({ password: plain.password, code: "123456" }, { method: "DELETE", headers: plain.auth }),
    );
    expect(off.status).toBe(409);
    expect(await problemOf(off)).toMatchObject({ code: "mfa_not_enabled" });
  });

  it("a wrong password with TOTP on is still 401 invalid_credentials, with no challenge", async () => {
    const reader = await enableMfa(await signUp());
    const response = await api("/v1/auth/login", json({ email: reader.email, password: "not the password" }));
    expect(response.status).toBe(401);
    const body = await problemOf(response);
    expect(body).toMatchObject({ code: "invalid_credentials" });
    expect(body).not.toHaveProperty("challengeId");
  });
});
