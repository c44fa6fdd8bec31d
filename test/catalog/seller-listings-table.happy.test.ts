import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { toIsbn10 } from "../../workers/catalog/isbn";
import type { ListingView } from "../../workers/catalog/offers";
import { SellerListingsQuery } from "../../workers/catalog/schemas";
import { listSellerListings } from "../../workers/catalog/service";
import { addBooks, catalogContext, isbn, testIsbn } from "../support/catalog";
import { meteredDb } from "../support/d1-meter";
import { onPlanetScale } from "../support/database";
import { api, asSeller, json, type TestSeller } from "../support/identity";

/**
 * The seller's listings table: search by title, ISBN and SKU, filters, every sort paged through with cursors,
 * each listing with its own cover options and photos, in one D1 round trip.
 */
const APPLE = isbn("9780000000002");
const BANANA = testIsbn(1201);
const CHERRY = testIsbn(1202);
const ZAZIE = testIsbn(1203);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

let seller: TestSeller;
let other: TestSeller;
const created: Record<string, ListingView> = {};
const titles: Record<string, string> = {};

async function list(account: TestSeller, body: Record<string, unknown>) {
  const response = await api("/v1/seller/listings", json(body, { headers: account.auth }));
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json<ListingView>();
}

beforeAll(async () => {
  await addBooks(catalogContext(), [
    { isbn: APPLE, title: "apple pie", authors: ["Ann Baker"] },
    { isbn: BANANA, title: "Banana Split", authors: ["Bo Cook"] },
    { isbn: CHERRY, title: "cherry Orchard", authors: ["Anton Chekhov"] },
    { isbn: ZAZIE, title: "Zazie — dans le métro", authors: ["Raymond Queneau"] },
  ]);
  Object.assign(titles, { APL: "apple pie", BAN: "Banana Split", CHE: "cherry Orchard", ZAZ: "Zazie — dans le métro" });
  [seller, other] = await Promise.all([asSeller(), asSeller()]);
  const euros = (amount: number) => ({ amount, currency: "EUR" });
  const rows: [string, string, string, number, number, number?][] = [
    ["APL-1", APPLE, "new", 1500, 3, 3],
    ["BAN_2", BANANA, "good", 700, 1],
    ["CHE-1", CHERRY, "very_good", 1500, 5],
    ["APL-2", APPLE, "acceptable", 300, 2],
    ["ZAZ-1", ZAZIE, "like_new", 2500, 0],
    ["BANX2", BANANA, "new", 900, 4, 1],
    ["ZAZ-2", ZAZIE, "acceptable", 2600, 7],
  ];
  for (const [sku, book, condition, price, quantity, lowStockThreshold] of rows) {
    created[sku] = await list(seller, {
      isbn: book,
      sku,
      condition,
      price: euros(price),
      quantity,
      lowStockThreshold,
      coverOptions: sku === "APL-1" ? [{ name: "Cloth binding", kind: "material", price: euros(900) }] : undefined,
    });
  }
  await list(other, { isbn: APPLE, sku: "APL-1", condition: "new", price: euros(100), quantity: 9 });
  for (let i = 0; i < 2; i++) {
    await api(`/v1/seller/listings/${created["APL-2"]!.id}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
  }
  const paused = await api(
    "/v1/seller/listings/status",
    json({ ids: [created["CHE-1"]!.id], status: "paused" }, { headers: seller.auth }),
  );
  expect(paused.status).toBe(200);
});

interface Page {
  items: ListingView[];
  nextCursor: string | null;
}

async function page(query: string, account = seller): Promise<Page> {
  const response = await api(`/v1/seller/listings?${query}`, { headers: account.auth });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json<Page>();
}

/** Every listing the query finds, page by page, `limit` at a time. */
async function everyPage(query: string, limit = 2): Promise<ListingView[]> {
  const seen: ListingView[] = [];
  let cursor: string | null = null;
  do {
    const next: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(next.items.length).toBeLessThanOrEqual(limit);
    seen.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return seen;
}

const skus = (items: ListingView[]) => items.map((item) => item.sku);
const byId = (a: ListingView, b: ListingView) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const mine = () => Object.values(created);

describe("GET /v1/seller/listings: sorts and cursors", () => {
  // Paging by title one at a time puts "Zazie — dans le métro" (not Latin-1) in a cursor too.
  it("pages through every sort in order, ties broken by id, without a listing lost or repeated", async () => {
    const title = (item: ListingView) => titles[item.sku.slice(0, 3)]!.toLowerCase();
    const expected: Record<string, ListingView[]> = {
      newest: mine().sort(byId).reverse(),
      oldest: mine().sort(byId),
      title: mine().sort((a, b) => (title(a) < title(b) ? -1 : title(a) > title(b) ? 1 : byId(a, b))),
      price: mine().sort((a, b) => a.price.amount - b.price.amount || byId(a, b)),
      "-price": mine().sort((a, b) => b.price.amount - a.price.amount || byId(b, a)),
      quantity: mine().sort((a, b) => a.quantity - b.quantity || byId(a, b)),
    };
    for (const [sort, order] of Object.entries(expected)) {
      expect(skus(await everyPage(`sort=${encodeURIComponent(sort)}`)), sort).toEqual(skus(order));
    }
    expect(skus(await everyPage("sort=title", 1))).toEqual([
      "APL-1",
      "APL-2",
      "BAN_2",
      "BANX2",
      "CHE-1",
      "ZAZ-1",
      "ZAZ-2",
    ]);
    expect(skus(await everyPage("sort=-price", 4))).toEqual([
      "ZAZ-2",
      "ZAZ-1",
      "CHE-1",
      "APL-1",
      "BANX2",
      "BAN_2",
      "APL-2",
    ]);
  });

  it("reads the default (newest first) with the cursors of before sorts existed", async () => {
    const first = await page("limit=2");
    const legacy = btoa(JSON.stringify({ i: first.items[1]!.id }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    const after = await page(`limit=2&cursor=${legacy}`);
    expect(skus(after.items)).toEqual(skus(mine().sort(byId).reverse().slice(2, 4)));
  });
});

describe("GET /v1/seller/listings: search and filters", () => {
  it("finds titles case-insensitively, SKUs, and ISBN-13, ISBN-10 or some of its digits", async () => {
    expect(skus(await everyPage("q=BANANA&sort=oldest"))).toEqual(["BAN_2", "BANX2"]);
    expect(skus(await everyPage("q=apl-&sort=oldest"))).toEqual(["APL-1", "APL-2"]);
    const hyphenated = `${APPLE.slice(0, 3)}-${APPLE.slice(3, 4)}-${APPLE.slice(4, 12)}-${APPLE.slice(12)}`;
    expect(skus(await everyPage(`q=${hyphenated}&sort=oldest`))).toEqual(["APL-1", "APL-2"]);
    expect(skus(await everyPage(`q=${toIsbn10(APPLE)}&sort=oldest`))).toEqual(["APL-1", "APL-2"]);
    expect(skus(await everyPage(`q=${CHERRY.slice(8)}`))).toEqual(["CHE-1"]);
    expect(skus(await everyPage(`q=${encodeURIComponent("métro")}`))).toEqual(["ZAZ-2", "ZAZ-1"]);
  });

  it("takes % and _ in a search as themselves, and an empty search as none", async () => {
    expect(await everyPage("q=")).toHaveLength(7);
    expect(skus(await everyPage("q=n_2"))).toEqual(["BAN_2"]);
    expect(await everyPage("q=%25")).toEqual([]);
  });

  it("filters by status, by conditions and by low stock, together with search and sorts", async () => {
    expect(skus(await everyPage("status=paused"))).toEqual(["CHE-1"]);
    expect(skus(await everyPage("status=sold_out"))).toEqual(["ZAZ-1"]);
    expect(skus(await everyPage("condition=new,good&sort=price"))).toEqual(["BAN_2", "BANX2", "APL-1"]);
    expect(skus(await everyPage("condition=new&q=banana"))).toEqual(["BANX2"]);
    const low = await everyPage("lowStock=true");
    expect(skus(low)).toEqual(["APL-1"]);
    expect(low[0]).toMatchObject({ lowStockThreshold: 3, available: 3 });
  });

  it("shows only the seller's own listings", async () => {
    const theirs = await page("q=APL-1", other);
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0]!.sellerId).toBe(other.sellerId);
    expect(skus(await everyPage("q=APL-1"))).toEqual(["APL-1"]);
  });
});

describe("GET /v1/seller/listings: what each row carries", () => {
  it("gives each listing its own cover options and photos, on every page", async () => {
    const all = await everyPage("sort=oldest", 1);
    const of = (sku: string) => all.find((item) => item.sku === sku)!;
    expect(of("APL-1").coverOptions.map((option) => option.name)).toEqual(["Cloth binding"]);
    expect(of("APL-2").photos).toHaveLength(2);
    for (const sku of ["BAN_2", "CHE-1", "ZAZ-1", "BANX2", "ZAZ-2"]) {
      expect(of(sku)).toMatchObject({ coverOptions: [], photos: [] });
    }
    expect(of("APL-1").title).toBe("apple pie");
    expect(of("APL-1").authors).toEqual(["Ann Baker"]);
  });

  it.skipIf(onPlanetScale)("reads a page with its cover options and photos in one D1 round trip", async () => {
    const { db, meter } = meteredDb(env.DB);
    const ctx = { ...catalogContext(), db };
    const query = SellerListingsQuery.parse({ sort: "title", q: "a", limit: "3" });
    const result = await listSellerListings(ctx, seller.sellerId, query);
    expect(result.items).toHaveLength(3);
    expect(result.nextCursor).not.toBeNull();
    expect(meter.roundTrips).toBe(1);
  });
});
