import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signUp } from "../support/identity";
import { liveTicket, openLive, settle, upgrade } from "../support/live";

const tablesOf = (userId: string) =>
  runInDurableObject(env.LIVE.getByName(userId), (_, state) =>
    state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").toArray(),
  );

describe("the live channel's upgrade (security)", () => {
  it("opens no one's channel with a ticket whose secret was issued to someone else", async () => {
    const [victim, intruder] = await Promise.all([signUp(), signUp()]);
    await liveTicket(victim);
    const { ticket } = await liveTicket(intruder);
    const secret = ticket.split(".")[1];
    const response = await upgrade({ ticket: `${victim.userId}.${secret}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "invalid_ticket" });
    // The intruder's own ticket still opens the intruder's channel, and hears nothing meant for the victim.
    const own = await openLive(intruder);
    const victims = await openLive(victim);
    await env.LIVE.getByName(victim.userId).publish({ type: "order_status", data: { orderId: "ord_x" } });
    await victims.next("order_status");
    await settle();
    expect(own.messages()).toEqual([]);
    own.close();
    victims.close();
  });

  it("stores nothing for a forged ticket of a user who never had a channel", async () => {
    const nobody = "usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f";
    const response = await upgrade({ ticket: `${nobody}.${"A".repeat(43)}` });
    expect(response.status).toBe(401);
    expect(await tablesOf(nobody)).toEqual([]);
  });

  it("refuses a guessed ticket for a real user", async () => {
    const reader = await signUp();
    await liveTicket(reader);
    const response = await upgrade({ ticket: `${reader.userId}.${"A".repeat(43)}` });
    expect(response.status).toBe(401);
  });
});
