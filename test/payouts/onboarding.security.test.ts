import { describe, expect, it } from "vitest";
import { api, asSeller, signUp } from "../support/identity";
import { payoutAccountRow, startOnboarding } from "../support/payouts";

describe("payout onboarding, security", () => {
  it("needs a signed-in seller", async () => {
    expect((await api("/v1/seller/payouts/onboarding", { method: "POST" })).status).toBe(401);
    expect((await api("/v1/seller/payouts/account")).status).toBe(401);
    const buyer = await signUp();
    expect((await api("/v1/seller/payouts/onboarding", { method: "POST", headers: buyer.auth })).status).toBe(403);
    expect((await api("/v1/seller/payouts/account", { headers: buyer.auth })).status).toBe(403);
  });

  it("shows a seller only their own account: another's is not there for them", async () => {
    const owner = await asSeller();
    const other = await asSeller();
    const mine = await startOnboarding(owner);
    const response = await api("/v1/seller/payouts/account", { headers: other.auth });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(mine.accountId);
    // Onboarding the other seller makes them an account of their own, never a link to the first one's.
    const theirs = await startOnboarding(other);
    expect(theirs.accountId).not.toBe(mine.accountId);
    expect((await payoutAccountRow(owner.sellerId))?.providerAccountId).toBe(mine.accountId);
  });
});
