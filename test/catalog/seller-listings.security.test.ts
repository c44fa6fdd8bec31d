import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView } from "../../workers/catalog/offers";
import { lowStockListings, sellerListingPriceHistory } from "../../workers/catalog/service";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, json, signUp, type TestAccount, type TestSeller } from "../support/identity";

const KNOWN = testIsbn(700);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
let sellerA: TestSeller;
let sellerB: TestSeller;
let buyer: TestAccount;
let listingA: ListingView;

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: KNOWN, title: "Great Expectations", authors: ["Charles Dickens"] }]);
  [sellerA, sellerB, buyer] = await Promise.all([asSeller(), asSeller(), signUp()]);
  const created = await api(
    "/v1/seller/listings",
    json(
      { isbn: KNOWN, sku: "GE-1", condition: "good", price: { amount: 700, currency: "EUR" }, quantity: 1 },
      { headers: sellerA.auth },
    ),
  );
  listingA = await created.json<ListingView>();
});

const routes = (id: string): [string, string, unknown?][] => [
  [
    "POST",
    "/v1/seller/listings",
    { isbn: KNOWN, sku: "X", condition: "new", price: { amount: 1, currency: "EUR" }, quantity: 1 },
  ],
  ["GET", "/v1/seller/listings"],
  ["GET", `/v1/seller/listings/${id}`],
  ["PATCH", `/v1/seller/listings/${id}`, { price: { amount: 1, currency: "EUR" } }],
  ["DELETE", `/v1/seller/listings/${id}`],
  ["POST", `/v1/seller/listings/${id}/photos`],
  ["DELETE", `/v1/seller/listings/${id}/photos/pho_${"0".repeat(32)}`],
  ["POST", "/v1/seller/imports", "isbn,sku,condition,price,currency,quantity\n"],
  ["GET", `/v1/seller/imports/imp_${"0".repeat(32)}`],
  ["POST", "/v1/seller/listings/status", { ids: [id], status: "paused" }],
  ["PUT", `/v1/seller/listings/${id}/photos/order`, { photoIds: [] }],
  ["GET", "/v1/seller/imports"],
  ["GET", `/v1/seller/imports/imp_${"0".repeat(32)}/failed-rows`],
];

function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
  if (body === undefined) return api(path, { method, headers });
  if (typeof body === "string") return api(path, { method, headers: { ...headers, "content-type": "text/csv" }, body });
  return api(path, json(body, { method, headers }));
}

describe("seller routes need a signed-in seller", () => {
  it("answers 401 without a token and with a forged one", async () => {
    for (const [method, path, body] of routes(listingA.id)) {
      expect((await send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
      const forged = await send(method, path, body, { authorization: "Bearer eyJhbGciOiJub25lIn0.e30." });
      expect(forged.status, `${method} ${path} forged`).toBe(401);
    }
  });

  it("answers 403 to a signed-in buyer", async () => {
    for (const [method, path, body] of routes(listingA.id)) {
      expect((await send(method, path, body, buyer.auth)).status, `${method} ${path}`).toBe(403);
    }
  });
});

describe("a seller cannot touch another seller's listing", () => {
  it("answers 404 to seller B reading, changing, deleting or adding photos to seller A's listing", async () => {
    const path = `/v1/seller/listings/${listingA.id}`;
    expect((await api(path, { headers: sellerB.auth })).status).toBe(404);
    expect(
      (await api(path, json({ price: { amount: 1, currency: "EUR" } }, { method: "PATCH", headers: sellerB.auth })))
        .status,
    ).toBe(404);
    expect((await api(path, { method: "DELETE", headers: sellerB.auth })).status).toBe(404);
    const photo = await api(`${path}/photos`, {
      method: "POST",
      headers: { ...sellerB.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    expect(photo.status).toBe(404);
    const mine = await (await api("/v1/seller/listings", { headers: sellerB.auth })).json<{ items: ListingView[] }>();
    expect(mine.items.map((item) => item.id)).not.toContain(listingA.id);

    const still = await (await api(path, { headers: sellerA.auth })).json<ListingView>();
    expect(still).toMatchObject({ status: "active", price: { amount: 700 }, photos: [] });
  });

  it("answers 404 to seller B deleting seller A's photo", async () => {
    const uploaded = await api(`/v1/seller/listings/${listingA.id}/photos`, {
      method: "POST",
      headers: { ...sellerA.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    const photo = await uploaded.json<{ id: string; url: string }>();
    const attempt = await api(`/v1/seller/listings/${listingA.id}/photos/${photo.id}`, {
      method: "DELETE",
      headers: sellerB.auth,
    });
    expect(attempt.status).toBe(404);
    expect((await api(new URL(photo.url).pathname)).status).toBe(200);
  });

  it("keeps SKU and stocked quantity off the public listing page", async () => {
    const page = await (await api(`/v1/listings/${listingA.id}`)).json<Record<string, unknown>>();
    expect(page).not.toHaveProperty("sku");
    expect(page).not.toHaveProperty("quantity");
    expect(page).toMatchObject({ id: listingA.id, available: 1 });
  });
});

describe("a seller cannot pause, reorder or read another seller's listings through the console's services", () => {
  it("reports seller A's listing as not_found to seller B's bulk pause, and leaves it on sale without an event", async () => {
    const own = await api(
      "/v1/seller/listings",
      json(
        { isbn: KNOWN, sku: "GE-B", condition: "good", price: { amount: 650, currency: "EUR" }, quantity: 1 },
        { headers: sellerB.auth },
      ),
    );
    const mine = await own.json<ListingView>();
    const eventsOfA = async () =>
      Number(
        await testDatabase
          .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ListingUpdated' AND envelope LIKE ?")
          .bind(`%${listingA.id}%`)
          .first<number>("n"),
      );
    const before = await eventsOfA();
    const response = await api(
      "/v1/seller/listings/status",
      json({ ids: [listingA.id, mine.id], status: "paused" }, { headers: sellerB.auth }),
    );
    expect(await response.json()).toEqual({
      results: [
        { id: listingA.id, result: "not_found" },
        { id: mine.id, result: "updated", status: "paused" },
      ],
    });
    const still = await (
      await api(`/v1/seller/listings/${listingA.id}`, { headers: sellerA.auth })
    ).json<ListingView>();
    expect(still.status).toBe("active");
    expect(await eventsOfA()).toBe(before);
  });

  it("answers 404 to seller B ordering seller A's photos, and 422 for A's photo named on B's own listing", async () => {
    const uploaded = await api(`/v1/seller/listings/${listingA.id}/photos`, {
      method: "POST",
      headers: { ...sellerA.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    const photo = await uploaded.json<{ id: string }>();
    const order = (listingId: string, account: TestSeller) =>
      api(
        `/v1/seller/listings/${listingId}/photos/order`,
        json({ photoIds: [photo.id] }, { method: "PUT", headers: account.auth }),
      );
    expect((await order(listingA.id, sellerB)).status).toBe(404);
    const own = await (await api("/v1/seller/listings?q=GE-B", { headers: sellerB.auth })).json<{
      items: ListingView[];
    }>();
    expect((await order(own.items[0]!.id, sellerB)).status).toBe(422);
    const photosOfA = (
      await (await api(`/v1/seller/listings/${listingA.id}`, { headers: sellerA.auth })).json<ListingView>()
    ).photos;
    const reordered = await api(
      `/v1/seller/listings/${listingA.id}/photos/order`,
      json({ photoIds: photosOfA.map((p) => p.id).reverse() }, { method: "PUT", headers: sellerA.auth }),
    );
    expect(reordered.status).toBe(200);
  });

  it("finds none of seller A's listings in seller B's search, low-stock list or price history", async () => {
    const found = await (await api("/v1/seller/listings?q=GE-1", { headers: sellerB.auth })).json<{
      items: ListingView[];
    }>();
    expect(found.items).toEqual([]);
    const ctx = catalogContext();
    await expect(sellerListingPriceHistory(ctx, sellerB.sellerId, listingA.id, { limit: 10 })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await sellerListingPriceHistory(ctx, sellerA.sellerId, listingA.id, { limit: 10 })).items).toHaveLength(1);
    const watched = await api(
      `/v1/seller/listings/${listingA.id}`,
      json({ lowStockThreshold: 1 }, { method: "PATCH", headers: sellerA.auth }),
    );
    expect(watched.status).toBe(200);
    expect((await lowStockListings(ctx, sellerA.sellerId, 100)).map((item) => item.id)).toContain(listingA.id);
    expect((await lowStockListings(ctx, sellerB.sellerId, 100)).map((item) => item.sellerId)).not.toContain(
      sellerA.sellerId,
    );
    const theirs = await api(
      `/v1/seller/listings/${listingA.id}`,
      json({ lowStockThreshold: 0 }, { method: "PATCH", headers: sellerB.auth }),
    );
    expect(theirs.status).toBe(404);
  });
});
