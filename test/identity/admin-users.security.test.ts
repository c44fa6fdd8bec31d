import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";

describe("/v1/admin/users (security)", () => {
  it("is for admins only", async () => {
    const reader = await signUp();
    const victim = await signUp();
    expect((await api("/v1/admin/users")).status).toBe(401);
    expect((await api("/v1/admin/users", { headers: reader.auth })).status).toBe(403);
    expect((await api(`/v1/admin/users/${victim.userId}`, { headers: reader.auth })).status).toBe(403);
    const suspend = await api(
      `/v1/admin/users/${victim.userId}/suspend`,
      json({ reason: "x" }, { headers: reader.auth }),
    );
    expect(suspend.status).toBe(403);
    const grant = await api(
      `/v1/admin/users/${reader.userId}/roles`,
      json({ grant: "admin" }, { headers: reader.auth }),
    );
    expect(grant.status).toBe(403);
    expect((await api("/v1/me", { headers: victim.auth })).status).toBe(200);
  });
});
