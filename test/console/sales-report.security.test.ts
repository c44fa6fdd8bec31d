import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder } from "../support/orders";

async function consoleOf(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

const today = () => new Date().toISOString().slice(0, 10);

describe("console dashboard and sales report", () => {
  it("counts only the seller's own orders: another shop's sale shows on neither its dashboard nor its report", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { price: 1500, quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    await paidOrder(buyer);

    const own = await consoleOf(seller);
    const dashboard = await (await own.get("/console")).text();
    expect(dashboard).toContain("15.00 EUR");
    const csv = await (await own.get(`/console/reports/sales.csv?from=${today()}&to=${today()}&period=day`)).text();
    expect(csv).toContain(`${today()},${today()},EUR,1500,1,`);

    const rival = await consoleOf(await asSeller());
    expect(await (await rival.get("/console")).text()).not.toContain("15.00 EUR");
    const theirs = await rival.get(`/console/reports/sales.csv?from=${today()}&to=${today()}&period=day`);
    expect(theirs.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await theirs.text()).toContain(`${today()},${today()},EUR,0,0,`);
  });

  it("sends the CSV as a download named after its days", async () => {
    const browser = await consoleOf(await asSeller());
    const csv = await browser.get("/console/reports/sales.csv?from=2025-03-03&to=2025-03-16&period=week");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="sales-2025-03-03-to-2025-03-16-per-week.csv"',
    );
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows.slice(1).map((row) => row.split(",").slice(0, 2).join(" "))).toEqual([
      "2025-03-03 2025-03-09",
      "2025-03-10 2025-03-16",
    ]);
  });

  it("shows refused dates on their fields with 422, for the page and the CSV alike", async () => {
    const browser = await consoleOf(await asSeller());
    for (const path of [
      "/console/reports/sales?from=2025-02-30&period=day",
      "/console/reports/sales?from=2025-03-10&to=2025-03-01",
      "/console/reports/sales.csv?from=2023-01-01&to=2025-01-01",
      "/console/reports/sales?period=year",
    ]) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(422);
      const html = await page.text();
      expect(html, path).toMatch(/id="field-(from|period)"[^>]*aria-invalid="true"/);
      expect(html, path).not.toContain("data-chart");
    }
  });

  it("renders a store name holding markup as text on the dashboard", async () => {
    const seller = await asSeller({ storeName: `<img src=x onerror=alert(1)> ${crypto.randomUUID().slice(0, 6)}` });
    const html = await (await (await consoleOf(seller)).get("/console")).text();
    expect(html).toContain("<h1>&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });
});
