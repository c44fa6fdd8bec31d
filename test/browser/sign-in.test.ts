import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { mailTo, openShop, signIn, unique } from "./support/shop";

describeInBrowser("signing in to the console", () => {
  useBrowser();

  it("registers, confirms the address from the mailbox page and opens a shop, with the keyboard alone", async () => {
    const watched = await openPage();
    const { page } = watched;
    const email = `new-seller-${unique()}@bazaar.test`;
    await page.goto("/console");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/console/login");
    await expectAccessible(page, "login");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL("**/console/register");
    await page.getByLabel("Your name").waitFor();
    await expectAccessible(page, "register");

    // Keyboard only: focus moves with Tab, text is typed, Enter submits.
    await page.getByLabel("Your name").focus();
    await page.keyboard.type("Sam Seller");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(`a long browser password ${unique()}`);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/console\/onboarding/);
    await expectAccessible(page, "onboarding");

    await page.getByLabel("Store name").fill(`Sam's Second Chapter ${unique()}`);
    await page.getByLabel("Contact email").fill(email);
    await page.getByLabel("Ships from").fill("DE");
    await page.getByLabel("Ships from").press("Enter");
    await page.waitForURL((url) => url.pathname === "/console");
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();

    // The verification mail's link opens the Worker's own page; the seller confirms there.
    await mailTo(email, "verify-email");
    await page.goto(`/console/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expectAccessible(page, "mailbox");
    await page
      .getByRole("link", { name: /\/verify-email\?token=/ })
      .first()
      .click();
    await page.waitForURL(/\/verify-email\?token=/);
    await expectAccessible(page, "verify-email");
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your email address is confirmed").waitFor();
    await saveScreenshot(page, "sign-in-verified");
    expectNoProblems(watched);
  });

  it("shows a wrong password on the form and signs out with the button", async () => {
    const shop = await openShop();
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await page.goto("/console/login");
    await page.getByLabel("Email").fill(shop.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("Wrong email or password").waitFor();
    await expectAccessible(page, "login refused");

    await signIn(page, shop);
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();
    await expectAccessible(page, "dashboard at 390 px");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You are signed out.").waitFor();
    await page.goto("/console");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/console/login");
    await saveScreenshot(page, "sign-in-signed-out");
    expectNoProblems(watched);
  });
});

describeInBrowser("a forgotten password", () => {
  useBrowser();

  it("is reset from the mailed link's page, which signs every session out", async () => {
    const shop = await openShop();
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await page.goto("/console/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL("**/console/forgot-password");
    await page.getByRole("button", { name: "Send me a reset link" }).waitFor();
    await expectAccessible(page, "forgot password");
    await page.getByLabel("Email").fill(shop.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await page.getByText("a mail with a reset link is on its way").waitFor();

    const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(await mailTo(shop.email, "password-reset"))?.[1];
    await page.goto(link!);
    await expectAccessible(page, "reset password");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Change my password" }).click();
    await page.locator("[aria-invalid=true]").first().waitFor();
    await expectAccessible(page, "reset password refused");

    const password = `a brand new password ${unique()}`;
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Change my password" }).click();
    await page.getByText("Your password is changed").waitFor();
    await signIn(page, { email: shop.email, password });
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();
    await saveScreenshot(page, "password-reset");
    expectNoProblems(watched);
  });
});
