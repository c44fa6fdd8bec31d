import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { addPhoto, photoPng } from "./support/photos";
import { freshIsbn, listBook, openShop, type Shop, send, signIn, unique } from "./support/shop";

interface SellerListing {
  status: string;
  price: { amount: number };
  quantity: number;
  coverOptions: { name: string; kind: string; price: { amount: number }; maxLength: number | null }[];
  photos: { id: string }[];
}

const listingOf = (shop: Shop, id: string) => send<SellerListing>("GET", `/v1/seller/listings/${id}`, 200, shop);

const row = (page: Page, id: string) => page.locator(`#listing-${id}`);

describeInBrowser("the listings pages", () => {
  useBrowser();

  it("lists a new book with a cover option and a photo, previewed before it is sent", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("link", { name: "Listings" }).click();
    await page.getByText("You have no listings yet.").waitFor();
    await expectAccessible(page, "listings, empty");

    await page.getByRole("link", { name: "List a book" }).click();
    await page.waitForURL(/\/console\/listings\/new$/);
    await expectAccessible(page, "new listing, before the ISBN");
    const isbn = freshIsbn();
    await page.getByRole("textbox", { name: /^ISBN/ }).fill(isbn);
    await page.getByRole("button", { name: "Find the edition" }).click();
    await page.getByText(`ISBN ${isbn} is not in the catalogue yet`).waitFor();
    expect(page.url()).toContain(`isbn=${isbn}`);

    const title = `The Lantern Road ${unique()}`;
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel(/^Authors/).fill("Mira Hale\nJon Reed");
    await page.getByLabel(/^SKU/).fill(`LANTERN-${unique()}`);
    await page.getByLabel("Condition", { exact: true }).selectOption("like_new");
    await page
      .getByLabel(/^Price/)
      .first()
      .fill("18.50");
    await page.getByLabel("Copies on hand").fill("3");
    await page.getByLabel(/^Low-stock warning/).fill("1");
    await page.getByLabel(/^Condition notes/).fill("Signed on the title page.");

    const first = page.getByRole("group", { name: "Cover option 1" });
    await first.getByLabel("Name").fill("Gold-stamped inscription");
    await first.getByLabel("Kind").selectOption("inscription");
    await first.getByLabel(/^Price/).fill("4.50");
    await first.getByLabel(/^Longest inscription/).fill("30");
    // JavaScript offers more rows than the two blank ones the page starts with.
    await page.getByRole("button", { name: "Add another option" }).click();
    await page.getByRole("group", { name: "Cover option 3" }).waitFor();

    await page.getByLabel(/^A photo of your copy/).setInputFiles({
      name: "copy.png",
      mimeType: "image/png",
      buffer: photoPng([176, 58, 46]),
    });
    const preview = page.getByAltText("The chosen file, before it is uploaded");
    await preview.waitFor({ state: "visible" });
    expect(await preview.getAttribute("src")).toMatch(/^blob:/);
    await expectAccessible(page, "new listing, filled in");
    await saveScreenshot(page, "listings-new-filled");

    await page.getByRole("button", { name: "List this book" }).click();
    await page.waitForURL(/\/console\/listings\/lst_[0-9a-f]{32}\?done=created$/);
    await page.getByText("Your listing is saved.").waitFor();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const photo = page.getByAltText(`${title}, view 1 of 1`);
    await expect
      .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(160);
    await page.locator(".uplot canvas").first().waitFor();
    await expectAccessible(page, "listing editor, just created");

    const id = /lst_[0-9a-f]{32}/.exec(page.url())![0];
    const listing = await listingOf(shop, id);
    expect(listing.coverOptions).toEqual([
      expect.objectContaining({ name: "Gold-stamped inscription", kind: "inscription", maxLength: 30 }),
    ]);
    expect(listing.photos).toHaveLength(1);
    await saveScreenshot(page, "listings-created");
    expectNoProblems(watched);
  });

  it("edits a price in place, and shows a refused price on its row without saving it", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1250, quantity: 5 });
    await listBook(shop, { price: 990 });
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.goto("/console/listings");
    const line = row(page, book.id);

    await line.getByLabel(`Price of ${book.title}, in EUR`).fill("15.75");
    await line.getByLabel(`Copies of ${book.title} on hand`).fill("8");
    await line.getByRole("button", { name: `Save ${book.title}` }).click();
    await line.getByRole("status").getByText("Saved").waitFor();
    expect(await listingOf(shop, book.id)).toMatchObject({ price: { amount: 1575 }, quantity: 8 });
    expect(new URL(page.url()).pathname).toBe("/console/listings"); // swapped in place, no navigation
    await expectAccessible(page, "listings, row saved");

    // Keyboard only: the price field, then Enter submits that row's form.
    await line.getByLabel(`Price of ${book.title}, in EUR`).fill("a lot");
    await line.getByLabel(`Price of ${book.title}, in EUR`).press("Enter");
    await line.getByRole("alert").getByText("Enter a price such as 12.50.").waitFor();
    // htmx adds and then removes its own classes while it settles the swapped row.
    await expect.poll(() => line.getAttribute("class")).toBe("row-error");
    expect(await line.getByLabel(`Price of ${book.title}, in EUR`).getAttribute("aria-invalid")).toBe("true");
    expect((await listingOf(shop, book.id)).price.amount).toBe(1575);
    await expectAccessible(page, "listings, row refused");
    await saveScreenshot(page, "listings-inline-refused");
    expectNoProblems(watched);
  });

  it("pauses and resumes many at once, and finds listings by search and filters", async () => {
    const shop = await openShop();
    const stamp = unique();
    const books = [
      await listBook(shop, { title: `Harbour Lights ${stamp}` }),
      await listBook(shop, { title: `Salt Meadows ${stamp}` }),
      await listBook(shop, { title: `Winter Orchard ${stamp}` }),
    ];
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.goto("/console/listings");

    await page.getByLabel("Select every listing on this page").check();
    for (const book of books) expect(await page.getByLabel(`Select ${book.title}`).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await page.getByText("3 listings paused.").waitFor();
    for (const book of books) expect((await listingOf(shop, book.id)).status).toBe("paused");
    await expectAccessible(page, "listings, paused");

    await page.getByLabel(`Select ${books[0]!.title}`).check();
    await page.getByLabel(`Select ${books[1]!.title}`).check();
    await page.getByRole("button", { name: "Put on sale" }).click();
    await page.getByText("2 listings back on sale").waitFor();
    expect((await listingOf(shop, books[0]!.id)).status).toBe("active");
    expect((await listingOf(shop, books[2]!.id)).status).toBe("paused");

    await page.getByLabel("Search").fill(`salt meadows ${stamp}`);
    await page.getByRole("button", { name: "Show listings" }).click();
    await page.waitForURL(/q=salt/);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await row(page, books[1]!.id).waitFor();

    await page.getByLabel("Search").fill(stamp);
    await page.getByLabel("Status").selectOption("paused");
    await page.getByRole("button", { name: "Show listings" }).click();
    await page.waitForURL(/status=paused/);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await row(page, books[2]!.id).waitFor();

    await page.getByLabel("Condition").selectOption("like_new");
    await page.getByRole("button", { name: "Show listings" }).click();
    await page.getByText("No listing matches these filters.").waitFor();
    await expectAccessible(page, "listings, filtered to nothing");
    await saveScreenshot(page, "listings-filtered");
    expectNoProblems(watched);
  });

  it("fits the editor into 390 px and reorders and deletes photos there", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { price: 1100 });
    const red = await addPhoto(shop, book.id, photoPng([176, 58, 46]));
    const blue = await addPhoto(shop, book.id, photoPng([40, 80, 160]));
    await send("PATCH", `/v1/seller/listings/${book.id}`, 200, shop, { price: { amount: 1390, currency: "EUR" } });
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await signIn(page, shop);
    await page.goto(`/console/listings/${book.id}`);
    await page.getByRole("heading", { level: 1, name: book.title }).waitFor();
    await page.locator(".uplot canvas").first().waitFor();
    expect(
      await page.locator("html").evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth),
    ).toBeLessThanOrEqual(390);
    await expectAccessible(page, "listing editor at 390 px");

    await page.getByText("Every price, as a table").click();
    await page.getByRole("cell", { name: "13.90 EUR" }).waitFor();

    await page.getByRole("button", { name: "Move down photo 1" }).click();
    await page.getByText("Photo moved down.").waitFor();
    expect((await listingOf(shop, book.id)).photos.map((p) => p.id)).toEqual([blue, red]);
    await page.getByRole("button", { name: "Delete photo 2" }).click();
    await page.getByText("Photo deleted.").waitFor();
    expect((await listingOf(shop, book.id)).photos.map((p) => p.id)).toEqual([blue]);
    await expectAccessible(page, "listing editor at 390 px, after photo changes");
    await saveScreenshot(page, "listings-editor-390");
    expectNoProblems(watched);
  });

  it("shows a title holding markup as text in the table and the editor, running nothing", async () => {
    const shop = await openShop();
    const title = "<img src=x onerror=alert(1)>";
    const book = await listBook(shop, { title });
    const watched = await openPage();
    const { page } = watched;
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await signIn(page, shop);
    await page.goto("/console/listings");
    await page.getByRole("link", { name: title }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expectAccessible(page, "listings with a markup title");

    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(`**/console/listings/${book.id}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expectAccessible(page, "editor with a markup title");
    expect(dialogs).toEqual([]);
    await saveScreenshot(page, "listings-markup-title");
    expectNoProblems(watched);
  });
});
