import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/identity";

describe("live tickets (errors)", () => {
  it("gives no ticket for a channel closed for good (its account deleted), as a 401 problem", async () => {
    const reader = await signUp();
    await env.LIVE.getByName(reader.userId).close();
    const response = await api("/v1/me/live-ticket", { method: "POST", headers: reader.auth });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      code: "unauthorized",
      detail: "This account's live channel is closed.",
    });
  });
});
