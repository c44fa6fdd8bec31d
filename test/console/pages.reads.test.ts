import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { ConsoleClient } from "../support/console";
import { api, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder } from "../support/orders";

/** The real D1 binding, counting each call that goes to the database: a batch is one, however many statements. */
function countingD1(database: D1Database) {
  const calls = { roundTrips: 0 };
  const counted =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      calls.roundTrips += 1;
      return run(...args);
    };
  const statements = new WeakMap<object, D1PreparedStatement>();
  const statement = (inner: D1PreparedStatement): D1PreparedStatement => {
    const outer = new Proxy(inner, {
      get: (target, key) => {
        if (key === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        const value = Reflect.get(target, key, target);
        if (typeof value !== "function") return value;
        const bound = value.bind(target);
        return ["all", "run", "first", "raw"].includes(String(key)) ? counted(bound) : bound;
      },
    });
    statements.set(outer, inner);
    return outer;
  };
  const session = <T extends D1Database | D1DatabaseSession>(inner: T): T =>
    new Proxy(inner, {
      get: (target, key) => {
        if (key === "prepare") return (sql: string) => statement(target.prepare(sql));
        if (key === "batch") {
          return counted((list) => target.batch((list as D1PreparedStatement[]).map((s) => statements.get(s) ?? s)));
        }
        if (key === "withSession")
          return (constraint?: string) => session((target as D1Database).withSession(constraint));
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { db: session(database), calls };
}

/** A console page fetched as the signed-in browser, on a D1 binding that counts its round trips. */
async function roundTripsOf(browser: ConsoleClient, path: string) {
  const { db, calls } = countingD1(env.DB);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const request = new Request(`http://bazaar.test${path}`, { headers: { cookie, "cf-connecting-ip": browser.ip } });
  const ctx = createExecutionContext();
  const page = await worker.fetch(request, { ...env, DB: db } as Env, ctx);
  const html = await page.text();
  await waitOnExecutionContext(ctx);
  return { status: page.status, html, roundTrips: calls.roundTrips };
}

describe("console page reads", () => {
  it("renders each page with the D1 round trips its data needs, the dashboard's four side by side", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 3, price: 1200 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    await paidOrder(buyer);
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);

    // Every page: the identity session, then the seller profile. The dashboard then sends the orders figures
    // (one batch), the low-stock listings (one batch), the waiting print jobs (one query) and the payouts (one
    // batch: balances, transfers, account) together.
    const dashboard = await roundTripsOf(browser, "/console");
    expect(dashboard.status).toBe(200);
    expect(dashboard.html).toContain("12.00 EUR");
    expect(dashboard.roundTrips).toBe(6);
    // The report's figures and top books are one batch; a page of print jobs one query, the rates one.
    const report = await roundTripsOf(browser, "/console/reports/sales?period=week");
    expect(report.status).toBe(200);
    expect(report.roundTrips).toBe(3);
    expect((await roundTripsOf(browser, "/console/print-jobs")).roundTrips).toBe(3);
    expect((await roundTripsOf(browser, "/console/shipping-rates")).roundTrips).toBe(3);
    // The profile form shows the seller profile the page has already read.
    expect((await roundTripsOf(browser, "/console/profile")).roundTrips).toBe(2);
    // The payouts page: one batch of balances, transfers and account.
    expect((await roundTripsOf(browser, "/console/payouts")).roundTrips).toBe(3);
  });

  it("renders the orders and imports pages with the round trips their data needs", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 3, price: 1200 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const placed = await paidOrder(buyer);
    const sellerOrderId = placed.order.sellerOrders[0]!.id;
    const started = await api("/v1/seller/imports", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "text/csv" },
      body: "isbn,sku,condition,price,currency,quantity\n9780261102217,READS-1,new,1.00,EUR,1",
    });
    const { importId } = await started.json<{ importId: string }>();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);

    // After the session and the seller profile: the queue's page of seller orders, then their orders, lines and
    // shipments side by side.
    const queue = await roundTripsOf(browser, "/console/orders");
    expect(queue.html).toContain(sellerOrderId);
    expect(queue.roundTrips).toBe(6);
    // A seller order with its order, lines, shipment, history and refunds is one batch; its packing slip too.
    expect((await roundTripsOf(browser, `/console/orders/${sellerOrderId}`)).roundTrips).toBe(3);
    expect((await roundTripsOf(browser, `/console/orders/${sellerOrderId}/packing-slip`)).roundTrips).toBe(3);
    // Past imports with their progress are one query; one import is the import, then its progress and refused
    // rows side by side.
    expect((await roundTripsOf(browser, "/console/imports")).roundTrips).toBe(3);
    expect((await roundTripsOf(browser, `/console/imports/${importId}`)).roundTrips).toBe(5);
  });
});
