import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import type { ListingView } from "../../workers/catalog/offers";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { testIsbn } from "../support/catalog";
import { api, asAdmin, asSeller, json, type TestAccount, type TestSeller } from "../support/identity";

const BOOKMARK = /^[0-9a-f]+(?:-[0-9a-f]+)*$/;
let seller: TestSeller;
let admin: TestAccount;

beforeAll(async () => {
  seller = await asSeller();
  admin = await asAdmin();
});

/** The bookmark a response answers, failing the test when it has none. */
function bookmarkOf(response: Response): string {
  const bookmark = response.headers.get("x-d1-bookmark");
  expect(bookmark, `no x-d1-bookmark on ${response.url}`).toMatch(BOOKMARK);
  return bookmark!;
}

async function listNewBook(isbn: string) {
  const response = await api(
    "/v1/seller/listings",
    json(
      {
        isbn,
        sku: `RR-${crypto.randomUUID().slice(0, 8)}`,
        condition: "good",
        price: { amount: 900, currency: "EUR" },
        quantity: 1,
        title: "The Replica Atlas",
        authors: ["Bea Bookmark"],
      },
      { headers: seller.auth },
    ),
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return { listing: await response.json<ListingView>(), bookmark: bookmarkOf(response) };
}

describe("read-your-writes with x-d1-bookmark", () => {
  it("answers a write with a bookmark, and a catalog read that sends it back sees the write", async () => {
    const isbn = testIsbn(77_001);
    const { listing, bookmark } = await listNewBook(isbn);
    const headers = { "x-d1-bookmark": bookmark };

    const book = await api(`/v1/books/${isbn}`, { headers });
    expect(book.status).toBe(200);
    const detail = await book.json<{ work: { title: string }; offers: { listingId: string }[] }>();
    expect(detail.work.title).toBe("The Replica Atlas");
    expect(detail.offers.map((offer) => offer.listingId)).toContain(listing.id);
    // A later bookmark never goes back before the one sent (D1 bookmarks order as strings).
    expect(bookmarkOf(book) >= bookmark).toBe(true);

    const shown = await api(`/v1/listings/${listing.id}`, { headers });
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ id: listing.id, price: { amount: 900 } });
  });

  it("hands back a bookmark after a price change, and the price history read with it shows the new price", async () => {
    const { listing } = await listNewBook(testIsbn(77_002));
    const changed = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ price: { amount: 1100, currency: "EUR" } }, { method: "PATCH", headers: seller.auth }),
    );
    expect(changed.status, await changed.clone().text()).toBe(200);
    const history = await api(`/v1/listings/${listing.id}/price-history`, {
      headers: { "x-d1-bookmark": bookmarkOf(changed) },
    });
    expect(history.status).toBe(200);
    const { items } = await history.json<{ items: { price: { amount: number } }[] }>();
    expect(items.map((point) => point.price.amount)).toEqual([900, 1100]);
  });

  it("shows an admin's new category to a category read that sends the bookmark back", async () => {
    const name = `Atlases ${crypto.randomUUID().slice(0, 6)}`;
    const created = await api("/v1/admin/categories", json({ name }, { headers: admin.auth }));
    expect(created.status, await created.clone().text()).toBe(201);
    const tree = await api("/v1/categories", { headers: { "x-d1-bookmark": bookmarkOf(created) } });
    expect(tree.status).toBe(200);
    const { items } = await tree.json<{ items: { name: string }[] }>();
    expect(items.map((node) => node.name)).toContain(name);
  });

  it("serves catalog reads without a bookmark, and answers the one the read reached", async () => {
    for (const path of ["/v1/books?q=replica", "/v1/books/suggest?q=repl", "/v1/categories"]) {
      const response = await api(path);
      expect(response.status, path).toBe(200);
      bookmarkOf(response);
    }
  });

  it("starts a catalog read's session at the client's bookmark, not wherever a replica happens to be", async () => {
    // A bookmark ahead of the local database: the session keeps the newest it has seen, so it comes back as sent.
    const ahead = "ffffffff-ffffffff-ffffffff-ffffffffffffffffffffffffffffffff";
    const response = await api("/v1/books?q=atlas", { headers: { "x-d1-bookmark": ahead } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-d1-bookmark")).toBe(ahead);
  });

  it("keeps metering D1 in bench mode: a catalog read reports its queries and still answers a bookmark", async () => {
    const benchEnv = { ...env, BENCH_MODE: "1" } as Env;
    const response = await createApp().request("/v1/books?q=atlas", {}, benchEnv, createExecutionContext());
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toMatch(/^d1;dur=[\d.]+;desc="queries=[1-9]\d* /);
    bookmarkOf(response);
  });

  it("has no bookmark on PlanetScale: catalog reads use the one database and nothing is answered", () => {
    const config = loadConfig({
      ...env,
      DATABASE: "planetscale",
      PLANETSCALE_HOST: "db.example.psdb.cloud",
      PLANETSCALE_USERNAME: "bazaar",
      PLANETSCALE_PASSWORD: "secret",
    } as unknown as Env);
    const services = buildServices(env, config, createExecutionContext(), createLogger(), "00000001-00000002");
    expect(services.replicaDb).toBe(services.db);
    expect(services.bookmark()).toBeUndefined();
  });
});

describe("x-d1-bookmark across origins", () => {
  it("lets a storefront send the header and read it", async () => {
    const origin = { origin: "https://shop.example" };
    const preflight = await exports.default.fetch("http://bazaar.test/v1/books", {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "GET", "access-control-request-headers": "x-d1-bookmark" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-d1-bookmark");
    const read = await api("/v1/categories", { headers: origin });
    expect(read.headers.get("access-control-expose-headers")).toContain("x-d1-bookmark");
  });
});

describe("x-d1-bookmark in the OpenAPI document", () => {
  type Operation = { parameters?: { $ref?: string }[]; responses: Record<string, { headers?: object }> };
  const CATALOG_READS = [
    "listBooks",
    "suggestBooks",
    "getBookDetail",
    "listCategories",
    "getListing",
    "getListingPriceHistory",
  ];

  async function document() {
    const response = await exports.default.fetch("http://bazaar.test/openapi.json");
    return response.json<{
      paths: Record<string, Record<string, Operation & { operationId: string }>>;
      components: { parameters: Record<string, object>; headers: Record<string, object> };
    }>();
  }

  it("declares the header once, as a parameter of every catalog read and a response header of every write", async () => {
    const doc = await document();
    expect(doc.components.parameters.D1Bookmark).toMatchObject({
      name: "x-d1-bookmark",
      in: "header",
      required: false,
    });
    expect(doc.components.headers.D1Bookmark).toMatchObject({ schema: { $ref: "#/components/schemas/D1Bookmark" } });
    const operations = Object.values(doc.paths).flatMap((item) =>
      Object.entries(item).map(([method, operation]) => ({ method, ...operation })),
    );
    const reads = operations.filter((operation) => CATALOG_READS.includes(operation.operationId));
    expect(reads.map((operation) => operation.operationId).sort()).toEqual([...CATALOG_READS].sort());
    for (const read of reads) {
      expect(read.parameters, read.operationId).toContainEqual({ $ref: "#/components/parameters/D1Bookmark" });
    }
    const writes = operations.filter((operation) => operation.method !== "get");
    expect(writes.length).toBeGreaterThan(10);
    for (const write of writes) {
      for (const [status, response] of Object.entries(write.responses).filter(([status]) => status.startsWith("2"))) {
        expect(response.headers, `${write.operationId} ${status}`).toMatchObject({
          "x-d1-bookmark": { $ref: "#/components/headers/D1Bookmark" },
        });
      }
    }
  });
});
