import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";

const post = (path: string, body: unknown, auth: Record<string, string>) => api(path, json(body, { headers: auth }));
const code = async (response: Response) => ({
  status: response.status,
  code: (await response.json<{ code: string }>()).code,
});

describe("/v1/admin/users (errors)", () => {
  it("refuses revoking your own admin role, a configured role, and suspending yourself", async () => {
    const admin = await asAdmin();
    const other = await asAdmin();
    expect(await code(await post(`/v1/admin/users/${admin.userId}/roles`, { revoke: "admin" }, admin.auth))).toEqual({
      status: 409,
      code: "own_admin_role",
    });
    expect(await code(await post(`/v1/admin/users/${other.userId}/roles`, { revoke: "admin" }, admin.auth))).toEqual({
      status: 409,
      code: "config_role",
    });
    expect(await code(await post(`/v1/admin/users/${admin.userId}/suspend`, { reason: "x" }, admin.auth))).toEqual({
      status: 409,
      code: "own_account",
    });
  });

  it("answers 404 for an unknown account and 400 for a bad body", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    const unknown = `${reader.userId.slice(0, -1)}${reader.userId.endsWith("0") ? "1" : "0"}`;
    expect((await api(`/v1/admin/users/${unknown}`, { headers: admin.auth })).status).toBe(404);
    const both = await post(`/v1/admin/users/${reader.userId}/roles`, { grant: "admin", revoke: "seller" }, admin.auth);
    expect(both.status).toBe(400);
    expect((await post(`/v1/admin/users/${reader.userId}/roles`, {}, admin.auth)).status).toBe(400);
    expect((await post(`/v1/admin/users/${reader.userId}/roles`, { grant: "buyer" }, admin.auth)).status).toBe(400);
    expect((await post(`/v1/admin/users/${reader.userId}/suspend`, {}, admin.auth)).status).toBe(400);
  });
});
