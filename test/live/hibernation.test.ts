import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { LiveDO } from "../../durable-objects/live";
import { signUp } from "../support/identity";
import { openLive } from "../support/live";

/**
 * `evictDurableObject` (cloudflare:test) tears the object's instance down as the runtime does when it is idle:
 * memory is gone, storage stays, and hibernatable WebSockets stay connected (or, with `webSockets: "close"`,
 * are closed as an eviction without hibernation would). The next message builds a new instance.
 */
const instanceOf = (userId: string) => runInDurableObject(env.LIVE.getByName(userId), (instance: LiveDO) => instance);

describe("the live channel across evictions", () => {
  it("keeps a hibernated socket open and sends it the next message from a new instance", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    const live = await openLive(reader);
    await channel.publish({ type: "order_status", data: { n: 1 } });
    await live.next("order_status", (data) => data.n === 1);
    const before = await instanceOf(reader.userId);

    await evictDurableObject(channel);
    await channel.publish({ type: "order_status", data: { n: 2 } });
    const after = await live.next("order_status", (data) => data.n === 2);
    expect(await instanceOf(reader.userId)).not.toBe(before);
    expect(live.closed).toBeNull();
    expect(after.id).toBe("2");
    live.close();
  });

  it("loses nothing sent while the client was away and the object evicted", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    const live = await openLive(reader);
    await channel.publish({ type: "order_status", data: { n: 1 } });
    const seen = await live.next("order_status");

    await evictDurableObject(channel, { webSockets: "close" });
    await expect.poll(() => live.closed).not.toBeNull();
    await channel.publish({ type: "order_status", data: { n: 2 } });
    await evictDurableObject(channel);
    await channel.publish({ type: "order_status", data: { n: 3 } });
    await evictDurableObject(channel);

    const back = await openLive(reader, seen.id);
    expect(back.messages().map((message) => [message.id, message.data.n])).toEqual([
      ["2", 2],
      ["3", 3],
    ]);
    expect(back.received.at(-1)).toMatchObject({ type: "ready", data: { replayed: 2, complete: true } });
    back.close();
  });

  it("still remembers the events it published after an eviction, so a redelivery sends nothing", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    const first = await channel.publish({ type: "order_status", data: { n: 1 }, eventId: "evt_once" });
    await evictDurableObject(channel);
    expect(await channel.publish({ type: "order_status", data: { n: 1 }, eventId: "evt_once" })).toBeNull();
    expect(first).toMatchObject({ id: "1" });
  });
});
