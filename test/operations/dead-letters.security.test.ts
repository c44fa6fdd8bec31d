import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/identity";

describe("dead-letter admin (security)", () => {
  it("is for admins only", async () => {
    expect((await api("/v1/admin/dead-letters")).status).toBe(401);
    const buyer = await signUp();
    expect((await api("/v1/admin/dead-letters", { headers: buyer.auth })).status).toBe(403);
    const replay = await api(`/v1/admin/dead-letters/dlq_${"0".repeat(32)}/replay`, {
      method: "POST",
      headers: buyer.auth,
    });
    expect(replay.status).toBe(403);
  });
});
