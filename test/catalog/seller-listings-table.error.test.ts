import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView, PhotoView } from "../../workers/catalog/offers";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { api, asSeller, json, type TestSeller } from "../support/identity";

/** Bad input to the listings table, bulk status, photo order and the low-stock threshold: 4xx problems, never 500. */
const BOOK = testIsbn(1500);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
let seller: TestSeller;
let listing: ListingView;
const listingIds: string[] = [];

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: BOOK, title: "Bring Up the Bodies", authors: ["Hilary Mantel"] }]);
  seller = await asSeller();
  for (let i = 0; i < 3; i++) {
    const response = await api(
      "/v1/seller/listings",
      json(
        { isbn: BOOK, sku: `BUB-${i}`, condition: "good", price: { amount: 900 + i, currency: "EUR" }, quantity: 1 },
        { headers: seller.auth },
      ),
    );
    listing = await response.json<ListingView>();
    listingIds.push(listing.id);
  }
});

async function problem(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json<{ code: string; errors?: { path: string }[] }>();
  expect(body.code).toBe(code);
  return body;
}

const table = (query: string) => api(`/v1/seller/listings?${query}`, { headers: seller.auth });
const cursorOf = (position: Record<string, unknown>) =>
  btoa(JSON.stringify(position)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

describe("GET /v1/seller/listings errors", () => {
  it("refuses a forged cursor, another sort's cursor and a cursor whose key does not fit its sort", async () => {
    await problem(await table("cursor=not-a-cursor"), 400, "invalid_cursor");
    const byPrice = await (await table("sort=price&limit=1")).json<{ nextCursor: string }>();
    expect(byPrice.nextCursor).toBeTruthy();
    expect((await table(`sort=price&limit=1&cursor=${byPrice.nextCursor}`)).status).toBe(200);
    await problem(await table(`sort=title&limit=1&cursor=${byPrice.nextCursor}`), 400, "invalid_cursor");
    await problem(await table(`limit=1&cursor=${byPrice.nextCursor}`), 400, "invalid_cursor");
    await problem(
      await table(`sort=price&cursor=${cursorOf({ s: "price", k: "x", i: listing.id })}`),
      400,
      "invalid_cursor",
    );
    await problem(
      await table(`sort=title&cursor=${cursorOf({ s: "title", k: 3, i: listing.id })}`),
      400,
      "invalid_cursor",
    );
    await problem(await table(`cursor=${cursorOf({ s: "newest", k: 3, i: listing.id })}`), 400, "invalid_cursor");
    await problem(await table(`sort=price&cursor=${cursorOf({ s: "price", i: listing.id })}`), 400, "invalid_cursor");
    await problem(await table(`cursor=${"a".repeat(2049)}`), 400, "validation_failed");
  });

  it("refuses an unknown sort, condition, status or lowStock value, a long search, a bad limit", async () => {
    for (const query of [
      "sort=cheapest",
      "condition=mint",
      "condition=new,,good",
      "status=deleted",
      "lowStock=yes",
      `q=${"x".repeat(201)}`,
      "limit=0",
      "limit=101",
    ]) {
      const body = await problem(await table(query), 400, "validation_failed");
      expect(body.errors?.length, query).toBeGreaterThan(0);
    }
  });
});

describe("POST /v1/seller/listings/status errors", () => {
  const post = (body: unknown) => api("/v1/seller/listings/status", json(body, { headers: seller.auth }));

  it("refuses no ids, more than 100, a malformed id, and a status other than active or paused", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `lst_${i.toString(16).padStart(32, "0")}`);
    const cases: [unknown, string][] = [
      [{ ids: [], status: "paused" }, "ids"],
      [{ ids: many, status: "paused" }, "ids"],
      [{ ids: ["ord_123"], status: "paused" }, "ids.0"],
      [{ ids: [listing.id], status: "sold_out" }, "status"],
      [{ ids: [listing.id] }, "status"],
    ];
    for (const [body, path] of cases) {
      const refused = await problem(await post(body), 400, "validation_failed");
      expect(refused.errors?.map((error) => error.path)).toEqual([path]);
    }
    const still = await (await api(`/v1/seller/listings/${listing.id}`, { headers: seller.auth })).json<ListingView>();
    expect(still.status).toBe("active");
  });

  it("refuses a body that is not JSON", async () => {
    const response = await api("/v1/seller/listings/status", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "text/plain" },
      body: "pause them all",
    });
    await problem(response, 415, "unsupported_media_type");
    await problem(
      await api("/v1/seller/listings/status", {
        method: "POST",
        headers: { ...seller.auth, "content-type": "application/json" },
        body: "{ids:",
      }),
      400,
      "malformed_json",
    );
  });
});

describe("PUT /v1/seller/listings/{id}/photos/order errors", () => {
  async function photoOf(listingId: string) {
    const response = await api(`/v1/seller/listings/${listingId}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    return (await response.json<PhotoView>()).id;
  }
  const order = (listingId: string, photoIds: unknown) =>
    api(`/v1/seller/listings/${listingId}/photos/order`, json({ photoIds }, { method: "PUT", headers: seller.auth }));

  it("refuses a list that is not exactly the listing's photos with 422, changing nothing", async () => {
    const [a, b] = [await photoOf(listingIds[0]!), await photoOf(listingIds[0]!)];
    const elsewhere = await photoOf(listingIds[1]!);
    for (const photoIds of [[a], [a, a], [a, b, a], [a, elsewhere], [a, b, elsewhere], [b, `pho_${"0".repeat(32)}`]]) {
      const body = await problem(await order(listingIds[0]!, photoIds), 422, "unprocessable");
      expect(body.errors?.map((error) => error.path)).toEqual(["photoIds"]);
    }
    await problem(await order(listingIds[2]!, [a]), 422, "unprocessable");
    expect((await order(listingIds[2]!, [])).status).toBe(200);
    const shown = await (await api(`/v1/listings/${listingIds[0]}`)).json<{ photos: { id: string }[] }>();
    expect(shown.photos.map((photo) => photo.id)).toEqual([a, b]);
  });

  it("refuses malformed photo ids and a missing list with 400, and an unknown listing with 404", async () => {
    await problem(await order(listingIds[0]!, ["photo-1"]), 400, "validation_failed");
    await problem(await order(listingIds[0]!, undefined), 400, "validation_failed");
    await problem(await order(`lst_${"0".repeat(32)}`, []), 404, "not_found");
    await problem(await order("lst_nope", []), 400, "validation_failed");
  });
});

describe("low-stock threshold errors", () => {
  it("refuses a negative, fractional or too large threshold on create and on PATCH", async () => {
    for (const lowStockThreshold of [-1, 1.5, 100_001, "2"]) {
      const created = await api(
        "/v1/seller/listings",
        json(
          {
            isbn: BOOK,
            sku: "BUB-T",
            condition: "good",
            price: { amount: 900, currency: "EUR" },
            quantity: 1,
            lowStockThreshold,
          },
          { headers: seller.auth },
        ),
      );
      const refused = await problem(created, 400, "validation_failed");
      expect(refused.errors?.map((error) => error.path)).toEqual(["lowStockThreshold"]);
      const patched = await api(
        `/v1/seller/listings/${listing.id}`,
        json({ lowStockThreshold }, { method: "PATCH", headers: seller.auth }),
      );
      await problem(patched, 400, "validation_failed");
    }
  });
});
