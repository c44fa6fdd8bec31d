import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { openShop, send, signIn, unique } from "./support/shop";

describeInBrowser("the store profile editor", () => {
  useBrowser();

  it("refuses a bad address and country on their fields, then saves a new name shown in the top bar", async () => {
    const shop = await openShop();
    const other = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("link", { name: "Store profile" }).click();
    expect(await page.getByLabel("Store name").inputValue()).toBe(shop.storeName);
    await expectAccessible(page, "store profile");

    await page.getByLabel("Contact email").fill("not an address");
    await page.getByLabel("Ships from").fill("Germany");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByLabel("Ships from").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Contact email").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "store profile refused");

    await page.getByLabel("Contact email").fill(shop.email);
    await page.getByLabel("Ships from").fill("AT");
    await page.getByLabel("Store name").fill(other.storeName);
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Another seller already uses that store name.").waitFor();
    expect(await page.getByLabel("Store name").getAttribute("aria-invalid")).toBe("true");

    const renamed = `Second Chapter ${unique()}`;
    await page.getByLabel("Store name").fill(renamed);
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("status").getByText("Your store profile is saved.").waitFor();
    await page.locator("header.topbar").getByText(renamed).waitFor();
    const profile = await send<{ storeName: string; shipsFrom: string }>("GET", "/v1/seller/profile", 200, shop);
    expect(profile).toMatchObject({ storeName: renamed, shipsFrom: "AT" });
    await expectAccessible(page, "store profile saved");
    await saveScreenshot(page, "store-profile");
    expectNoProblems(watched);
  });
});
