import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller } from "../support/identity";
import { enableMfa } from "../support/mfa";
import { type ProviderAccount, providerAccount, signInAtProvider } from "../support/oidc";

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";

/** From the login page's "Sign in with" link to the page the console answers once the provider sent the browser back. */
async function viaProvider(browser: ConsoleClient, person: ProviderAccount, next = "/console") {
  const login = await (await browser.get(`/console/login?next=${encodeURIComponent(next)}`)).text();
  expect(login).toContain("Or sign in with");
  const link = /href="(\/console\/login\/oidc\/local\?[^"]+)"/.exec(login)?.[1]?.replaceAll("&amp;", "&") ?? "";
  const start = await browser.get(link);
  expect(start.status).toBe(303);
  const callback = await signInAtProvider(start.headers.get("location") ?? "", person);
  const back = await browser.get(`${callback.pathname}${callback.search}`);
  expect(back.status).toBe(302);
  const landing = new URL(back.headers.get("location") ?? "");
  expect(landing.pathname).toBe("/console/login/oidc");
  return browser.get(`${landing.pathname}${landing.search}`);
}

describe("console sign-in with a provider", () => {
  it("a new person gets an account and a console session", async () => {
    const browser = new ConsoleClient();
    const page = await viaProvider(browser, providerAccount(), "/console/onboarding");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You are signed in");
    expect(html).toContain('http-equiv="refresh" content="0; url=/console/onboarding"');
    expect(browser.cookies.has("bb_console")).toBe(true);
    expect((await browser.get("/console/onboarding")).status).toBe(200);
  });

  it("links a seller's password account with its password, then asks for the code when two-factor is on", async () => {
    const seller = await enableMfa(await asSeller());
    const browser = new ConsoleClient();
    const person = providerAccount({ email: seller.email });
    const page = await viaProvider(browser, person);
    const html = await page.text();
    expect(html).toContain("Link Local provider to your account");
    const fields = {
      _csrf: hidden(html, "_csrf"),
      next: "/console",
      code: hidden(html, "code"),
      email: hidden(html, "email"),
      provider: hidden(html, "provider"),
    };
    const wrong = await browser.post("/console/login/oidc/link", { ...fields, password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("Link Local provider to your account");

    const linked = await browser.post("/console/login/oidc/link", { ...fields, password: seller.password });
    expect(linked.status).toBe(200);
    const mfa = await linked.text();
    expect(mfa).toContain("Enter your sign-in code");
    const done = await browser.post("/console/login/mfa", {
      _csrf: hidden(mfa, "_csrf"),
      next: "/console",
      challengeId: hidden(mfa, "challengeId"),
      code: await seller.authenticator.nextCode(),
    });
    expect(done.status).toBe(303);
    expect((await browser.get("/console")).status).toBe(200);

    // Linked now: the provider alone leads to the code step.
    const again = await viaProvider(new ConsoleClient(), person);
    expect(await again.text()).toContain("Enter your sign-in code");
  });

  it("a return to another browser than the one that left signs nobody in", async () => {
    const leaving = new ConsoleClient();
    const start = await leaving.get("/console/login/oidc/local?next=/console");
    const callback = await signInAtProvider(start.headers.get("location") ?? "", providerAccount());
    const back = await leaving.get(`${callback.pathname}${callback.search}`);
    const target = new URL(back.headers.get("location") ?? "");
    const victim = new ConsoleClient();
    const page = await victim.get(`${target.pathname}${target.search}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("did not start in this browser");
    expect(victim.cookies.has("bb_console")).toBe(false);
  });

  it("says why when the provider's answer does not verify", async () => {
    const browser = new ConsoleClient();
    const page = await viaProvider(browser, providerAccount({ forge: "signature" }));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("could not be verified");
    expect(browser.cookies.has("bb_console")).toBe(false);
  });

  it("an unknown provider shows the login page again", async () => {
    const page = await new ConsoleClient().get("/console/login/oidc/nobody");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Sign in to your shop");
  });

  it("links a provider from the security page and unlinks it again", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    expect((await browser.signIn(seller.email, seller.password)).status).toBe(303);
    const security = await (await browser.get("/console/security")).text();
    expect(security).toContain("No other account is linked");
    const start = await browser.post("/console/security/sign-ins/local", { _csrf: hidden(security, "_csrf") });
    expect(start.status).toBe(200);
    const onward = /http-equiv="refresh" content="0; url=([^"]+)"/
      .exec(await start.text())?.[1]
      ?.replaceAll("&amp;", "&");
    const callback = await signInAtProvider(onward ?? "", providerAccount());
    const back = await browser.get(`${callback.pathname}${callback.search}`);
    const landing = new URL(back.headers.get("location") ?? "");
    expect(landing.pathname).toBe("/console/linked-sign-in");
    const moving = await (await browser.get(`${landing.pathname}${landing.search}`)).text();
    expect(moving).toContain('content="0; url=/console/security?sign-ins=linked"');

    const linked = await (await browser.get("/console/security?sign-ins=linked")).text();
    expect(linked).toContain("Linked: you can sign in with it from now on.");
    const unlinkAction = /action="(\/console\/security\/sign-ins\/idn_[0-9a-f]+\/unlink)"/.exec(linked)?.[1] ?? "";
    const unlinked = await browser.post(unlinkAction, { _csrf: hidden(linked, "_csrf") });
    expect(unlinked.status).toBe(303);
    expect(await (await browser.get(unlinked.headers.get("location") ?? "")).text()).toContain("Unlinked.");
  });

  it("refuses to start a link without the page's form token", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    const forged = await browser.post("/console/security/sign-ins/local", { _csrf: "x".repeat(43) });
    expect(forged.status).toBe(403);
  });
});
