import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { ConsoleClient } from "../support/console";
import { envWith } from "../support/env";
import { asAdmin, asSeller, signUp, type TestAccount } from "../support/identity";
import { Authenticator } from "../support/mfa";

/** The Worker as production configures it: two-factor sign-in required for admins and payout details. */
const strict = envWith({ MFA_REQUIRED_FOR_ADMINS: "true", MFA_REQUIRED_FOR_PAYOUTS: "true" });
const strictWorker = {
  async fetch(url: string, init: RequestInit) {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(new Request(url, init), strict, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  },
};

async function signedIn(account: TestAccount, browser = new ConsoleClient()) {
  expect((await browser.signIn(account.email, account.password)).status).toBe(303);
  return browser;
}

/** Turns two-factor sign-in on through the security page; answers the app holding the key and the page's codes. */
async function enrolFromConsole(browser: ConsoleClient) {
  const _csrf = await browser.formToken("/console/security");
  const started = await browser.post("/console/security/totp", { _csrf });
  expect(started.status).toBe(200);
  const html = await started.text();
  expect(html).toContain('src="data:image/svg+xml;base64,');
  const key = /class="totp-secret">([A-Z2-7]+)</.exec(html)?.[1];
  expect(key).toBeTruthy();
  const authenticator = new Authenticator(key!);
  const confirmed = await browser.post("/console/security/totp/confirm", {
    _csrf,
    code: await authenticator.nextCode(),
  });
  expect(confirmed.status).toBe(200);
  const codes = [...(await confirmed.text()).matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1]!);
  return { authenticator, codes, _csrf };
}

describe("the console's security page", () => {
  it("turns two-factor sign-in on with the app's first code, shows ten recovery codes, and turns it off", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const page = await browser.get("/console/security");
    expect(page.status).toBe(200);
    const before = await page.text();
    expect(before).toContain("Two-factor sign-in is off");
    expect(before).toContain('aria-label="Console sections"');

    const { authenticator, codes, _csrf } = await enrolFromConsole(browser);
    expect(codes).toHaveLength(10);
    expect(await (await browser.get("/console/security")).text()).toContain("Two-factor sign-in is on");
    const next = await new ConsoleClient().signIn(seller.email, seller.password);
    expect(await next.text()).toContain("Enter your sign-in code");

    const off = await browser.post("/console/security/totp/disable", {
      _csrf,
      password: seller.password,
      code: await authenticator.nextCode(),
    });
    expect(off.status).toBe(303);
    expect(off.headers.get("location")).toBe("/console/security?turned-off");
    expect(await (await browser.get("/console/security?turned-off")).text()).toContain("Two-factor sign-in is off.");
    expect((await new ConsoleClient().signIn(seller.email, seller.password)).status).toBe(303);
  });

  it("is open to an account without a shop, without the shop's navigation", async () => {
    const reader = await signUp({ name: "Reader" });
    const browser = await signedIn(reader);
    const page = await browser.get("/console/security");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('aria-label="Console sections"');
  });

  it("shows a wrong code and a wrong password beside their fields, changing nothing", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const _csrf = await browser.formToken("/console/security");
    expect((await browser.post("/console/security/totp", { _csrf })).status).toBe(200);
    const wrong = await browser.post("/console/security/totp/confirm", { _csrf, code: "12345" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toMatch(/id="field-code"[^>]*aria-invalid="true"/);
    expect(await (await browser.get("/console/security")).text()).toContain("Two-factor sign-in is off");

    const { authenticator } = await enrolFromConsole(browser);
    const refused = await browser.post("/console/security/totp/disable", {
      _csrf,
      password: "not the password",
      code: await authenticator.nextCode(),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/id="field-password"[^>]*aria-invalid="true"/);
    const badCode = await browser.post("/console/security/totp/disable", {
      _csrf,
      password: seller.password,
      code: authenticator.wrongCode(),
    });
    expect(badCode.status).toBe(422);
    expect(await (await browser.get("/console/security")).text()).toContain("Two-factor sign-in is on");
  });

  it("needs a live session and the session's form token", async () => {
    const anonymous = await new ConsoleClient().get("/console/security");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/console/login?next=%2Fconsole%2Fsecurity");

    const browser = await signedIn(await asSeller());
    const forged = await browser.post("/console/security/totp", { _csrf: "x".repeat(43) });
    expect(forged.status).toBe(403);
    expect(await (await browser.get("/console/security")).text()).toContain("Two-factor sign-in is off");
  });
});

describe("two-factor sign-in required in the console (MFA_REQUIRED_FOR_ADMINS, MFA_REQUIRED_FOR_PAYOUTS)", () => {
  it("sends an admin without it from the admin pages to the security page, and lets them in once it is on", async () => {
    const admin = await asAdmin();
    const browser = await signedIn(admin, new ConsoleClient(undefined, strictWorker));
    const sent = await browser.get("/console/admin/reports");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/console/security?required=admin");
    expect(await (await browser.get("/console/security?required=admin")).text()).toContain(
      "admin pages need two-factor sign-in",
    );
    await enrolFromConsole(browser);
    expect((await browser.get("/console/admin/reports")).status).toBe(200);
    expect((await browser.get("/console/admin/support")).status).toBe(200);
  });

  it("sends a seller without it from payout onboarding to the security page; with it on, onboarding starts", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller, new ConsoleClient(undefined, strictWorker));
    const _csrf = await browser.formToken("/console/payouts");
    const sent = await browser.post("/console/payouts/onboarding", { _csrf });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/console/security?required=payouts");
    await enrolFromConsole(browser);
    const started = await browser.post("/console/payouts/onboarding", { _csrf });
    expect(started.status).toBe(303);
    expect(started.headers.get("location")).not.toContain("/console/security");
  });
});
