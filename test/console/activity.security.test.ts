import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { api, asAdmin, asSeller, json, type TestSeller } from "../support/identity";

async function consoleOf(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

async function promotionOf(seller: TestSeller, name: string) {
  const response = await api(
    "/v1/seller/promotions",
    json({ name, kind: "percent_off", percentOff: 10 }, { headers: seller.auth }),
  );
  expect(response.status).toBe(201);
  return (await response.json<{ id: string }>()).id;
}

describe("console shop activity", () => {
  it("lists the shop's own audit entries only, filtered by action", async () => {
    const owner = await asSeller();
    const rival = await asSeller();
    const mine = await promotionOf(owner, "Mine");
    const theirs = await promotionOf(rival, "Theirs");
    const platform = await api(
      "/v1/admin/promotions",
      json({ name: "Platform", kind: "percent_off", percentOff: 5 }, { headers: (await asAdmin()).auth }),
    );
    const platformId = (await platform.json<{ id: string }>()).id;

    const page = await (await consoleOf(owner)).get("/console/activity");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`promotion:${mine}`);
    expect(html).toContain("Promotion created");
    expect(html).not.toContain(theirs);
    expect(html).not.toContain(platformId);

    const filtered = await (await consoleOf(owner)).get("/console/activity?action=payouts_held");
    expect(await filtered.text()).toContain("No activity of this kind.");
  });

  it("is a shop page: signed out it sends to the sign-in page", async () => {
    const response = await new ConsoleClient().get("/console/activity");
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get("location")).toMatch(/^\/console\/login\?next=%2Fconsole%2Factivity/);
  });
});
