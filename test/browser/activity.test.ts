import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { openShop, send, signIn } from "./support/shop";

describeInBrowser("shop activity", () => {
  useBrowser();

  it("lists the shop's promotion changes newest first, filters by action, and is accessible", async () => {
    const shop = await openShop();
    const promotion = await send<{ id: string }>("POST", "/v1/seller/promotions", 201, shop, {
      name: "Ten off",
      kind: "percent_off",
      percentOff: 10,
    });
    await send("PATCH", `/v1/seller/promotions/${promotion.id}`, 200, shop, { status: "paused" });

    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("link", { name: "Shop activity" }).click();
    await page.getByRole("heading", { level: 1, name: "Shop activity" }).waitFor();
    const rows = page.getByRole("row", { name: new RegExp(`promotion:${promotion.id}`) });
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("Promotion paused or ended");
    expect(await rows.nth(1).textContent()).toContain("Promotion created");
    expect(await rows.nth(0).textContent()).toContain("You");
    await expectAccessible(page, "shop activity");
    await saveScreenshot(page, "shop-activity");

    await page.getByLabel("Action").selectOption("promotion_created");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/action=promotion_created/);
    expect(await page.getByRole("row", { name: new RegExp(`promotion:${promotion.id}`) }).count()).toBe(1);
    await page.getByLabel("Action").selectOption("payouts_held");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("No activity of this kind.").waitFor();
    await expectAccessible(page, "shop activity, none of a kind");
    expectNoProblems(watched);
  });
});
