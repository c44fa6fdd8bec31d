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

  it("charts the shop's last eight weeks and offers the latest one as CSV", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page
      .getByRole("navigation", { name: "Console sections" })
      .getByRole("link", { name: "Weekly report" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Weekly report" }).waitFor();
    for (const chart of ["weekly-gmv", "weekly-rank"]) await page.locator(`[data-chart="${chart}"] canvas`).waitFor();
    const perWeek = page.getByRole("figure", { name: "GMV and orders per week" });
    await perWeek.getByText("The figures as a table").click();
    expect(await perWeek.getByRole("row").count()).toBe(9);
    expect(await page.getByText(/You sold nothing in \d{4}-W\d{2}/).count()).toBe(1);
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
