import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";

const post = (path: string, body: unknown, auth: Record<string, string>) => api(path, json(body, { headers: auth }));

describe("/v1/admin/users (happy)", () => {
  it("lists accounts by email prefix and role, pages, and shows one account", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    const byEmail = await api(`/v1/admin/users?email=${encodeURIComponent(reader.email.toUpperCase())}`, {
      headers: admin.auth,
    });
    expect(byEmail.status).toBe(200);
    const page = await byEmail.json<{ items: { id: string; status: string; roles: string[] }[] }>();
    expect(page.items).toEqual([expect.objectContaining({ id: reader.userId, status: "active", roles: ["buyer"] })]);

    const admins = await (await api("/v1/admin/users?role=admin&limit=1", { headers: admin.auth })).json<{
      items: { roles: string[] }[];
      nextCursor: string | null;
    }>();
    expect(admins.items).toHaveLength(1);
    expect(admins.items[0]?.roles).toContain("admin");

    const detail = await api(`/v1/admin/users/${reader.userId}`, { headers: admin.auth });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: reader.userId, liveSessions: 1, mfaEnabled: false });
  });

  it("pages through every account with the cursor, each once", async () => {
    const admin = await asAdmin();
    const readers = await Promise.all([signUp(), signUp(), signUp()]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const response = await api(`/v1/admin/users?limit=2${query}`, { headers: admin.auth });
      expect(response.status).toBe(200);
      const page = await response.json<{ items: { id: string }[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const reader of readers) expect(seen).toContain(reader.userId);
    expect(seen).toContain(admin.userId);
  });

  it("grants and revokes a role, effective on the next request with the old access token", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    expect((await api("/v1/admin/users", { headers: reader.auth })).status).toBe(403);

    const granted = await post(`/v1/admin/users/${reader.userId}/roles`, { grant: "admin" }, admin.auth);
    expect(granted.status).toBe(200);
    expect((await granted.json<{ roles: string[] }>()).roles).toEqual(["buyer", "admin"]);
    expect((await post(`/v1/admin/users/${reader.userId}/roles`, { grant: "admin" }, admin.auth)).status).toBe(200);
    expect((await api("/v1/admin/users", { headers: reader.auth })).status).toBe(200);

    const revoked = await post(`/v1/admin/users/${reader.userId}/roles`, { revoke: "admin" }, admin.auth);
    expect((await revoked.json<{ roles: string[] }>()).roles).toEqual(["buyer"]);
    expect((await api("/v1/admin/users", { headers: reader.auth })).status).toBe(403);

    const trail = await api(`/v1/admin/audit?userId=${reader.userId}&type=role_revoked`, { headers: admin.auth });
    const entries = (await trail.json<{ items: { actorId: string; detail: Record<string, unknown> }[] }>()).items;
    expect(entries).toEqual([
      expect.objectContaining({ actorId: admin.userId, detail: { role: "admin", before: ["admin"], after: [] } }),
    ]);
  });

  it("suspends: sessions end, sign-in and refresh answer 403; unsuspending lets the user in again", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    const suspended = await post(`/v1/admin/users/${reader.userId}/suspend`, { reason: "fraud" }, admin.auth);
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ status: "suspended", suspendedReason: "fraud", liveSessions: 0 });

    expect((await api("/v1/me", { headers: reader.auth })).status).toBe(401);
    const login = await api("/v1/auth/login", json({ email: reader.email, password: reader.password }));
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ code: "account_suspended" });
    const wrong = await api("/v1/auth/login", json({ email: reader.email, password: "not the password" }));
    expect(wrong.status).toBe(401);
    expect((await api("/v1/auth/refresh", json({ refreshToken: reader.refreshToken }))).status).not.toBe(200);

    const unsuspended = await post(`/v1/admin/users/${reader.userId}/unsuspend`, {}, admin.auth);
    expect(await unsuspended.json()).toMatchObject({ status: "active", suspendedAt: null });
    expect((await api("/v1/auth/login", json({ email: reader.email, password: reader.password }))).status).toBe(200);

    const trail = await api(`/v1/admin/audit?userId=${reader.userId}&type=user_suspended`, { headers: admin.auth });
    expect((await trail.json<{ items: { detail: unknown }[] }>()).items[0]?.detail).toEqual({
      before: "active",
      after: "suspended",
      reason: "fraud",
    });
  });
});
