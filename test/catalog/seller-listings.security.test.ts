import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView } from "../../workers/catalog/offers";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
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
