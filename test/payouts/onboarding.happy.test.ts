import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { simulatedProviderRecords } from "../../schema/payments";
import { payoutAccounts } from "../../schema/payouts";
import { eventually } from "../support/eventually";
import { api, asSeller } from "../support/identity";
import { db } from "../support/orders";
import { payoutAccountRow, startOnboarding } from "../support/payouts";

describe("payout onboarding", () => {
  it("creates one connected account per seller and answers a fresh link to it on every call", async () => {
    const seller = await asSeller({ shipsFrom: "FR" });
    const first = await startOnboarding(seller);
    expect(first).toMatchObject({ accountId: expect.stringMatching(/^sim_acct_/), payoutsEnabled: false });
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
    const link = new URL(first.url);
    expect(link.pathname).toBe(`/v1/dev/connect/accounts/${first.accountId}/onboarding`);
    expect(link.searchParams.get("return_url")).toBe("http://bazaar.test/console/payouts");

    const again = await startOnboarding(seller);
    expect(again.accountId).toBe(first.accountId);
    expect(await db.select().from(payoutAccounts).where(eq(payoutAccounts.sellerId, seller.sellerId))).toHaveLength(1);
    const [record] = await db
      .select()
      .from(simulatedProviderRecords)
      .where(eq(simulatedProviderRecords.id, first.accountId));
    expect(record).toMatchObject({ kind: "account", idempotencyKey: `connect-${seller.sellerId}` });
    expect(record?.metadata).toMatchObject({ sellerId: seller.sellerId, email: seller.email, country: "FR" });

    const account = await api("/v1/seller/payouts/account", { headers: seller.auth });
    expect(account.status).toBe(200);
    expect(await account.json()).toMatchObject({
      accountId: first.accountId,
      provider: "simulated",
      payoutsEnabled: false,
      detailsSubmitted: false,
    });
  });

  it("finishes onboarding at the simulator's step: payouts enabled, and back to the console", async () => {
    const seller = await asSeller();
    const { url } = await startOnboarding(seller);
    const link = new URL(url);
    const response = await api(`${link.pathname}${link.search}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://bazaar.test/console/payouts");
    await eventually(async () => ((await payoutAccountRow(seller.sellerId))?.payoutsEnabled ? true : undefined));
    const account = await (await api("/v1/seller/payouts/account", { headers: seller.auth })).json();
    expect(account).toMatchObject({ payoutsEnabled: true, detailsSubmitted: true });
    expect((await startOnboarding(seller)).payoutsEnabled).toBe(true);
  });
});
