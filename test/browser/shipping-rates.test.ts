import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { openShop, send, signIn } from "./support/shop";

describeInBrowser("the shipping rates editor", () => {
  useBrowser();

  it("saves typed rates in place, and shows refused amounts on their fields", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("link", { name: "Shipping rates" }).click();
    await page.getByText("marketplace's default rates").waitFor();
    await expectAccessible(page, "shipping rates (default)");

    const zone = (name: RegExp) => page.getByRole("group", { name });
    await page.getByLabel("Countries you ship to").fill("DE, AT, FR");
    await zone(/^Domestic/)
      .getByLabel("First copy")
      .fill("4.50");
    await zone(/^Domestic/)
      .getByLabel("Each further copy")
      .fill("1");
    await zone(/^International/)
      .getByLabel("First copy")
      .fill("eleven");
    await zone(/^International/)
      .getByLabel("Each further copy")
      .fill("3.00");
    await page.getByRole("button", { name: "Save shipping rates" }).click();

    const refused = zone(/^International/).getByLabel("First copy");
    await expect.poll(() => refused.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Enter an amount in euros, such as 4.50.").waitFor();
    expect(await page.getByLabel("Countries you ship to").inputValue()).toBe("DE, AT, FR");
    await expectAccessible(page, "shipping rates refused");
    expect((await send<{ source: string }>("GET", "/v1/seller/shipping-rates", 200, shop)).source).toBe("default");

    await refused.fill("11.90");
    await page.getByRole("button", { name: "Save shipping rates" }).click();
    await page.getByRole("status").getByText("Your shipping rates are saved.").waitFor();
    // htmx swapped the editor in place: still the same page, no reload.
    expect(new URL(page.url()).pathname).toBe("/console/shipping-rates");
    expect(await page.getByLabel("Countries you ship to").inputValue()).toBe("AT, DE, FR");
    const stored = await send<{ countries: string[]; international: { first: { amount: number } } }>(
      "GET",
      "/v1/seller/shipping-rates",
      200,
      shop,
    );
    expect(stored.countries).toEqual(["AT", "DE", "FR"]);
    expect(stored.international.first.amount).toBe(1190);
    await expectAccessible(page, "shipping rates saved");
    await saveScreenshot(page, "shipping-rates");
    expectNoProblems(watched);
  });
});
