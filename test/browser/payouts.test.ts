import { expect, it } from "vitest";
import { formatMoney } from "../../workers/lib/money";
import { eventually } from "../support/eventually";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { listBook, openShop, paidOrder, registerAccount, send, signIn } from "./support/shop";

type Money = { amount: number; currency: string };

describeInBrowser("the shop's payouts", () => {
  useBrowser();

  it("shows the pending balance on the dashboard and sets up payouts through the simulator's onboarding", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1250, quantity: 2 });
    const buyer = await registerAccount({ verified: true });
    await paidOrder(buyer, [{ id: book.id }]);
    const pending = await eventually(async () => {
      const balance = await send<{ pending: Money }>("GET", "/v1/seller/balance", 200, shop);
      return balance.pending.amount > 0 ? balance.pending : undefined;
    }, 15_000);

    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    const panel = page.getByRole("region", { name: "Payouts" });
    const figure = (label: string) => panel.locator("ul.figures li", { hasText: label }).locator(".figure");
    expect(await figure("Pending").textContent()).toBe(formatMoney(pending));
    expect(await figure("Available").textContent()).toBe(formatMoney({ amount: 0, currency: "EUR" }));
    expect(await figure("Paid").textContent()).toBe(formatMoney({ amount: 0, currency: "EUR" }));
    await panel.getByText("No transfer yet").waitFor();
    await expectAccessible(page, "dashboard with payouts");
    await saveScreenshot(page, "dashboard-payouts");

    // Not set up yet: the dashboard leads to the payouts page, whose button goes through onboarding and back.
    await panel.getByRole("link", { name: "Set up payouts" }).click();
    await page.getByRole("heading", { level: 1, name: "Payouts" }).waitFor();
    await page.getByText("You have no payout account yet.").waitFor();
    await expectAccessible(page, "payouts before onboarding");
    await page.getByRole("button", { name: "Set up payouts" }).click();
    await page.waitForURL((url) => url.pathname === "/console/payouts");
    // The account is enabled by a queued event: the page says so once it has arrived.
    for (let tries = 0; !(await page.getByText("Payouts are enabled").isVisible()); tries++) {
      expect(tries).toBeLessThan(100);
      await page.waitForTimeout(100);
      await page.reload();
    }
    expect(await page.getByRole("button", { name: /payouts|onboarding/ }).count()).toBe(0);
    await expectAccessible(page, "payouts after onboarding");
    await saveScreenshot(page, "payouts");
    expectNoProblems(watched);
  });
});
