import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { api, asSeller, signUp } from "../support/identity";

const sessionsOf = async (auth: Record<string, string>) =>
  (await (await api("/v1/me/sessions", { headers: auth })).json<{ items: { id: string; current: boolean }[] }>()).items;

describe("console sign-in", () => {
  it("sends a visitor without a session to the login page, and back where they were after signing in", async () => {
    const browser = new ConsoleClient();
    const page = await browser.get("/console/listings?status=paused");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/console/login?next=%2Fconsole%2Flistings%3Fstatus%3Dpaused");
  });

  it("holds the session in an HttpOnly, SameSite=Strict cookie bound to an identity session", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    const signedIn = await browser.signIn(seller.email, seller.password);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/console");
    const cookie = signedIn.headers.getSetCookie().find((line) => line.startsWith("bb_console="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);

    // The API lists it among the account's sessions: the one besides the test's own API login.
    const sessions = await sessionsOf(seller.auth);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect((await browser.get("/console")).status).toBe(200);
  });

  it("refuses a login form posted without the form's token (no session opened)", async () => {
    const seller = await asSeller();
    const before = (await sessionsOf(seller.auth)).length;
    const browser = new ConsoleClient();
    await browser.get("/console/login");
    const forged = await browser.post("/console/login", { email: seller.email, password: seller.password });
    expect(forged.status).toBe(403);
    const wrong = await browser.post("/console/login", {
      _csrf: "x".repeat(43),
      email: seller.email,
      password: seller.password,
    });
    expect(wrong.status).toBe(403);
    expect(browser.cookies.has("bb_console")).toBe(false);
    expect((await sessionsOf(seller.auth)).length).toBe(before);
  });

  it("never sends a signed-in seller to another site", async () => {
    const seller = await asSeller();
    for (const next of ["https://evil.example/console", "//evil.example/console", "/consolex", "/v1/me"]) {
      const browser = new ConsoleClient();
      const _csrf = await browser.formToken("/console/login");
      const answer = await browser.post("/console/login", {
        _csrf,
        email: seller.email,
        password: seller.password,
        next,
      });
      expect(answer.headers.get("location"), next).toBe("/console");
    }
  });

  it("shows a wrong password on the form, without a session", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    const answer = await browser.post("/console/login", {
      _csrf: await browser.formToken("/console/login"),
      email: seller.email,
      password: "not the password at all",
    });
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain("Wrong email or password");
    expect(browser.cookies.has("bb_console")).toBe(false);
  });

  it("ends with logout: the identity session is revoked and the old cookie opens nothing", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    const stolen = browser.cookies.get("bb_console")!;
    const before = (await sessionsOf(seller.auth)).length;

    const _csrf = await browser.formToken("/console");
    const out = await browser.post("/console/logout", { _csrf });
    expect(out.status).toBe(303);
    expect(browser.cookies.has("bb_console")).toBe(false);
    expect((await sessionsOf(seller.auth)).length).toBe(before - 1);

    const replay = new ConsoleClient();
    replay.cookies.set("bb_console", stolen);
    expect((await replay.get("/console")).status).toBe(303);
  });

  it("ends when the account logs out everywhere through the API", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    expect((await browser.get("/console")).status).toBe(200);
    expect((await api("/v1/auth/logout-all", { method: "POST", headers: seller.auth })).status).toBe(204);
    const after = await browser.get("/console");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/console\/login/);
  });

  it("refuses a sign-out posted without the form token (a cross-site form), keeping the session", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    expect((await browser.post("/console/logout", {})).status).toBe(403);
    expect((await browser.get("/console")).status).toBe(200);
  });

  it("opens nothing with a forged or tampered cookie", async () => {
    const browser = new ConsoleClient();
    for (const value of ["garbage", "a.b", `${"A".repeat(16)}.${"B".repeat(40)}`]) {
      browser.cookies.set("bb_console", value);
      expect((await browser.get("/console")).status).toBe(303);
    }
  });

  it("answers every console page with a CSP that forbids inline script and framing", async () => {
    const browser = new ConsoleClient();
    for (const path of [
      "/console/login",
      "/console/register",
      "/verify-email?token=x",
      "/reset-password",
      "/unsubscribe?token=x",
    ]) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
      expect(page.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("offers a signed-in account without a shop the onboarding form, then opens the shop", async () => {
    const reader = await signUp();
    const browser = new ConsoleClient();
    await browser.signIn(reader.email, reader.password);
    const home = await browser.get("/console");
    expect(home.headers.get("location")).toBe("/console/onboarding");

    const _csrf = await browser.formToken("/console/onboarding");
    const forged = await browser.post("/console/onboarding", {
      storeName: "Forged Books",
      contactEmail: reader.email,
      shipsFrom: "DE",
    });
    expect(forged.status).toBe(403);
    expect((await browser.get("/console")).headers.get("location")).toBe("/console/onboarding");

    const refused = await browser.post("/console/onboarding", {
      _csrf,
      storeName: "x",
      contactEmail: "nope",
      shipsFrom: "Germany",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('aria-invalid="true"');

    const storeName = `<img src=x onerror=alert(1)> ${crypto.randomUUID().slice(0, 8)}`;
    const opened = await browser.post("/console/onboarding", {
      _csrf,
      storeName,
      contactEmail: reader.email,
      shipsFrom: "de",
    });
    expect(opened.status).toBe(303);
    const dashboard = await (await browser.get("/console")).text();
    expect(dashboard).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(dashboard).not.toContain("<img src=x");
  });
});

describe("console form bodies", () => {
  it("refuses a body over the largest upload before reading it as a form (413 page, no session opened)", async () => {
    const browser = new ConsoleClient();
    const _csrf = await browser.formToken("/console/login");
    const answer = await browser.post("/console/login", {
      _csrf,
      email: "a@b.test",
      password: "x".repeat(21 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(browser.cookies.has("bb_console")).toBe(false);
  });
});
