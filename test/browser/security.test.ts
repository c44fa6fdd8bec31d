import { expect, it } from "vitest";
import { Authenticator } from "../support/authenticator";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { openShop, signIn } from "./support/shop";

describeInBrowser("two-factor sign-in", () => {
  useBrowser();

  it("is turned on from the security page, then asks for a code, and takes each recovery code once", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Security" }).click();
    await page.getByText("Two-factor sign-in is off").waitFor();
    await expectAccessible(page, "security page, off");

    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await page.getByRole("img", { name: "QR code holding the key for your authenticator app" }).waitFor();
    const authenticator = new Authenticator((await page.locator(".totp-secret").textContent())!.trim());
    await expectAccessible(page, "enrolment");
    await saveScreenshot(page, "security-enrolment");
    await page.getByLabel("Code", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.locator("#field-code[aria-invalid=true]").waitFor();
    await page.getByLabel("Code", { exact: true }).fill(await authenticator.nextCode());
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    const recoveryCodes = await page.locator(".recovery-codes code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page, "recovery codes");
    await saveScreenshot(page, "security-recovery-codes");

    const signOut = async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You are signed out.").waitFor();
    };
    const passwordStep = async () => {
      await page.goto("/console/login");
      await page.getByLabel("Email").fill(shop.email);
      await page.getByLabel("Password").fill(shop.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Enter your sign-in code" }).waitFor();
    };
    const codeStep = async (code: string) => {
      await page.getByLabel("Code", { exact: true }).fill(code);
      await page.getByRole("button", { name: "Sign in" }).click();
    };

    await signOut();
    await passwordStep();
    await expectAccessible(page, "code step");
    await codeStep(await authenticator.nextCode());
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();

    await signOut();
    await passwordStep();
    await codeStep(recoveryCodes[0]!);
    await page.getByRole("navigation", { name: "Console sections" }).waitFor();

    await signOut();
    await passwordStep();
    await codeStep(recoveryCodes[0]!);
    await page.getByRole("alert").waitFor();
    await page.getByRole("heading", { name: "Enter your sign-in code" }).waitFor();
    await expectAccessible(page, "recovery code refused");
    await saveScreenshot(page, "security-recovery-code-refused");
    expectNoProblems(watched);
  });

  it("fits the security page into 390 px", async () => {
    const shop = await openShop();
    const watched = await openPage({ width: 390 });
    const { page } = watched;
    await signIn(page, shop);
    await page.goto("/console/security");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const qr = page.getByRole("img", { name: "QR code holding the key for your authenticator app" });
    const box = await qr.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectAccessible(page, "enrolment at 390 px");
    await saveScreenshot(page, "security-enrolment-390");
    expectNoProblems(watched);
  });
});
