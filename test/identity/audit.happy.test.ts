import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";

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
    const { results } = await testDatabase.prepare("SELECT COUNT(*) AS n FROM audit_log").all<{ n: number }>();
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
