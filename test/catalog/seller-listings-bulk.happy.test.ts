import { beforeAll, describe, expect, it } from "vitest";
import type { ListingView, PhotoView } from "../../workers/catalog/offers";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, json, type TestSeller } from "../support/identity";

/** Pausing and resuming many listings at once, and putting a listing's photos in the seller's order. */
const BOOK = testIsbn(1400);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
let seller: TestSeller;

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: BOOK, title: "Wolf Hall", authors: ["Hilary Mantel"] }]);
  seller = await asSeller();
});

async function listCopies(quantity = 2) {
  const body = {
    isbn: BOOK,
    sku: `WH-${crypto.randomUUID().slice(0, 8)}`,
    condition: "good",
    price: { amount: 1100, currency: "EUR" },
    quantity,
  };
  const response = await api("/v1/seller/listings", json(body, { headers: seller.auth }));
  expect(response.status).toBe(201);
  return response.json<ListingView>();
}

const setStatus = (ids: string[], status: string) =>
  api("/v1/seller/listings/status", json({ ids, status }, { headers: seller.auth }));

async function statusChanges(listingId: string) {
  const rows = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'ListingUpdated'").all<{
    envelope: string;
  }>();
  return rows.results
    .map((row) => JSON.parse(row.envelope).data)
    .filter((data) => data.listingId === listingId && data.changes.includes("status"))
    .map((data) => data.status as string);
}

const offerIds = async () =>
  (await (await api(`/v1/books/${BOOK}`)).json<{ offers: { listingId: string }[] }>()).offers.map(
    (offer) => offer.listingId,
  );

describe("POST /v1/seller/listings/status", () => {
  it("pauses many listings at once, each with its ListingUpdated, and takes them off the book page", async () => {
    const [a, b, c] = [await listCopies(), await listCopies(), await listCopies()];
    const unknown = `lst_${"0".repeat(32)}`;
    const response = await setStatus([b.id, unknown, a.id, b.id], "paused");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      results: [
        { id: b.id, result: "updated", status: "paused" },
        { id: unknown, result: "not_found" },
        { id: a.id, result: "updated", status: "paused" },
      ],
    });
    for (const id of [a.id, b.id]) {
      const listing = await (await api(`/v1/seller/listings/${id}`, { headers: seller.auth })).json<ListingView>();
      expect(listing.status).toBe("paused");
      expect(await statusChanges(id)).toEqual(["paused"]);
    }
    const offered = await offerIds();
    expect(offered).toContain(c.id);
    expect(offered).not.toContain(a.id);
  });

  it("resumes them (sold out when no copy is left), and writes nothing for a listing already as asked", async () => {
    const [stocked, empty, active] = [await listCopies(2), await listCopies(0), await listCopies(1)];
    await setStatus([stocked.id, empty.id], "paused");
    const response = await setStatus([stocked.id, empty.id, active.id], "active");
    expect(await response.json()).toEqual({
      results: [
        { id: stocked.id, result: "updated", status: "active" },
        { id: empty.id, result: "updated", status: "sold_out" },
        { id: active.id, result: "updated", status: "active" },
      ],
    });
    expect(await statusChanges(stocked.id)).toEqual(["paused", "active"]);
    expect(await statusChanges(empty.id)).toEqual(["paused", "sold_out"]);
    expect(await statusChanges(active.id)).toEqual([]);
    expect(await offerIds()).toContain(stocked.id);
  });

  it("takes 100 listings in one request", async () => {
    const ids = [];
    for (let i = 0; i < 100; i++) ids.push(`lst_${i.toString(16).padStart(32, "0")}`);
    const listing = await listCopies();
    ids[57] = listing.id;
    const body = await (await setStatus(ids, "paused")).json<{ results: { id: string; result: string }[] }>();
    expect(body.results).toHaveLength(100);
    expect(body.results.filter((r) => r.result === "updated").map((r) => r.id)).toEqual([listing.id]);
  });
});

describe("PUT /v1/seller/listings/{id}/photos/order", () => {
  async function upload(listingId: string) {
    const response = await api(`/v1/seller/listings/${listingId}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    expect(response.status).toBe(201);
    return response.json<PhotoView>();
  }

  it("shows the photos in upload order until the seller orders them, then in theirs everywhere", async () => {
    const listing = await listCopies();
    const [first, second, third] = [await upload(listing.id), await upload(listing.id), await upload(listing.id)];
    const ids = (photos: { id: string }[]) => photos.map((photo) => photo.id);
    const seen = async () => ({
      seller: ids(
        (await (await api(`/v1/seller/listings/${listing.id}`, { headers: seller.auth })).json<ListingView>()).photos,
      ),
      page: ids((await (await api(`/v1/listings/${listing.id}`)).json<ListingView>()).photos),
      book: ids(
        (
          await (await api(`/v1/books/${BOOK}`)).json<{ offers: { listingId: string; photos: PhotoView[] }[] }>()
        ).offers.find((offer) => offer.listingId === listing.id)!.photos,
      ),
      table: ids(
        (
          await (
            await api(`/v1/seller/listings?q=${listing.sku}`, { headers: seller.auth })
          ).json<{
            items: ListingView[];
          }>()
        ).items[0]!.photos,
      ),
    });
    const uploaded = [first!.id, second!.id, third!.id];
    expect(await seen()).toEqual({ seller: uploaded, page: uploaded, book: uploaded, table: uploaded });

    const wanted = [third!.id, first!.id, second!.id];
    const response = await api(
      `/v1/seller/listings/${listing.id}/photos/order`,
      json({ photoIds: wanted }, { method: "PUT", headers: seller.auth }),
    );
    expect(response.status).toBe(200);
    expect(ids((await response.json<{ photos: PhotoView[] }>()).photos)).toEqual(wanted);
    expect(await seen()).toEqual({ seller: wanted, page: wanted, book: wanted, table: wanted });

    const fourth = await upload(listing.id);
    expect((await seen()).seller).toEqual([...wanted, fourth.id]);
    await api(`/v1/seller/listings/${listing.id}/photos/${third!.id}`, { method: "DELETE", headers: seller.auth });
    const fifth = await upload(listing.id);
    expect((await seen()).page).toEqual([first!.id, second!.id, fourth.id, fifth.id]);
  });

  it("emits ListingUpdated for a new order, and writes nothing for the order the photos already have", async () => {
    const listing = await listCopies();
    const photos = [await upload(listing.id), await upload(listing.id)];
    const events = async () => {
      const rows = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'ListingUpdated'").all<{
        envelope: string;
      }>();
      return rows.results.map((row) => JSON.parse(row.envelope).data).filter((data) => data.listingId === listing.id)
        .length;
    };
    const order = (photoIds: string[]) =>
      api(
        `/v1/seller/listings/${listing.id}/photos/order`,
        json({ photoIds }, { method: "PUT", headers: seller.auth }),
      );
    const before = await events();
    expect((await order(photos.map((photo) => photo.id))).status).toBe(200);
    expect(await events()).toBe(before);
    expect((await order(photos.map((photo) => photo.id).reverse())).status).toBe(200);
    expect(await events()).toBe(before + 1);
  });
});
