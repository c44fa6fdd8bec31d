import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView } from "../../workers/catalog/offers";
import { addBooks, addCategories, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, json, type TestSeller } from "../support/identity";

const KNOWN = testIsbn(500);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4]);
let seller: TestSeller;
let other: TestSeller;

beforeAll(async () => {
  const ctx = catalogContext();
  await addCategories(ctx, [
    ["fiction", "Fiction"],
    ["classics", "Classics", "fiction"],
  ]);
  await addBooks(ctx, [
    { isbn: KNOWN, title: "Middlemarch", authors: ["George Eliot"], categories: ["classics"], publishedYear: 1871 },
  ]);
  seller = await asSeller({ storeName: `Foxed & Found ${crypto.randomUUID().slice(0, 6)}` });
  other = await asSeller();
});

async function create(account: TestSeller, body: Record<string, unknown>) {
  const response = await api("/v1/seller/listings", json(body, { headers: account.auth }));
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json<ListingView>();
}

async function patch(account: TestSeller, id: string, body: Record<string, unknown>) {
  return api(`/v1/seller/listings/${id}`, json(body, { method: "PATCH", headers: account.auth }));
}

const newListing = (extra: Record<string, unknown> = {}) => ({
  isbn: KNOWN,
  sku: `MM-${crypto.randomUUID().slice(0, 8)}`,
  condition: "very_good",
  conditionNotes: "Gift inscription on the flyleaf.",
  price: { amount: 1450, currency: "EUR" },
  quantity: 2,
  ...extra,
});

describe("POST /v1/seller/listings", () => {
  it("lists a known ISBN (given as ISBN-13 with hyphens) with cover options, and shows it in search and on the book page", async () => {
    const hyphenated = `${KNOWN.slice(0, 3)}-${KNOWN.slice(3, 4)}-${KNOWN.slice(4, 12)}-${KNOWN.slice(12)}`;
    const listing = await create(
      seller,
      newListing({
        isbn: hyphenated,
        coverOptions: [
          { name: "Leather binding", kind: "material", price: { amount: 1200, currency: "EUR" } },
          {
            name: "Gold-foil inscription",
            kind: "inscription",
            price: { amount: 500, currency: "EUR" },
            maxLength: 40,
          },
        ],
      }),
    );
    expect(listing).toMatchObject({
      id: expect.stringMatching(/^lst_[0-9a-f]{32}$/),
      sellerId: seller.sellerId,
      isbn13: KNOWN,
      title: "Middlemarch",
      status: "active",
      quantity: 2,
      available: 2,
    });
    expect(listing.coverOptions.map((option) => option.id)).toEqual([
      expect.stringMatching(/^cov_[0-9a-f]{32}$/),
      expect.stringMatching(/^cov_[0-9a-f]{32}$/),
    ]);
    expect(listing.coverOptions[1]).toMatchObject({ kind: "inscription", maxLength: 40 });

    const found = await (await api("/v1/books?q=middlemarch")).json<{
      items: { isbn13: string; offerCount: number }[];
    }>();
    expect(found.items[0]).toMatchObject({ isbn13: KNOWN, offerCount: 1 });
    const book = await (await api(`/v1/books/${KNOWN}`)).json<{
      offers: { listingId: string; seller: { storeName: string }; coverOptions: unknown[] }[];
    }>();
    const offer = book.offers.find((o) => o.listingId === listing.id);
    expect(offer?.seller.storeName).toMatch(/^Foxed & Found/);
    expect(offer?.coverOptions).toHaveLength(2);

    const events = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'ListingCreated'").all<{
      envelope: string;
    }>();
    expect(events.results.map((row) => JSON.parse(row.envelope).data.listingId)).toContain(listing.id);
  });

  it("creates the work and edition of an unknown ISBN-10 from its title and authors", async () => {
    const listing = await create(
      seller,
      newListing({
        isbn: "0-14-143955-6",
        title: "Persuasion",
        authors: ["Jane Austen"],
        categories: ["classics"],
        condition: "new",
      }),
    );
    expect(listing.isbn13).toBe("9780141439556");
    const book = await (await api("/v1/books/0141439556")).json<{
      work: { title: string; authors: string[] };
      categories: { slug: string; path: { slug: string }[] }[];
    }>();
    expect(book.work).toMatchObject({ title: "Persuasion", authors: ["Jane Austen"] });
    expect(book.categories[0]?.path.map((c) => c.slug)).toEqual(["fiction", "classics"]);
    const search = await (await api("/v1/books?q=persuasoin")).json<{ items: { title: string }[] }>();
    expect(search.items[0]?.title).toBe("Persuasion");
  });
});

describe("PATCH /v1/seller/listings/{id}", () => {
  it("writes price history on a price change, and the seller's next read shows the new price", async () => {
    const listing = await create(seller, newListing());
    const before = await api(`/v1/books/${KNOWN}`);
    const etag = before.headers.get("etag")!;
    expect((await api(`/v1/books/${KNOWN}`, { headers: { "if-none-match": etag } })).status).toBe(304);

    const changed = await patch(seller, listing.id, { price: { amount: 999, currency: "EUR" } });
    expect(changed.status).toBe(200);
    expect((await changed.json<ListingView>()).price).toEqual({ amount: 999, currency: "EUR" });
    expect((await patch(seller, listing.id, { price: { amount: 999, currency: "EUR" } })).status).toBe(200);

    const history = await (await api(`/v1/listings/${listing.id}/price-history`)).json<{
      items: { price: { amount: number } }[];
    }>();
    expect(history.items.map((point) => point.price.amount)).toEqual([1450, 999]);

    const after = await api(`/v1/books/${KNOWN}`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    const book = await after.json<{ offers: { listingId: string; price: { amount: number } }[] }>();
    expect(book.offers.find((offer) => offer.listingId === listing.id)?.price.amount).toBe(999);
    const page = await (await api(`/v1/listings/${listing.id}`)).json<{ price: { amount: number } }>();
    expect(page.price.amount).toBe(999);

    const updated = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'ListingUpdated'").all<{
      envelope: string;
    }>();
    const mine = updated.results.map((row) => JSON.parse(row.envelope).data).filter((d) => d.listingId === listing.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ changes: ["price"], previousPrice: { amount: 1450 }, price: { amount: 999 } });
  });

  it("recounts copies through the listing's StockDO and keeps cover option ids", async () => {
    const listing = await create(
      seller,
      newListing({
        coverOptions: [
          { name: "Leather binding", kind: "material", price: { amount: 1200, currency: "EUR" } },
          { name: "Dust jacket", kind: "artwork", price: { amount: 800, currency: "EUR" } },
        ],
      }),
    );
    const [leather, jacket] = listing.coverOptions;
    const response = await patch(seller, listing.id, {
      quantity: 5,
      coverOptions: [
        { id: leather!.id, name: "Leather binding", kind: "material", price: { amount: 1500, currency: "EUR" } },
        { name: "Hand-lettered dedication", kind: "inscription", price: { amount: 900, currency: "EUR" } },
      ],
    });
    expect(response.status).toBe(200);
    const updated = await response.json<ListingView>();
    expect(updated).toMatchObject({ quantity: 5, available: 5 });
    expect(updated.coverOptions.map((o) => o.name)).toEqual(["Leather binding", "Hand-lettered dedication"]);
    expect(updated.coverOptions[0]).toMatchObject({ id: leather!.id, price: { amount: 1500 } });
    expect(updated.coverOptions[1]).toMatchObject({ maxLength: 40 });
    expect(updated.coverOptions.map((o) => o.id)).not.toContain(jacket!.id);
    expect((await env.STOCK.getByName(listing.id).snapshot()).levels).toMatchObject({ onHand: 5 });
  });

  it("pauses on request and sells out at zero copies", async () => {
    const listing = await create(seller, newListing());
    const paused = await (await patch(seller, listing.id, { status: "paused" })).json<ListingView>();
    expect(paused.status).toBe("paused");
    const back = await (await patch(seller, listing.id, { status: "active", quantity: 0 })).json<ListingView>();
    expect(back.status).toBe("sold_out");
    const restocked = await (await patch(seller, listing.id, { quantity: 1 })).json<ListingView>();
    expect(restocked.status).toBe("active");
  });
});

describe("DELETE /v1/seller/listings/{id}", () => {
  it("pauses the listing: it leaves the book's offers but its page still answers", async () => {
    const listing = await create(seller, newListing());
    expect((await api(`/v1/seller/listings/${listing.id}`, { method: "DELETE", headers: seller.auth })).status).toBe(
      204,
    );
    const book = await (await api(`/v1/books/${KNOWN}`)).json<{ offers: { listingId: string }[] }>();
    expect(book.offers.map((offer) => offer.listingId)).not.toContain(listing.id);
    const page = await api(`/v1/listings/${listing.id}`);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ status: "paused" });
  });
});

describe("GET /v1/seller/listings", () => {
  it("pages through the seller's own listings, newest first", async () => {
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push((await create(other, newListing())).id);
    const first = await (await api("/v1/seller/listings?limit=2", { headers: other.auth })).json<{
      items: ListingView[];
      nextCursor: string;
    }>();
    expect(first.items.map((item) => item.id)).toEqual([mine[2], mine[1]]);
    const second = await (
      await api(`/v1/seller/listings?limit=2&cursor=${first.nextCursor}`, { headers: other.auth })
    ).json<{ items: ListingView[]; nextCursor: string | null }>();
    expect(second.items.map((item) => item.id)).toEqual([mine[0]]);
    expect(second.nextCursor).toBeNull();
    expect(first.items.every((item) => item.sellerId === other.sellerId)).toBe(true);
    const one = await api(`/v1/seller/listings/${mine[0]}`, { headers: other.auth });
    expect((await one.json<ListingView>()).sku).toMatch(/^MM-/);
  });
});

describe("photos", () => {
  it("stores a JPEG in R2, serves it with long-lived cache headers, and removes it", async () => {
    const listing = await create(seller, newListing());
    const upload = await api(`/v1/seller/listings/${listing.id}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const photo = await upload.json<{ id: string; url: string; contentType: string }>();
    expect(photo.contentType).toBe("image/jpeg");
    const path = new URL(photo.url).pathname;
    const media = await api(path);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/jpeg");
    expect(media.headers.get("cache-control")).toContain("max-age=31536000");
    expect(new Uint8Array(await media.arrayBuffer())).toEqual(JPEG);
    const shown = await (await api(`/v1/listings/${listing.id}`)).json<{ photos: { id: string }[] }>();
    expect(shown.photos.map((p) => p.id)).toEqual([photo.id]);

    const form = new FormData();
    form.set("photo", new File([JPEG], "copy.jpg", { type: "image/jpeg" }));
    const multipart = await api(`/v1/seller/listings/${listing.id}/photos`, {
      method: "POST",
      headers: seller.auth,
      body: form,
    });
    expect(multipart.status).toBe(201);

    const removed = await api(`/v1/seller/listings/${listing.id}/photos/${photo.id}`, {
      method: "DELETE",
      headers: seller.auth,
    });
    expect(removed.status).toBe(204);
    expect((await api(path)).status).toBe(404);
    const after = await (await api(`/v1/seller/listings/${listing.id}`, { headers: seller.auth })).json<ListingView>();
    expect(after.photos).toHaveLength(1);
  });
});
