import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { phoneNumbers, pushSubscriptions } from "../../schema/notifications";
import { channelErasure } from "../../workers/notifications/service/erasure";
import { atomically } from "../../workers/platform/db";
import { db, subscribeBrowser, verifiedPhone } from "../support/channels";
import { signUp } from "../support/identity";

const channelsOf = async (userId: string) => ({
  phones: await db.select().from(phoneNumbers).where(eq(phoneNumbers.userId, userId)),
  subscriptions: await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)),
});

describe("a deleted account's channels", () => {
  it("go with it, and nobody else's", async () => {
    const leaving = await signUp();
    const staying = await signUp();
    for (const account of [leaving, staying]) {
      await verifiedPhone(account);
      await subscribeBrowser(account);
      await subscribeBrowser(account);
    }
    await atomically(db, channelErasure(db, leaving.userId));
    expect(await channelsOf(leaving.userId)).toEqual({ phones: [], subscriptions: [] });
    const kept = await channelsOf(staying.userId);
    expect([kept.phones.length, kept.subscriptions.length]).toEqual([1, 2]);
  });
});
