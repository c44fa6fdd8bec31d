import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller, signUp } from "../support/identity";
import { upgrade } from "../support/live";

async function signedIn(account: { email: string; password: string }) {
  const browser = new ConsoleClient();
  await browser.signIn(account.email, account.password);
  return browser;
}

const askTicket = (browser: ConsoleClient, token?: string) =>
  browser.fetch("/console/live-ticket", { method: "POST", headers: token ? { "x-csrf-token": token } : {} });

describe("the console's live-channel ticket", () => {
  it("gives the signed-in seller a ticket for their own channel, on the console's origin", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const orders = await (await browser.get("/console/orders")).text();
    expect(orders).toContain('aria-live="polite"');
    const answer = await askTicket(browser, await browser.formToken("/console/orders"));
    expect(answer.status).toBe(201);
    const { ticket, url } = await answer.json<{ ticket: string; url: string }>();
    expect(ticket.startsWith(`${seller.userId}.`)).toBe(true);
    expect(url).toBe(`ws://bazaar.test/v1/me/live?ticket=${encodeURIComponent(ticket)}`);
    const socket = await upgrade({ ticket });
    expect(socket.status).toBe(101);
    socket.webSocket!.accept();
    socket.webSocket!.close(1000);
  });

  it("refuses a request without the session's form token (a cross-site POST)", async () => {
    const browser = await signedIn(await asSeller());
    expect((await askTicket(browser)).status).toBe(403);
    expect((await askTicket(browser, "forged-token")).status).toBe(403);
  });

  it("sends a visitor without a session to the login page, and a user without a shop to onboarding", async () => {
    const stranger = await askTicket(new ConsoleClient(), "any");
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get("location")).toMatch(/^\/console\/login/);
    const reader = await signedIn(await signUp());
    const noShop = await askTicket(reader, "any");
    expect(noShop.status).toBe(303);
    expect(noShop.headers.get("location")).toBe("/console/onboarding");
  });
});
