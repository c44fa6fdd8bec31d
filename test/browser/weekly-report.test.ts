import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { openShop, signIn } from "./support/shop";

describeInBrowser("the weekly report", () => {
  useBrowser();

  it("tells a shop with no sales yet that it has no figures, and offers the latest week as CSV", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page
      .getByRole("navigation", { name: "Console sections" })
      .getByRole("link", { name: "Weekly report" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Weekly report" }).waitFor();
    expect(await page.getByText(/You sold nothing in \d{4}-W\d{2}/).count()).toBe(1);
    await page.getByText("No figures yet").waitFor();
    // Empty charts are not drawn; a shop with sales gets them (test/console/weekly-report.security.test.ts).
    expect(await page.locator("[data-chart]").count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download \d{4}-W\d{2} as CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^seller-report-\d{4}-W\d{2}\.csv$/);
    await expectAccessible(page, "weekly report");
    await saveScreenshot(page, "weekly-report");
    expectNoProblems(watched);
  });
});
