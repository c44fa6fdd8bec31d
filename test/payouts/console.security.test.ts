import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller, type TestSeller } from "../support/identity";
import { paidTwoSellerOrder } from "../support/orders";
import { journalPosted, payoutAccountRow } from "../support/payouts";

async function consoleOf(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

describe("console payouts", () => {
  it("sends a signed-out visitor to the login, not to the payouts page or onboarding", async () => {
    const stranger = new ConsoleClient();
    const page = await stranger.get("/console/payouts");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toContain("/console/login");
    const onboarding = await stranger.post("/console/payouts/onboarding", {});
    expect([303, 403]).toContain(onboarding.status);
  });

  it("refuses onboarding posted without the session's form token (a cross-site form), creating no account", async () => {
    const seller = await asSeller();
    const browser = await consoleOf(seller);
    const refused = await browser.post("/console/payouts/onboarding", {});
    expect(refused.status).toBe(403);
    expect(await payoutAccountRow(seller.sellerId)).toBeUndefined();

    const _csrf = await browser.formToken("/console/payouts");
    const onboarded = await browser.post("/console/payouts/onboarding", { _csrf });
    expect(onboarded.status).toBe(303);
    const account = await payoutAccountRow(seller.sellerId);
    expect(onboarded.headers.get("location")).toContain(
      `/v1/dev/connect/accounts/${account!.providerAccountId}/onboarding`,
    );
  });

  it("shows each seller only their own balance and transfers", async () => {
    const { sellers, parts } = await paidTwoSellerOrder([2000, 7000]);
    await journalPosted(parts[1].id, "fee");
    const rival = await consoleOf(await asSeller());
    for (const path of ["/console", "/console/payouts"]) {
      const html = await (await rival.get(path)).text();
      expect(html, path).toContain("0.00 EUR");
      expect(html, path).not.toContain(parts[1].id);
    }
    const owner = await consoleOf(sellers[1]);
    expect(await (await owner.get("/console/payouts")).text()).toContain("You have no payout account yet.");
  });
});
