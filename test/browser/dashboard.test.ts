import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { listBook, openShop, paidOrder, registerAccount, signIn } from "./support/shop";

describeInBrowser("the shop's dashboard", () => {
  useBrowser();

  it("shows a paid order awaiting shipment, today's revenue and the listing running low, at 390 px too", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1250, quantity: 3, lowStockThreshold: 1 });
    const buyer = await registerAccount({ verified: true });
    const order = await paidOrder(buyer, [{ id: book.id, quantity: 2 }]);

    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("heading", { level: 1, name: shop.storeName }).waitFor();
    const figure = (label: string) => page.locator("ul.figures li", { hasText: label }).locator(".figure");
    await expect.poll(() => figure("Orders awaiting shipment").textContent()).toBe("1");
    expect(await figure("Revenue today").textContent()).toBe("25.00 EUR");
    expect(await figure("Revenue, last 30 days").textContent()).toBe("25.00 EUR");
    expect(await figure("Copies sold, last 30 days").textContent()).toBe("2");

    // The order waiting longest links to its page; the listing with one copy left (its threshold) to its editor.
    const waiting = page.getByRole("region", { name: "Waiting longest to ship" });
    expect(await waiting.getByRole("link", { name: order.sellerOrderId }).getAttribute("href")).toBe(
      `/console/orders/${order.sellerOrderId}`,
    );
    const lowStock = page.getByRole("region", { name: "Low stock" });
    expect(await lowStock.getByRole("link", { name: book.title }).getAttribute("href")).toBe(
      `/console/listings/${book.id}`,
    );
    expect(await lowStock.getByRole("row", { name: new RegExp(book.title) }).textContent()).toContain("1");

    // The daily chart is drawn by uPlot, and its figures are in the table beside it.
    await page.locator('[data-chart="daily-revenue"] canvas').waitFor();
    const revenue = page.getByRole("figure", { name: "Revenue per day" });
    await revenue.getByText("The figures as a table").click();
    const today = new Date().toISOString().slice(0, 10);
    expect(await revenue.getByRole("row", { name: new RegExp(today) }).textContent()).toContain("25.00");
    await expectAccessible(page, "dashboard");
    await saveScreenshot(page, "dashboard");
    expectNoProblems(watched);

    const phone = await openPage({ width: 390 });
    await signIn(phone.page, shop);
    await phone.page.locator('[data-chart="daily-revenue"] canvas').waitFor();
    // Nothing wider than the phone: the page scrolls down, never sideways (wide tables scroll inside their box).
    expect(await phone.page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectAccessible(phone.page, "dashboard at 390 px");
    await saveScreenshot(phone.page, "dashboard-390px");
    expectNoProblems(phone);
  });

  it("says so when nothing waits, nothing sold and no stock runs low", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByText("Nothing waits to be sent.").waitFor();
    await page.getByText("No active listing is at or below its low-stock threshold.").waitFor();
    expect(
      await page.locator("ul.figures li", { hasText: "Print jobs waiting" }).locator(".figure").textContent(),
    ).toBe("0");
    await expectAccessible(page, "empty dashboard");
    await saveScreenshot(page, "dashboard-empty");
    expectNoProblems(watched);
  });
});
