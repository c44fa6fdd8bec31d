import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { testDatabase } from "../support/database";
import { envWith } from "../support/env";
import { api, asAdmin, json, signUp, verifyEmailOf } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

async function refreshed(refreshToken: string) {
  const response = await api("/v1/auth/refresh", json({ refreshToken }));
  expect(response.status).toBe(200);
  return response.json<{ accessToken: string; refreshToken: string }>();
}

describe("admin role", () => {
  it("comes from ADMIN_EMAILS at login and leaves at refresh once the email is no longer listed", async () => {
    const admin = await asAdmin();
    expect(decodeJwt(admin.accessToken).roles).toEqual(["buyer", "admin"]);

    const withoutAdmins = envWith({ ADMIN_EMAILS: "" });
    const ctx = createExecutionContext();
    const request = new Request("http://bazaar.test/v1/auth/refresh", json({ refreshToken: admin.refreshToken }));
    const response = await createApp().fetch(request, withoutAdmins, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    const { accessToken } = await response.json<{ accessToken: string }>();
    expect(decodeJwt(accessToken).roles).toEqual(["buyer"]);
    expect((await api("/v1/admin/audit", { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(403);
  });

  it("is not granted by ADMIN_EMAILS to an unconfirmed address (and a grant it once made is withdrawn) until it is confirmed", async () => {
    // Anyone can register a listed address they do not own; only its owner can confirm it.
    const email = "admin-48@bazaar.test";
    const claimant = await signUp({ email });
    expect(decodeJwt(claimant.accessToken).roles).toEqual(["buyer"]);
    expect((await api("/v1/admin/audit", { headers: claimant.auth })).status).toBe(403);
    // A grant the configuration made before addresses had to be confirmed goes at the next refresh.
    await testDatabase
      .prepare("INSERT INTO user_roles (user_id, role, source, granted_at) VALUES (?, 'admin', 'config', ?)")
      .bind(claimant.userId, Date.now())
      .run();
    const withdrawn = await refreshed(claimant.refreshToken);
    expect(decodeJwt(withdrawn.accessToken).roles).toEqual(["buyer"]);
    expect(
      await testDatabase.prepare("SELECT role FROM user_roles WHERE user_id = ?").bind(claimant.userId).all(),
    ).toMatchObject({ results: [] });

    await verifyEmailOf(email);
    const confirmed = await refreshed(withdrawn.refreshToken);
    expect(decodeJwt(confirmed.accessToken).roles).toEqual(["buyer", "admin"]);
  });

  it("is not inherited by whoever registers a listed address after its owner deleted the account", async () => {
    const email = "admin-47@bazaar.test";
    const owner = await signUp({ email, verified: true });
    expect(decodeJwt(owner.accessToken).roles).toEqual(["buyer", "admin"]);
    const deleted = await api("/v1/me", json({ password: owner.password }, { method: "DELETE", headers: owner.auth }));
    expect(deleted.status).toBe(204);

    const newcomer = await signUp({ email });
    expect(newcomer.userId).not.toBe(owner.userId);
    expect(decodeJwt(newcomer.accessToken).roles).toEqual(["buyer"]);
    expect((await api("/v1/admin/audit", { headers: newcomer.auth })).status).toBe(403);
    // The address's second verification mail is the newcomer's (the owner's link died with the account).
    const [mail] = await waitForMail(email, "verify-email", 2);
    expect((await api("/v1/auth/verify-email", json({ token: codeIn(mail!, "Verification code") }))).status).toBe(204);
    expect(decodeJwt((await refreshed(newcomer.refreshToken)).accessToken).roles).toEqual(["buyer", "admin"]);
  });

  it("granted by an operator (a user_roles row, as `npm run admin:grant` writes) reaches the token at refresh", async () => {
    const account = await signUp();
    await testDatabase
      .prepare("INSERT INTO user_roles (user_id, role, source, granted_at) VALUES (?, 'admin', 'operator', ?)")
      .bind(account.userId, Date.now())
      .run();
    const refreshed = await (await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }))).json<{
      accessToken: string;
    }>();
    expect(decodeJwt(refreshed.accessToken).roles).toContain("admin");
    expect(
      (await api("/v1/admin/audit", { headers: { authorization: `Bearer ${refreshed.accessToken}` } })).status,
    ).toBe(200);
  });
});
