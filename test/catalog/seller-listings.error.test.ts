import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView } from "../../workers/catalog/offers";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { api, asSeller, json, type TestSeller } from "../support/identity";

const KNOWN = testIsbn(600);
let seller: TestSeller;

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: KNOWN, title: "Bleak House", authors: ["Charles Dickens"] }]);
  seller = await asSeller();
});

const post = (body: unknown) => api("/v1/seller/listings", json(body, { headers: seller.auth }));
const valid = (extra: Record<string, unknown> = {}) => ({
  isbn: KNOWN,
  sku: `BH-${crypto.randomUUID().slice(0, 8)}`,
  condition: "good",
  price: { amount: 800, currency: "EUR" },
  quantity: 1,
  ...extra,
});

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json<{ code: string; errors?: { path: string }[]; detail: string }>();
  expect(body.code).toBe(code);
  return body;
}

describe("seller listing errors", () => {
  it("refuses control and bidirectional characters in titles, authors, cover names and notes with 422", async () => {
    const newBook = (extra: Record<string, unknown>) =>
      valid({ isbn: testIsbn(610 + Math.floor(Math.random() * 1000)), title: "Plain", authors: ["Ann"], ...extra });
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "Title\r\nX-Injected: 1" }, "title"],
      [{ authors: ["Ann", "Bob\u202Eevil"] }, "authors.1"],
      [{ authors: ["Ann\u0000"] }, "authors.0"],
      [
        { coverOptions: [{ name: "Gold\u2066", kind: "material", price: { amount: 100, currency: "EUR" } }] },
        "coverOptions.0.name",
      ],
      [{ conditionNotes: "Fine\u0000copy" }, "conditionNotes"],
      [{ conditionNotes: "Fine\u202Ecopy" }, "conditionNotes"],
    ];
    for (const [extra, path] of cases) {
      const body = await problem(await post(newBook(extra)), 422, "invalid_characters");
      expect(body.errors?.map((e) => e.path)).toEqual([path]);
    }
    expect((await post(valid({ conditionNotes: "Spine creased.\r\nInscription on the flyleaf." }))).status).toBe(201);
  });

  it("refuses an ISBN with a wrong check digit with 422 invalid_isbn", async () => {
    await problem(await post(valid({ isbn: "978-0-261-10221-8" })), 422, "invalid_isbn");
    await problem(await post(valid({ isbn: "0-261-10221-5" })), 422, "invalid_isbn");
  });

  it("asks for title and authors when the ISBN is not in the catalog", async () => {
    const body = await problem(await post(valid({ isbn: testIsbn(601) })), 422, "unprocessable");
    expect(body.errors?.map((e) => e.path)).toEqual(["title", "authors"]);
  });

  it("refuses another currency, a missing field, a negative quantity and a bad condition", async () => {
    await problem(await post(valid({ price: { amount: 800, currency: "GBP" } })), 422, "unsupported_currency");
    const missing = await problem(await post({ isbn: KNOWN }), 400, "validation_failed");
    expect(missing.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["sku", "condition", "price", "quantity"]),
    );
    await problem(await post(valid({ quantity: -1 })), 400, "validation_failed");
    await problem(await post(valid({ condition: "mint" })), 400, "validation_failed");
    await problem(await post(valid({ price: { amount: 8.5, currency: "EUR" } })), 400, "validation_failed");
  });

  it("refuses a second listing with the same SKU (409 sku_taken)", async () => {
    const first = valid();
    expect((await post(first)).status).toBe(201);
    await problem(await post({ ...first, condition: "new" }), 409, "sku_taken");
  });

  it("refuses malformed JSON and a non-JSON body", async () => {
    const malformed = await api("/v1/seller/listings", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "application/json" },
      body: "{nope",
    });
    await problem(malformed, 400, "malformed_json");
  });

  it("refuses an empty change, an unknown cover option and a quantity below what checkouts hold", async () => {
    const listing = await (await post(valid({ quantity: 2 }))).json<ListingView>();
    const change = (body: unknown) =>
      api(`/v1/seller/listings/${listing.id}`, json(body, { method: "PATCH", headers: seller.auth }));
    await problem(await change({}), 400, "validation_failed");
    await problem(
      await change({
        coverOptions: [{ id: "cov_unknown", name: "x", kind: "material", price: { amount: 1, currency: "EUR" } }],
      }),
      400,
      "validation_failed",
    );
    await env.STOCK.getByName(listing.id).reserve("rsv_err", "ord_err", 2, 60_000);
    const held = await problem(await change({ quantity: 1 }), 409, "conflict");
    expect(held).toMatchObject({ held: 2 });
  });

  it("answers 404 for a listing that does not exist and 400 for a malformed id", async () => {
    await problem(await api(`/v1/seller/listings/lst_${"0".repeat(32)}`, { headers: seller.auth }), 404, "not_found");
    await problem(await api("/v1/seller/listings/nope", { headers: seller.auth }), 400, "validation_failed");
  });
});

const storedPhotos = async () => (await env.MEDIA.list({ prefix: "pho_" })).objects.length;

describe("photo errors", () => {
  let listingId: string;
  beforeAll(async () => {
    listingId = (await (await post(valid())).json<ListingView>()).id;
  });

  it("refuses an HTML page named .jpg and declared image/jpeg with 415", async () => {
    const form = new FormData();
    form.set("photo", new File(["<!doctype html><script>alert(1)</script>"], "cover.jpg", { type: "image/jpeg" }));
    await problem(
      await api(`/v1/seller/listings/${listingId}/photos`, { method: "POST", headers: seller.auth, body: form }),
      415,
      "unsupported_media_type",
    );
    const raw = await api(`/v1/seller/listings/${listingId}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: "<html><body>not a picture</body></html>",
    });
    await problem(raw, 415, "unsupported_media_type");
    const listing = await (await api(`/v1/seller/listings/${listingId}`, { headers: seller.auth })).json<ListingView>();
    expect(listing.photos).toEqual([]);
  });

  it("answers 400 bad_request to a malformed multipart body, and stores nothing", async () => {
    const response = await api(`/v1/seller/listings/${listingId}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "multipart/form-data; boundary=----shelf" },
      body: '------shelf\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
    });
    await problem(response, 400, "bad_request");
    await problem(
      await api(`/v1/seller/listings/${listingId}/photos`, {
        method: "POST",
        headers: { ...seller.auth, "content-type": "multipart/form-data" },
        body: "no boundary at all",
      }),
      400,
      "bad_request",
    );
    const listing = await (await api(`/v1/seller/listings/${listingId}`, { headers: seller.auth })).json<ListingView>();
    expect(listing.photos).toEqual([]);
  });

  it("stores exactly 12 of 16 concurrent uploads; the rest are 422 too_many_photos and leave nothing in R2", async () => {
    const full = (await (await post(valid())).json<ListingView>()).id;
    const before = await storedPhotos();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const uploads = await Promise.all(
      Array.from({ length: 16 }, () =>
        api(`/v1/seller/listings/${full}/photos`, {
          method: "POST",
          headers: { ...seller.auth, "content-type": "image/jpeg" },
          body: jpeg,
        }),
      ),
    );
    const statuses = uploads.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(12);
    const refused = uploads.filter((response) => response.status !== 201);
    expect(refused).toHaveLength(4);
    for (const response of refused) await problem(response, 422, "too_many_photos");
    const listing = await (await api(`/v1/seller/listings/${full}`, { headers: seller.auth })).json<ListingView>();
    expect(listing.photos).toHaveLength(12);
    expect((await storedPhotos()) - before).toBe(12);
  });

  it("refuses a photo over 5 MB with 413", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0xff, 0xd8, 0xff]);
    const response = await api(`/v1/seller/listings/${listingId}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: big,
    });
    await problem(response, 413, "payload_too_large");
  });

  it("answers 404 for an unknown photo and unknown media", async () => {
    await problem(
      await api(`/v1/seller/listings/${listingId}/photos/pho_${"0".repeat(32)}`, {
        method: "DELETE",
        headers: seller.auth,
      }),
      404,
      "not_found",
    );
    await problem(await api(`/v1/media/pho_${"0".repeat(32)}.jpg`), 404, "not_found");
    await problem(await api("/v1/media/..%2F..%2Fsecret"), 404, "not_found");
  });
});
