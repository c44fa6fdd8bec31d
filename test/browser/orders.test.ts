import type { Page } from "playwright-core";
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
import {
  type Account,
  freshIsbn,
  listBook,
  openShop,
  paidOrder,
  registerAccount,
  type Shop,
  send,
  signIn,
  unique,
} from "./support/shop";

interface BuyersOrder {
  status: string;
  sellerOrders: { status: string; shipment: { carrier: string; trackingNumber: string; deliveredAt: string | null } }[];
  refunds: { amount: { amount: number }; restocked: boolean; lines: { quantity: number }[] }[];
}

const INSCRIPTION = "For Ada, who reads under the covers";

/** A book with a gold-stamped inscription to choose, listed through the API. */
async function listInscribedBook(shop: Shop) {
  const title = `The Inscribed Atlas ${unique()}`;
  const listing = await send<{ id: string; coverOptions: { id: string }[] }>("POST", "/v1/seller/listings", 201, shop, {
    isbn: freshIsbn(),
    sku: `SKU-${unique()}`,
    condition: "like_new",
    price: { amount: 2000, currency: "EUR" },
    quantity: 5,
    title,
    authors: ["Ina Author"],
    coverOptions: [
      { name: "Gold-stamped inscription", kind: "inscription", price: { amount: 500, currency: "EUR" }, maxLength: 60 },
    ],
  });
  return { id: listing.id, coverOptionId: listing.coverOptions[0]!.id, title };
}

/** A buyer's paid order through the API: two inscribed atlases and one plain book. */
async function orderFrom(shop: Shop, buyer: Account) {
  const atlas = await listInscribedBook(shop);
  const plain = await listBook(shop, { price: 800 });
  await send("POST", "/v1/cart/items", 201, buyer, {
    listingId: atlas.id,
    quantity: 2,
    coverOptionId: atlas.coverOptionId,
    inscription: INSCRIPTION,
  });
  return { atlas, order: await paidOrder(buyer, [{ id: plain.id }]) };
}

const buyersOrder = (buyer: Account, orderId: string) => send<BuyersOrder>("GET", `/v1/orders/${orderId}`, 200, buyer);

/** The status shown in the order page's heading. */
const headingStatus = (page: Page) => page.getByRole("heading", { level: 1 }).locator(".status").textContent();

describeInBrowser("the orders pages", () => {
  useBrowser();

  it("takes an API order from the to-ship queue through the packing slip, a refund, shipping and delivery", async () => {
    const shop = await openShop();
    const buyer = await registerAccount();
    const { atlas, order } = await orderFrom(shop, buyer);
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);

    // The queue: the paid order is there to ship; another view (htmx swaps the table in place) does not have it.
    await page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Orders" }).click();
    const row = page.getByRole("row", { name: new RegExp(order.sellerOrderId) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Ada Reader, Berlin (DE)");
    expect(await row.textContent()).toContain(`2 × ${atlas.title}`);
    await expectAccessible(page, "orders, to ship");
    await page.getByLabel("Show").selectOption("delivered");
    await page.getByRole("button", { name: "Show orders" }).click();
    await page.getByText("No orders here.").waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe("?status=delivered");
    await expectAccessible(page, "orders, delivered (none)");
    await page.getByLabel("Show").selectOption("to_ship");
    await page.getByRole("button", { name: "Show orders" }).click();
    await row.getByRole("link", { name: order.sellerOrderId }).click();

    // The order: lines with the chosen cover option and inscription, the address, the history.
    await page.getByRole("heading", { name: `Order ${order.sellerOrderId}` }).waitFor();
    const atlasRow = page.getByRole("row", { name: new RegExp(atlas.title) }).first();
    expect(await atlasRow.textContent()).toContain("Gold-stamped inscription");
    expect(await atlasRow.textContent()).toContain(INSCRIPTION);
    expect(await page.locator("address").first().textContent()).toContain("Unter den Linden 1");
    await page.getByRole("table", { name: "Status history" }).getByText("paid").first().waitFor();
    await expectAccessible(page, "order, paid");

    // The packing slip: its own page, a Print button, a print stylesheet that leaves only the slip.
    await page.getByRole("link", { name: "Packing slip" }).click();
    await page.getByRole("heading", { name: "Packing slip" }).waitFor();
    expect(await page.locator(".slip-lines").textContent()).toContain(INSCRIPTION);
    await expectAccessible(page, "packing slip");
    // Chromium's print dialog would block the test: the button's call is recorded instead.
    await page.evaluate("window.print = () => { window.printed = true; }");
    await page.getByRole("button", { name: "Print" }).click();
    expect(await page.evaluate("window.printed")).toBe(true);
    await saveScreenshot(page, "orders-packing-slip");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await page.locator("header.topbar").isVisible()).toBe(false);
    await saveScreenshot(page, "orders-packing-slip-print");
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "Back to the order" }).click();

    // Refund one atlas, back on sale.
    const atlasForm = page.getByRole("group", { name: new RegExp(`Refund “${atlas.title}”`) });
    await atlasForm.getByLabel("Copies", { exact: true }).fill("1");
    await atlasForm.getByLabel("Reason").fill("Inscription misspelt");
    await atlasForm.getByLabel("Put the copies back on sale").check();
    await atlasForm.getByRole("button", { name: "Refund these copies" }).click();
    await page.getByText("Refund issued").waitFor();
    await expectAccessible(page, "order, one line refunded");
    const refunded = await buyersOrder(buyer, order.orderId);
    expect(refunded.refunds).toHaveLength(1);
    expect(refunded.refunds[0]).toMatchObject({ amount: { amount: 2500 }, restocked: true, lines: [{ quantity: 1 }] });
    await eventually(async () => {
      const listing = await send<{ available: number }>("GET", `/v1/seller/listings/${atlas.id}`, 200, shop);
      return listing.available === 4 ? true : undefined;
    }, 15_000);

    // A refund form sent twice at once (a double click on a slow line) and then submitted again refunds once:
    // every post carries the Idempotency-Key the form was rendered with.
    const amountForm = page.getByRole("group", { name: "Refund an amount" });
    await amountForm.getByLabel("Amount (EUR)").fill("1.50");
    await amountForm.getByLabel("Reason").fill("Parcel arrived late");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/refunds")) posts.push(request.postData() ?? "");
    });
    const answered = await page.evaluate(`(async () => {
      const form = document.querySelector("form:has(input[name=amount])");
      const send = () => fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)) });
      return (await Promise.all([send(), send()])).map((answer) => answer.url);
    })()`);
    expect(answered).toEqual(
      [0, 1].map(() => `${new URL(page.url()).origin}${new URL(page.url()).pathname}?done=refunded`),
    );
    await amountForm.getByRole("button", { name: "Refund the amount" }).click();
    await page.getByText("Refund issued").waitFor();
    expect(posts).toHaveLength(3);
    expect(new Set(posts).size).toBe(1);
    expect(posts[0]).toMatch(/idempotencyKey=refund-[0-9a-f-]{36}/);
    const twice = await buyersOrder(buyer, order.orderId);
    expect(twice.refunds.map((refund) => refund.amount.amount)).toEqual([2500, 150]);

    // Ship with tracking, then say it arrived.
    await page.getByLabel("Carrier").fill("DHL");
    await page.getByLabel("Tracking number").fill("JJD0099887766");
    await page.getByLabel("Tracking link").fill("https://tracking.example/JJD0099887766");
    await page.getByRole("button", { name: "Mark as shipped" }).click();
    await page.getByText("Marked as shipped").waitFor();
    expect(await headingStatus(page)).toBe("shipped");
    await expectAccessible(page, "order, shipped");
    const shipped = await buyersOrder(buyer, order.orderId);
    expect(shipped.sellerOrders[0]!.shipment).toMatchObject({ carrier: "DHL", trackingNumber: "JJD0099887766" });

    await page.getByRole("button", { name: "Mark as delivered" }).click();
    await page.getByText("Marked as delivered").waitFor();
    expect(await headingStatus(page)).toBe("delivered");
    const delivered = await buyersOrder(buyer, order.orderId);
    expect(delivered.sellerOrders[0]!.status).toBe("delivered");
    expect(delivered.sellerOrders[0]!.shipment.deliveredAt).not.toBeNull();
    await page.getByRole("table", { name: "Refunds" }).getByText("Parcel arrived late").waitFor();
    expect(await page.getByRole("table", { name: "Refunds" }).textContent()).toContain(`1 × ${atlas.title}`);
    await expectAccessible(page, "order, delivered");
    await saveScreenshot(page, "orders-delivered");
    expectNoProblems(watched);
  });

  it("shows the to-ship queue on a 390 px phone, the table scrolling inside its frame", async () => {
    const shop = await openShop();
    const buyer = await registerAccount();
    const { order } = await orderFrom(shop, buyer);
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await signIn(page, shop);
    await page.goto("/console/orders");
    // The table's link: the live region may announce the same order, its payment having reached the channel late.
    const link = page.getByRole("region", { name: "Seller orders" }).getByRole("link", { name: order.sellerOrderId });
    await link.waitFor();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectAccessible(page, "orders at 390 px");
    await link.click();
    await page.getByRole("heading", { name: `Order ${order.sellerOrderId}` }).waitFor();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectAccessible(page, "order at 390 px");
    await page.goto("/console/orders");
    await saveScreenshot(page, "orders-queue-390");
    expectNoProblems(watched);
  });
});
