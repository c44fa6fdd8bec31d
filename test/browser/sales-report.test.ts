import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { listBook, openShop, paidOrder, registerAccount, send, signIn } from "./support/shop";

describeInBrowser("the sales report", () => {
  useBrowser();

  it("charts revenue and copies per day and per week, ranks the books and downloads the figures as CSV", async () => {
    const shop = await openShop();
    const bestseller = await listBook(shop, { price: 1000, quantity: 5 });
    const other = await listBook(shop, { price: 800, quantity: 5 });
    const buyer = await registerAccount({ verified: true });
    const order = await paidOrder(buyer, [
      { id: bestseller.id, quantity: 3 },
      { id: other.id, quantity: 1 },
    ]);
    await send("POST", `/v1/seller/orders/${order.sellerOrderId}/shipments`, 201, shop, {
      carrier: "DHL",
      trackingNumber: "JJD000123",
    });
    const today = new Date().toISOString().slice(0, 10);

    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page
      .getByRole("navigation", { name: "Console sections" })
      .getByRole("link", { name: "Sales report" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Sales report" }).waitFor();
    const figure = (label: string) => page.locator("ul.figures li", { hasText: label }).locator(".figure");
    expect(await figure("Revenue").textContent()).toBe("38.00 EUR");
    expect(await figure("Copies sold").textContent()).toBe("4");
    const shipping = page.locator("ul.figures li", { hasText: "Average time from payment to shipping" });
    expect(await shipping.textContent()).toMatch(/\d+ min.*1 parcel sent/);

    for (const chart of ["report-revenue", "report-units", "report-shipping"]) {
      await page.locator(`[data-chart="${chart}"] canvas`).waitFor();
    }
    const perDay = page.getByRole("figure", { name: "Revenue per day" });
    await perDay.getByText("The figures as a table").click();
    expect(await perDay.getByRole("row", { name: new RegExp(today) }).textContent()).toContain("38.00");

    const top = page.getByRole("region", { name: "Top 10 books" });
    const rows = top.getByRole("row");
    expect(await rows.nth(1).textContent()).toContain(bestseller.title);
    expect(await rows.nth(1).textContent()).toContain("30.00 EUR");
    expect(await rows.nth(2).textContent()).toContain(other.title);
    await expectAccessible(page, "sales report per day");

    // The CSV link downloads the figures of exactly the days shown.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the figures per day as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-per-day\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe(
      "period_start,period_end,currency,revenue_minor_units,units_sold,refunds,refunded_minor_units,parcels_shipped,average_paid_to_shipped_seconds",
    );
    expect(csv).toHaveLength(31);
    expect(csv.find((row) => row.startsWith(`${today},`))).toMatch(
      new RegExp(`^${today},${today},EUR,3800,4,0,0,1,\\d+$`),
    );

    // Per week, over a range typed into the form.
    await page.getByLabel("Figures", { exact: true }).selectOption("week");
    await page.getByLabel("From", { exact: true }).fill(today);
    await page.getByLabel("To", { exact: true }).fill(today);
    await page.getByRole("button", { name: "Show report" }).click();
    await page.getByRole("figure", { name: "Revenue per week" }).waitFor();
    expect(new URL(page.url()).searchParams.get("period")).toBe("week");
    expect(await figure("Revenue").textContent()).toBe("38.00 EUR");
    await page.locator('[data-chart="report-revenue"] canvas').waitFor();
    await expectAccessible(page, "sales report per week");
    const [weekly] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the figures per week as CSV" }).click(),
    ]);
    const weekRows = readFileSync((await weekly.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(weekRows).toEqual([csv[0], csv.find((row) => row.startsWith(`${today},`))]);
    await saveScreenshot(page, "sales-report");
    expectNoProblems(watched);
  });

  it("shows a range that ends before it starts on the From field, without a report", async () => {
    const shop = await openShop();
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await signIn(page, shop);
    const answer = await page.goto("/console/reports/sales?from=2025-03-10&to=2025-03-01&period=day");
    expect(answer?.status()).toBe(422);
    const from = page.getByLabel("From", { exact: true });
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    await page.locator("#field-from-error").waitFor();
    expect(await page.locator("[data-chart]").count()).toBe(0);
    expect(await page.getByRole("link", { name: /as CSV/ }).count()).toBe(0);
    await expectAccessible(page, "sales report refused");
    await saveScreenshot(page, "sales-report-refused");
    expectNoProblems(watched);
  });
});
