import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../workers/lib/tokens";
import { api, signUp } from "../support/identity";
import { liveTicket } from "../support/live";

describe("live tickets (security)", () => {
  it("gives no ticket without a valid access token", async () => {
    const anonymous = await api("/v1/me/live-ticket", { method: "POST" });
    expect(anonymous.status).toBe(401);
    const forged = await api("/v1/me/live-ticket", { method: "POST", headers: { authorization: "Bearer nope" } });
    expect(forged.status).toBe(401);
  });

  it("keeps only a ticket's hash, in its user's object", async () => {
    const reader = await signUp();
    const { ticket } = await liveTicket(reader);
    const stored = await runInDurableObject(env.LIVE.getByName(reader.userId), (_, state) =>
      state.storage.sql.exec<{ hash: string }>("SELECT hash FROM tickets").toArray(),
    );
    expect(stored).toEqual([{ hash: await sha256Hex(ticket) }]);
  });
});
