import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../schema/orders";
import { ConsoleClient } from "../support/console";
import { asSeller, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder } from "../support/orders";

async function consoleOf(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tuesday noon of the week before this one (UTC). */
function lastWeeksTuesday(): number {
  const now = Date.now();
  const monday = Math.floor(now / DAY_MS) * DAY_MS - ((new Date(now).getUTCDay() + 6) % 7) * DAY_MS;
  return monday - 6 * DAY_MS + DAY_MS / 2;
}

describe("console weekly report", () => {
  it("charts the seller's own weeks, and another shop's sale shows on neither its figures nor its charts", async () => {
    const seller = await asSeller({ storeName: "Weekly Shop" });
    const listing = await listBook(seller, { price: 1700, quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const { order } = await paidOrder(buyer);
    await db.update(orders).set({ paidAt: lastWeeksTuesday() }).where(eq(orders.id, order.id));

    const own = await (await (await consoleOf(seller)).get("/console/reports")).text();
    expect(own).toContain("Weekly report");
    expect(own).toContain("17.00 EUR");
    expect(own).toContain('data-chart="weekly-gmv"');
    const csv = await (await consoleOf(seller)).get("/console/reports/weekly.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain(",1700,1,");

    const rival = await consoleOf(await asSeller());
    const theirs = await rival.get("/console/reports");
    expect(theirs.status).toBe(200);
    const text = await theirs.text();
    expect(text).not.toContain("17.00");
    expect(text).toContain("You sold nothing in");
    // A shop with no sales in any of the weeks gets a line instead of empty charts.
    expect(text).toContain("No figures yet");
    expect(text).not.toContain('data-chart="weekly-gmv"');
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    const response = await new ConsoleClient().get("/console/reports");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/console/login?next=%2Fconsole%2Freports");
  });
});
