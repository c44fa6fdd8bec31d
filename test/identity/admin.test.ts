import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { envWith } from "../support/env";
import { api, asAdmin, asSeller, json, signUp, verifyEmailOf } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

interface AuditPage {
  items: { id: string; type: string; userId: string | null; ip: string | null; detail: Record<string, unknown> }[];
  nextCursor: string | null;
}

const audit = async (auth: Record<string, string>, query = "") => {
  const response = await api(`/v1/admin/audit${query}`, { headers: auth });
  expect(response.status).toBe(200);
  return response.json<AuditPage>();
};

describe("GET /v1/admin/audit (happy)", () => {
  it("lists security events newest first, filtered by user and type", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    await api(
      "/v1/auth/login",
      json({ email: reader.email, password: "wrong password" }, { headers: { "cf-connecting-ip": "203.0.113.5" } }),
    );
    await api("/v1/auth/logout", { method: "POST", headers: reader.auth });

    const page = await audit(admin.auth, `?userId=${reader.userId}`);
    expect(page.items.map((e) => e.type)).toEqual(["logout", "login_failed", "login", "registered"]);
    expect(page.items[1]).toMatchObject({ ip: "203.0.113.5", detail: { reason: "wrong_password" } });
    const ids = page.items.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);

    const failures = await audit(admin.auth, `?type=login_failed&userId=${reader.userId}`);
    expect(failures.items).toHaveLength(1);
  });

  it("pages through every entry with the cursor, without repeats", async () => {
    const admin = await asAdmin();
    for (let i = 0; i < 3; i++) await signUp();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditPage = await audit(admin.auth, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const { results } = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").all<{ n: number }>();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(results[0]!.n);
  });

  it("records role grants: admin from configuration and seller on onboarding", async () => {
    const admin = await asAdmin();
    const seller = await asSeller();
    const grants = await audit(admin.auth, "?type=role_granted");
    const details = grants.items.map((e) => [e.userId, e.detail.role, e.detail.source ?? "self"]);
    expect(details).toContainEqual([admin.userId, "admin", "config"]);
    expect(details).toContainEqual([seller.userId, "seller", "self"]);
  });
});

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
    await env.DB.prepare("INSERT INTO user_roles (user_id, role, source, granted_at) VALUES (?, 'admin', 'config', ?)")
      .bind(claimant.userId, Date.now())
      .run();
    const withdrawn = await refreshed(claimant.refreshToken);
    expect(decodeJwt(withdrawn.accessToken).roles).toEqual(["buyer"]);
    expect(
      await env.DB.prepare("SELECT role FROM user_roles WHERE user_id = ?").bind(claimant.userId).all(),
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
    await env.DB.prepare(
      "INSERT INTO user_roles (user_id, role, source, granted_at) VALUES (?, 'admin', 'operator', ?)",
    )
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

describe("GET /v1/admin/audit (errors)", () => {
  it("refuses a bad cursor, an unknown type and an oversized page", async () => {
    const admin = await asAdmin();
    for (const query of ["?cursor=bm9wZQ", "?type=made_up", "?limit=1000", "?userId=bob"]) {
      const response = await api(`/v1/admin/audit${query}`, { headers: admin.auth });
      expect(response.status, query).toBe(400);
    }
  });
});

describe("GET /v1/admin/audit (security)", () => {
  it("needs a token, and the admin role: buyers and sellers get 403", async () => {
    expect((await api("/v1/admin/audit")).status).toBe(401);
    const buyer = await signUp();
    const buyerAttempt = await api("/v1/admin/audit", { headers: buyer.auth });
    expect(buyerAttempt.status).toBe(403);
    expect(await buyerAttempt.json()).toMatchObject({ code: "forbidden" });
    const seller = await asSeller();
    expect((await api("/v1/admin/audit", { headers: seller.auth })).status).toBe(403);
  });

  it("an admin whose session was revoked is refused", async () => {
    const admin = await asAdmin();
    await api("/v1/auth/logout", { method: "POST", headers: admin.auth });
    expect((await api("/v1/admin/audit", { headers: admin.auth })).status).toBe(401);
  });

  it("registering with an admin email does not make an admin until that account logs in", async () => {
    const response = await api(
      "/v1/auth/register",
      json({ email: "admin-49@bazaar.test", password: "the admin test password", name: "Admin" }),
    );
    expect([201, 409]).toContain(response.status);
    if (response.status === 201) {
      expect((await response.json<{ user: { roles: string[] } }>()).user.roles).toEqual(["buyer"]);
    }
  });
});
