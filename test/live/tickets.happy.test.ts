import { describe, expect, it } from "vitest";
import { signUp } from "../support/identity";
import { liveTicket, openLive } from "../support/live";

describe("live tickets (happy path)", () => {
  it("issues a short-lived ticket naming the user, with the WebSocket URL that uses it", async () => {
    const reader = await signUp();
    const before = Date.now();
    const body = await liveTicket(reader);
    expect(body.ticket).toMatch(new RegExp(`^${reader.userId}\\.[A-Za-z0-9_-]{43}$`));
    const lifetime = Date.parse(body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(25_000);
    expect(lifetime).toBeLessThanOrEqual(31_000);
    const url = new URL(body.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("ws://127.0.0.1:8787/v1/me/live");
    expect(url.searchParams.get("ticket")).toBe(body.ticket);
  });

  it("opens the user's channel, which says it is ready with nothing missed", async () => {
    const reader = await signUp();
    const live = await openLive(reader);
    expect(live.received).toEqual([
      { id: "0", type: "ready", at: expect.any(String), data: { replayed: 0, complete: true } },
    ]);
    live.close();
  });

  it("gives every tab its own ticket and socket", async () => {
    const reader = await signUp();
    const [first, second] = await Promise.all([liveTicket(reader), liveTicket(reader)]);
    expect(first.ticket).not.toBe(second.ticket);
    const tabs = await Promise.all([openLive(reader), openLive(reader)]);
    for (const tab of tabs) tab.close();
  });
});
