import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { envWith } from "../support/env";
import { api, asSeller } from "../support/identity";
import { recorderUrl } from "../support/outside";
import { payoutAccountRow, startOnboarding } from "../support/payouts";

const onboardingPath = (accountId: string, returnUrl = "http://bazaar.test/console/payouts") =>
  `/v1/dev/connect/accounts/${accountId}/onboarding?return_url=${encodeURIComponent(returnUrl)}`;

describe("the simulator's onboarding step, refused", () => {
  it("is 404 for an account the simulator never made", async () => {
    const response = await api(onboardingPath(`sim_acct_${"0".repeat(32)}`), { redirect: "manual" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("is 400 for an id that is no simulated account, or no return_url", async () => {
    expect((await api(onboardingPath("acct_1NotSimulated"), { redirect: "manual" })).status).toBe(400);
    const seller = await asSeller();
    const { accountId } = await startOnboarding(seller);
    const bare = await api(`/v1/dev/connect/accounts/${accountId}/onboarding`, { redirect: "manual" });
    expect(bare.status).toBe(400);
  });

  it("sends nobody to another site, and enables nothing when asked to", async () => {
    const seller = await asSeller();
    const { accountId } = await startOnboarding(seller);
    for (const returnUrl of ["https://evil.example/console/payouts", "javascript:alert(1)", "/console/payouts"]) {
      const response = await api(onboardingPath(accountId, returnUrl), { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
    expect((await payoutAccountRow(seller.sellerId))?.payoutsEnabled).toBe(false);
  });

  it("does not exist while Stripe is the provider", async () => {
    const seller = await asSeller();
    const { accountId } = await startOnboarding(seller);
    const stripeEnv = envWith({
      PAYMENT_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_payouts_dev_route",
      STRIPE_WEBHOOK_SECRET: "whsec_payouts_dev_route",
      STRIPE_API_BASE: recorderUrl,
    });
    const response = await createApp().fetch(
      new Request(`http://bazaar.test${onboardingPath(accountId)}`, { redirect: "manual" }),
      stripeEnv,
      createExecutionContext(),
    );
    expect(response.status).toBe(404);
    expect((await payoutAccountRow(seller.sellerId))?.payoutsEnabled).toBe(false);
  });
});
