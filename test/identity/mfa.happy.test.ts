import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";
import { challengeFor, enableMfa, finishMfa } from "../support/mfa";

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; mfaEnabled: boolean };
}

describe("TOTP multi-factor (happy)", () => {
  it("enrols with a provisioning URI and QR code, then signs in with password and code", async () => {
    const reader = await signUp();
    const started = await api("/v1/me/mfa/totp", { method: "POST", headers: reader.auth });
    expect(started.status).toBe(201);
    const provisioning = await started.json<{ secret: string; uri: string; qrSvg: string }>();
    expect(provisioning.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(provisioning.uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(provisioning.secret);
    expect(uri.searchParams.get("issuer")).toBe("Book Bazaar");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(provisioning.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);

    const before = await (await api("/v1/me", { headers: reader.auth })).json<{ user: { mfaEnabled: boolean } }>();
    expect(before.user.mfaEnabled).toBe(false);

    const totp = new TOTP({ secret: Secret.fromBase32(provisioning.secret), algorithm: "SHA1", digits: 6, period: 30 });
    const confirmed = await api(
      "/v1/me/mfa/totp/confirm",
      json({ code: totp.generate({ timestamp: Date.now() }) }, { headers: reader.auth }),
    );
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = await confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);

    const after = await (await api("/v1/me", { headers: reader.auth })).json<{ user: { mfaEnabled: boolean } }>();
    expect(after.user.mfaEnabled).toBe(true);

    const login = await api("/v1/auth/login", json({ email: reader.email, password: reader.password }));
    expect(login.status).toBe(401);
    expect(login.headers.get("content-type")).toContain("application/problem+json");
    const challenge = await login.json<{ code: string; challengeId: string; expiresAt: string }>();
    expect(challenge.code).toBe("mfa_required");
    expect(Date.parse(challenge.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);

    // The confirmation used this step's code; the next step's is within the window and not used yet.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const finished = await finishMfa({ challengeId: challenge.challengeId, code: next });
    expect(finished.status).toBe(200);
    const tokens = await finished.json<Tokens>();
    expect(tokens.user).toMatchObject({ id: reader.userId, mfaEnabled: true });
    const me = await api("/v1/me", { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(me.status).toBe(200);
    const refreshed = await api("/v1/auth/refresh", json({ refreshToken: tokens.refreshToken }));
    expect(refreshed.status).toBe(200);
  });

  it("asking again before confirming replaces the pending secret", async () => {
    const reader = await signUp();
    const first = await (await api("/v1/me/mfa/totp", { method: "POST", headers: reader.auth })).json<{
      secret: string;
    }>();
    const second = await api("/v1/me/mfa/totp", { method: "POST", headers: reader.auth });
    expect(second.status).toBe(201);
    const replacement = (await second.json<{ secret: string }>()).secret;
    expect(replacement).not.toBe(first.secret);
    const stale = new TOTP({ secret: Secret.fromBase32(first.secret) }).generate();
    const refused = await api("/v1/me/mfa/totp/confirm", json({ code: stale }, { headers: reader.auth }));
    expect(refused.status).toBe(422);
    const fresh = new TOTP({ secret: Secret.fromBase32(replacement) }).generate();
    expect((await api("/v1/me/mfa/totp/confirm", json({ code: fresh }, { headers: reader.auth }))).status).toBe(200);
  });

  it("a recovery code signs in once, typed in any case and without dashes", async () => {
    const reader = await enableMfa(await signUp());
    const [code] = reader.recoveryCodes;
    const typed = code!.toUpperCase().replace(/-/g, "");
    const first = await finishMfa({ challengeId: await challengeFor(reader), recoveryCode: typed });
    expect(first.status).toBe(200);
    const again = await finishMfa({ challengeId: await challengeFor(reader), recoveryCode: code! });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: "mfa_failed" });
    const another = await finishMfa({
      challengeId: await challengeFor(reader),
      recoveryCode: reader.recoveryCodes[1]!,
    });
    expect(another.status).toBe(200);
  });

  it("turning it off needs the password and a code; then login is one step again", async () => {
    const reader = await enableMfa(await signUp());
    const off = await api(
      "/v1/me/mfa/totp",
      json(
        { password: reader.password, code: await reader.authenticator.nextCode() },
        { method: "DELETE", headers: reader.auth },
      ),
    );
    expect(off.status).toBe(204);
    const me = await (await api("/v1/me", { headers: reader.auth })).json<{ user: { mfaEnabled: boolean } }>();
    expect(me.user.mfaEnabled).toBe(false);
    const login = await api("/v1/auth/login", json({ email: reader.email, password: reader.password }));
    expect(login.status).toBe(200);
  });

  it("enrolment, disabling, sign-ins and recovery codes are in the audit log", async () => {
    const admin = await asAdmin();
    const reader = await enableMfa(await signUp());
    const wrong = await finishMfa({ challengeId: await challengeFor(reader), code: reader.authenticator.wrongCode() });
    expect(wrong.status).toBe(401);
    expect(
      (await finishMfa({ challengeId: await challengeFor(reader), recoveryCode: reader.recoveryCodes[0]! })).status,
    ).toBe(200);
    const off = await api(
      "/v1/me/mfa/totp",
      json(
        { password: reader.password, code: await reader.authenticator.nextCode() },
        { method: "DELETE", headers: reader.auth },
      ),
    );
    expect(off.status).toBe(204);

    const page = await api(`/v1/admin/audit?userId=${reader.userId}&limit=50`, { headers: admin.auth });
    const types = (await page.json<{ items: { type: string; detail: Record<string, unknown> }[] }>()).items;
    const seen = types.map((entry) => entry.type);
    for (const type of ["mfa_enrolled", "mfa_failed", "mfa_succeeded", "recovery_code_used", "mfa_disabled"]) {
      expect(seen).toContain(type);
    }
    const methods = types.filter((entry) => entry.type === "mfa_succeeded").map((entry) => entry.detail.method);
    expect(methods).toEqual(["recovery_code"]);
    const failure = types.find((entry) => entry.type === "mfa_failed");
    expect(failure?.detail).toMatchObject({ method: "totp", attemptsLeft: 4 });
  });
});
