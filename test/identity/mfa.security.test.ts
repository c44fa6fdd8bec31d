import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { challengeFor, enableMfa, finishMfa } from "../support/mfa";

describe("TOTP multi-factor (security)", () => {
  it("the MFA account routes need a signed-in user", async () => {
    const routes: [string, string, unknown?][] = [
      ["POST", "/v1/me/mfa/totp"],
      ["POST", "/v1/me/mfa/totp/confirm", { code: "123456" }],
      ["DELETE", "/v1/me/mfa/totp", { password: "x", code: "123456" }],
    ];
    for (const [method, path, body] of routes) {
      const response = await api(path, body === undefined ? { method } : json(body, { method }));
      expect(response.status).toBe(401);
    }
  });

  it("a code is accepted once: the same code on a new challenge is 401", async () => {
    const reader = await enableMfa(await signUp());
    const code = await reader.authenticator.nextCode();
    expect((await finishMfa({ challengeId: await challengeFor(reader), code })).status).toBe(200);
    const replay = await finishMfa({ challengeId: await challengeFor(reader), code: reader.authenticator.lastCode() });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: "mfa_failed" });
  });

  it("a finished challenge cannot be used again, even with a fresh code", async () => {
    const reader = await enableMfa(await signUp());
    const challengeId = await challengeFor(reader);
    expect((await finishMfa({ challengeId, code: await reader.authenticator.nextCode() })).status).toBe(200);
    const again = await finishMfa({ challengeId, recoveryCode: reader.recoveryCodes[0]! });
    expect(again.status).toBe(401);
  });

  it("five wrong codes kill the challenge: the right code is refused after", async () => {
    const reader = await enableMfa(await signUp());
    const challengeId = await challengeFor(reader);
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await finishMfa({ challengeId, code: reader.authenticator.wrongCode() });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ code: "mfa_failed" });
    }
    const dead = await finishMfa({ challengeId, recoveryCode: reader.recoveryCodes[0]! });
    expect(dead.status).toBe(401);
    // The recovery code was not spent on the dead challenge: it works on a new one.
    const fresh = await finishMfa({ challengeId: await challengeFor(reader), recoveryCode: reader.recoveryCodes[0]! });
    expect(fresh.status).toBe(200);
  });

  it("a challenge is bound to its account: another user's code or recovery code does not finish it", async () => {
    const alice = await enableMfa(await signUp());
    const bob = await enableMfa(await signUp());
    const alicesChallenge = await challengeFor(alice);
    const withBobsCode = await finishMfa({ challengeId: alicesChallenge, code: await bob.authenticator.nextCode() });
    expect(withBobsCode.status).toBe(401);
    const withBobsRecovery = await finishMfa({ challengeId: alicesChallenge, recoveryCode: bob.recoveryCodes[0]! });
    expect(withBobsRecovery.status).toBe(401);
    const finished = await finishMfa({ challengeId: alicesChallenge, code: await alice.authenticator.nextCode() });
    expect(finished.status).toBe(200);
    expect((await finished.json<{ user: { id: string } }>()).user.id).toBe(alice.userId);
    // Bob's recovery code was not used up on Alice's challenge.
    const bobs = await finishMfa({ challengeId: await challengeFor(bob), recoveryCode: bob.recoveryCodes[0]! });
    expect(bobs.status).toBe(200);
  });

  it("the secret is stored sealed, and the recovery codes only as digests", async () => {
    const { testDatabase } = await import("../support/database");
    const reader = await enableMfa(await signUp());
    const stored = await testDatabase
      .prepare("SELECT sealed_secret FROM totp_authenticators WHERE user_id = ?")
      .bind(reader.userId)
      .first<{ sealed_secret: string }>();
    expect(stored?.sealed_secret).toBeTruthy();
    expect(stored?.sealed_secret).not.toMatch(/^[A-Z2-7]{32}$/);
    const { results } = await testDatabase
      .prepare("SELECT code_hash FROM recovery_codes WHERE user_id = ?")
      .bind(reader.userId)
      .all<{ code_hash: string }>();
    expect(results).toHaveLength(10);
    const plain = new Set(reader.recoveryCodes.flatMap((code) => [code, code.replace(/-/g, "")]));
    for (const row of results) expect(plain.has(row.code_hash)).toBe(false);
  });

  it("sign-in codes are rate-limited per IP like logins (429 with Retry-After)", async () => {
    // The test config allows one IP 50 login attempts a minute; codes share that budget.
    const ip = "198.51.100.250";
    const send = () =>
      api(
        "/v1/auth/mfa",
        json({ challengeId: "b".repeat(43), code: "123456" }, { headers: { "cf-connecting-ip": ip } }),
      );
    let last = await send();
    for (let attempt = 1; attempt <= 50 && last.status !== 429; attempt++) {
      expect(last.status).toBe(401);
      last = await send();
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
