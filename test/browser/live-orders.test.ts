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

describeInBrowser("new orders, live", () => {
  useBrowser();

  it("shows an order paid while the orders page is open, without a reload, in a polite live region", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1250, quantity: 5 });
    const buyer = await registerAccount();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    // Listening before the page loads: its socket may open before the page's first check below.
    const channel = page.waitForEvent("websocket", {
      predicate: (socket) => socket.url().includes("/v1/me/live?ticket="),
    });
    await page.goto("/console/orders");
    const region = page.locator("[data-live-orders]");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    // The page opened its channel: the ticket it asked for was answered, and the socket is up.
    await channel;
    let reloads = 0;
    page.on("load", () => reloads++);

    const order = await paidOrder(buyer, [{ id: book.id, quantity: 2 }]);
    const { totals } = await send<{ totals: { total: { amount: number } } }>(
      "GET",
      `/v1/seller/orders/${order.sellerOrderId}`,
      200,
      shop,
    );
    const total = (totals.total.amount / 100).toFixed(2);
    const announced = region.getByText(`New paid order ${order.sellerOrderId}: 2 books, ${total} EUR.`);
    await announced.waitFor({ timeout: 15_000 });
    expect(await region.getByRole("link", { name: order.sellerOrderId }).getAttribute("href")).toBe(
      `/console/orders/${order.sellerOrderId}`,
    );
    expect(reloads).toBe(0);
    await expectAccessible(page, "orders, a new order announced");
    await saveScreenshot(page, "orders-live");
    expectNoProblems(watched);
  });
});
