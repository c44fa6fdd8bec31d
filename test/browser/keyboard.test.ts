import { expect, it } from "vitest";
import { eventually } from "../support/eventually";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { listBook, openShop, paidOrder, registerAccount, send } from "./support/shop";

describeInBrowser("the console with the keyboard alone", () => {
  useBrowser();

  it("signs in, skips to the content, finds an order, ships it and refunds a line without a pointer", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1400, quantity: 3 });
    const buyer = await registerAccount({ verified: true });
    const order = await paidOrder(buyer, [{ id: book.id, quantity: 2 }]);
    const watched = await openPage();
    const { page } = watched;
    const { keyboard } = page;

    await page.goto("/console/login");
    await page.getByLabel("Email").focus();
    await keyboard.type(shop.email);
    await keyboard.press("Tab");
    await keyboard.type(shop.password);
    await keyboard.press("Enter");
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();

    // The first Tab reaches the skip link, and it moves focus past the navigation.
    await keyboard.press("Tab");
    expect(await page.locator(":focus").textContent()).toBe("Skip to content");
    await keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");

    await page.getByRole("link", { name: "Orders", exact: true }).focus();
    await keyboard.press("Enter");
    await page.getByRole("region", { name: "Seller orders" }).getByRole("link", { name: order.sellerOrderId }).focus();
    await keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/console/orders/${order.sellerOrderId}$`));

    // A refund form: copies, reason, the restock box (Space), its button (Enter).
    await page
      .getByRole("group", { name: /Refund “/ })
      .getByLabel("Copies", { exact: true })
      .focus();
    await keyboard.press("Control+A");
    await keyboard.type("1");
    await keyboard.press("Tab");
    await keyboard.type("Corner bumped");
    await keyboard.press("Tab");
    await keyboard.press("Space");
    await keyboard.press("Tab");
    await keyboard.press("Enter");
    await page.getByText("Refund issued").waitFor();

    await page.getByLabel("Carrier").focus();
    await keyboard.type("DHL");
    await keyboard.press("Tab");
    await keyboard.type("JJD0011223344");
    await keyboard.press("Enter");
    await page.getByText("Marked as shipped").waitFor();

    const placed = await eventually(async () => {
      const read = await send<{
        refunds: { amount: { amount: number }; restocked: boolean }[];
        sellerOrders: { shipment: { trackingNumber: string } | null }[];
      }>("GET", `/v1/orders/${order.orderId}`, 200, buyer);
      return read.refunds.length === 1 && read.sellerOrders[0]?.shipment ? read : undefined;
    });
    expect(placed.refunds[0]).toMatchObject({ amount: { amount: 1400 }, restocked: true });
    expect(placed.sellerOrders[0]!.shipment!.trackingNumber).toBe("JJD0011223344");
    await expectAccessible(page, "order, by keyboard");
    await saveScreenshot(page, "keyboard-order");
    expectNoProblems(watched);
  });
});
