import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { registerAccount, signIn, unique } from "./support/shop";

describeInBrowser("signing in to the console with a provider", () => {
  useBrowser();

  it("a new person signs in at the local provider and lands in the console", async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.goto("/console/login");
    await expectAccessible(page, "login with providers");
    await saveScreenshot(page, "social-sign-in-login");
    await page
      .getByRole("navigation", { name: "Other ways to sign in" })
      .getByRole("link", { name: "Local sign-in" })
      .click();

    // The provider's own page (not ours): any email signs in there.
    await page.getByLabel("Email").fill(`social-${unique()}@bazaar.test`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/console/onboarding");
    await page.getByRole("heading", { name: "Open your shop" }).waitFor();
    await expectAccessible(page, "onboarding after social sign-in");
    await saveScreenshot(page, "social-sign-in-onboarding");
    expectNoProblems(watched);
  });

  it("an existing account links the provider with its password", async () => {
    const account = await registerAccount();
    const watched = await openPage();
    const { page } = watched;
    await page.goto("/console/login");
    await page.getByRole("link", { name: "Local sign-in" }).click();
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Link Local sign-in to your account" }).waitFor();
    await expectAccessible(page, "link account");
    await saveScreenshot(page, "social-sign-in-link");
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Link and sign in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console/);
    await expect.poll(() => new URL(page.url()).pathname).not.toBe("/console/login/oidc/link");
    expectNoProblems(watched);
  });

  it("links a provider from the security page", async () => {
    const account = await registerAccount();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, account);
    await page.goto("/console/security");
    await page.getByRole("button", { name: "Link Local sign-in" }).click();
    await page.getByLabel("Email").fill(`linked-${unique()}@bazaar.test`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Linked: you can sign in with it from now on.").waitFor();
    await page.getByRole("button", { name: "Unlink Local sign-in" }).waitFor();
    await expectAccessible(page, "security with a linked sign-in");
    await saveScreenshot(page, "social-sign-in-linked");
    expectNoProblems(watched);
  });
});
