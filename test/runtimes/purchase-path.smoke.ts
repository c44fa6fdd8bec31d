import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "../../schema/orders";
import { createPlanetScaleDb } from "../../workers/platform/planetscale";
import { type LocalPlanetScale, startLocalPlanetScale } from "../support/local-planetscale";
import { type RunningServer, startWorker } from "../support/servers";
import { isbn } from "./catalog";
import { type PurchasePath, sameAcrossStores, walkPurchasePath } from "./purchase-path";

/**
 * The whole purchase path over HTTP, on two Workers as `npm start` and `npm run start:planetscale` serve them:
 * one on local D1, one with DATABASE=planetscale on a fresh MariaDB behind the PlanetScale HTTP API. Both walks
 * must give the same results once ids and timestamps are set aside.
 */

const HOBBIT = isbn("978026110221");
const HABIT_OF_ART = isbn("979800000004");

type Store = "d1" | "planetscale";
const servers = {} as Record<Store, RunningServer>;
const stateDirs: string[] = [];
let mysql: LocalPlanetScale | undefined;

const temporaryDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `bazaar-purchase-${name}-`));
  stateDirs.push(dir);
  return dir;
};

/** Each Worker signs and checks its simulated payment webhooks with a secret of its own, not the example one. */
const ownSecrets = () => ({ SIMULATED_WEBHOOK_SECRET: `purchase-path-${randomUUID()}` });

async function workerOnD1(): Promise<RunningServer> {
  const persistTo = temporaryDir("d1");
  await promisify(execFile)("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    env: { ...process.env, CI: "1" },
  });
  return startWorker({ name: "worker on D1", persistTo, vars: { DATABASE: "d1", ...ownSecrets() } });
}

async function workerOnPlanetScale(): Promise<RunningServer> {
  mysql = await startLocalPlanetScale({ username: "bazaar-purchase" });
  const vars = { ...mysql.vars, ...ownSecrets() };
  return startWorker({ name: "worker on PlanetScale", persistTo: temporaryDir("planetscale"), vars });
}

beforeAll(async () => {
  [servers.d1, servers.planetscale] = await Promise.all([workerOnD1(), workerOnPlanetScale()]);
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  await mysql?.stop();
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

const book = { isbn: HOBBIT, title: "The Hobbit", authors: ["J. R. R. Tolkien"], price: 1800, quantity: 3 };
const otherBook = { isbn: HABIT_OF_ART, title: "The Habit of Art", authors: ["Alan Bennett"], price: 900, quantity: 1 };

/** What a walk must show on its own, so that two equal walks cannot both be empty or both be wrong. */
function expectAPurchase(path: PurchasePath, store: Store) {
  const { search, order, refund, listing } = path;
  expect(search.correctedQuery, store).toBe("the hobbit");
  expect(search.items[0], store).toMatchObject({ isbn13: HOBBIT, title: "The Hobbit" });
  expect(
    search.items.map((item) => item.isbn13),
    store,
  ).not.toContain(HABIT_OF_ART);

  const { items, shipping, total, refunded } = order.totals;
  expect(items.amount, store).toBe(2 * book.price);
  expect(shipping.amount, store).toBeGreaterThan(0);
  expect(total.amount, store).toBe(2 * book.price + shipping.amount);
  expect(order.paidAt, store).toEqual(expect.any(String));

  expect(refund, store).toMatchObject({ state: "succeeded", amount: { amount: book.price }, restocked: true });
  expect(order.status, store).toBe("partially_refunded");
  expect(refunded.amount, store).toBe(book.price);
  const [part] = order.sellerOrders;
  expect(path.shipped.status, store).toBe("shipped");
  expect(part?.status, store).toBe("partially_refunded");
  expect(part?.shipment?.trackingNumber, store).toBe("JJD0001234567");
  expect(part?.lines[0]?.refunded.amount, store).toBe(book.price);
  expect(
    order.refunds.map((row) => row.amount.amount),
    store,
  ).toEqual([book.price]);
  expect(
    order.history.filter((row) => row.sellerOrderId === null).map((row) => row.to),
    store,
  ).toEqual(["pending_payment", "paid", "partially_refunded"]);

  // Three copies, two sold, one put back on sale by the refund.
  expect(listing, store).toMatchObject({ quantity: 2, available: 2, status: "active" });
  expect(
    path.bookPage.offers.map((offer) => offer.available),
    store,
  ).toEqual([2]);
  expect(path.buyerMail, store).toEqual(expect.arrayContaining(["order-confirmation", "refund-issued"]));
}

describe("the purchase path on D1 and on PlanetScale", () => {
  it("registers, lists, finds a typo, checks out, pays, ships and refunds with the same results on both", async () => {
    const started = Date.now();
    const walk = (store: Store) => walkPurchasePath(servers[store].url, { book, otherBook, search: "the hobbitt" });
    const [onD1, onPlanetScale] = await Promise.all([walk("d1"), walk("planetscale")]);
    console.info(`purchase path walked on both stores in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expectAPurchase(onD1, "d1");
    expectAPurchase(onPlanetScale, "planetscale");
    expect(sameAcrossStores(onPlanetScale)).toEqual(sameAcrossStores(onD1));

    // Each Worker wrote its own store: MariaDB holds the PlanetScale Worker's order and not the D1 Worker's.
    const inMariaDb = await createPlanetScaleDb(mysql!.proxy)
      .select({ id: orders.id, status: orders.status })
      .from(orders);
    expect(inMariaDb).toEqual([{ id: onPlanetScale.order.id, status: "partially_refunded" }]);
  }, 120_000);
});
