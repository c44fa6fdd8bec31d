import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/identity";

describe("the delivery log for operators (security)", () => {
  it("is for admins only", async () => {
    expect((await api("/v1/admin/deliveries")).status).toBe(401);
    const reader = await signUp();
    const response = await api(`/v1/admin/deliveries?userId=${reader.userId}`, { headers: reader.auth });
    expect(response.status).toBe(403);
  });
});
