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
import { listBook, openShop, paidOrder, registerAccount, signIn } from "./support/shop";

describeInBrowser("print jobs", () => {
  useBrowser();

  it("lists the cover printed for a paid copy with its inscription, filters by status and opens the job", async () => {
    const shop = await openShop();
    const book = await listBook(shop, {
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 500, maxLength: 40 }],
    });
    const buyer = await registerAccount({ verified: true });
    const order = await paidOrder(buyer, [
      { id: book.id, coverOptionId: book.coverOptions[0]!.id, inscription: "For Ada" },
    ]);

    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("link", { name: "Print jobs" }).click();
    // The print job is recorded by the queue consumer after payment; the seller reloads until it is there.
    const row = page.getByRole("row", { name: new RegExp(book.title) });
    await eventually(async () => {
      if ((await row.count()) > 0) return true;
      await page.reload();
      return undefined;
    }, 15_000);
    const text = await row.textContent();
    expect(text).toContain("Gold inscription");
    expect(text).toContain("For Ada");
    expect(text).toContain("waiting");
    expect(await row.getByRole("link", { name: order.sellerOrderId }).getAttribute("href")).toBe(
      `/console/orders/${order.sellerOrderId}`,
    );
    await expectAccessible(page, "print jobs");

    await page.getByLabel("Status").selectOption("shipped");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("No print jobs in this status.").waitFor();
    await expectAccessible(page, "print jobs, none shipped");
    await page.getByLabel("Status").selectOption("waiting");
    await page.getByRole("button", { name: "Show" }).click();

    await page.getByRole("link", { name: book.title }).click();
    await page.getByRole("heading", { level: 1, name: `Cover for ${book.title}` }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/print-jobs\/prj_/);
    const facts = await page.locator("dl.facts").textContent();
    expect(facts).toContain("For Ada");
    expect(facts).toContain(book.isbn);
    expect(facts).toContain("Print-job log");
    await expectAccessible(page, "print job");
    await saveScreenshot(page, "print-job");
    expectNoProblems(watched);
  });
});
