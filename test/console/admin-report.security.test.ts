import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asAdmin, asSeller, type TestAccount } from "../support/identity";
import { WEEK, weekWithSales } from "../support/weekly-reports";

async function consoleOf(account: TestAccount) {
  const browser = new ConsoleClient();
  await browser.signIn(account.email, account.password);
  return browser;
}

describe("console admin reports", () => {
  it("shows an admin the week's figures, charts and sellers", async () => {
    await weekWithSales();
    const page = await (await consoleOf(await asAdmin())).get(`/console/admin/reports?week=${WEEK}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Weekly report ${WEEK}`);
    expect(html).toContain("57.00 EUR");
    expect(html).toContain('data-chart="admin-sales"');
    expect(html).toContain("Alpha Books");
    const csv = await (await consoleOf(await asAdmin())).get(`/console/admin/reports.csv?week=${WEEK}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("sales,week,gmv,5700");
  });

  it("refuses a seller who is no admin, and sends a visitor to sign in", async () => {
    const refused = await (await consoleOf(await asSeller())).get(`/console/admin/reports?week=${WEEK}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Alpha Books");
    const csv = await (await consoleOf(await asSeller())).get(`/console/admin/reports.csv?week=${WEEK}`);
    expect(csv.status).toBe(403);
    const visitor = await new ConsoleClient().get("/console/admin/reports");
    expect(visitor.status).toBe(303);
  });

  it("answers a week not over yet with the 422 page", async () => {
    const page = await (await consoleOf(await asAdmin())).get("/console/admin/reports?week=2999-W01");
    expect(page.status).toBe(422);
  });
});
