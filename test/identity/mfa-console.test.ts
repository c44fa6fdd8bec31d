import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller } from "../support/identity";
import { enableMfa } from "../support/mfa";

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";

/** Signs in with the password; with two-factor on the page asks for a code and carries the challenge. */
async function passwordStep(browser: ConsoleClient, email: string, password: string) {
  const page = await browser.signIn(email, password);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Enter your sign-in code");
  expect(browser.cookies.has("bb_console")).toBe(false);
  return { _csrf: hidden(html, "_csrf"), challengeId: hidden(html, "challengeId"), next: "/console" };
}

describe("console sign-in with two-factor on", () => {
  it("asks for the authenticator code after the password and then opens the console", async () => {
    const seller = await enableMfa(await asSeller());
    const browser = new ConsoleClient();
    const step = await passwordStep(browser, seller.email, seller.password);
    const done = await browser.post("/console/login/mfa", { ...step, code: await seller.authenticator.nextCode() });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/console");
    expect(browser.cookies.has("bb_console")).toBe(true);
    expect((await browser.get("/console")).status).toBe(200);
  });

  it("takes a recovery code once; a wrong code shows the form again without a session", async () => {
    const seller = await enableMfa(await asSeller());
    const first = new ConsoleClient();
    const wrong = await first.post("/console/login/mfa", {
      ...(await passwordStep(first, seller.email, seller.password)),
      code: seller.authenticator.wrongCode(),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("Enter your sign-in code");
    expect(first.cookies.has("bb_console")).toBe(false);

    const recovery = seller.recoveryCodes[0]!;
    const step = await passwordStep(first, seller.email, seller.password);
    expect((await first.post("/console/login/mfa", { ...step, code: recovery })).status).toBe(303);

    const second = new ConsoleClient();
    const again = await second.post("/console/login/mfa", {
      ...(await passwordStep(second, seller.email, seller.password)),
      code: recovery,
    });
    expect(again.status).toBe(401);
    expect(second.cookies.has("bb_console")).toBe(false);
  });

  it("refuses the code step without the form's token", async () => {
    const seller = await enableMfa(await asSeller());
    const browser = new ConsoleClient();
    const step = await passwordStep(browser, seller.email, seller.password);
    const forged = await browser.post("/console/login/mfa", {
      ...step,
      _csrf: "x".repeat(43),
      code: await seller.authenticator.nextCode(),
    });
    expect(forged.status).toBe(403);
    expect(browser.cookies.has("bb_console")).toBe(false);
  });
});
