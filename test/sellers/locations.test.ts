import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, PARIS, placeOrder } from "../support/orders";

interface LocationBody {
  id: string;
  name: string;
  country: string;
  address: { line1: string; line2?: string; postalCode: string; city: string };
}

const LYON = {
  name: "Lyon shop",
  country: "fr",
  address: { line1: "2 Rue de la République", postalCode: "69002", city: "Lyon" },
};

async function addLocation(seller: TestSeller, body: Record<string, unknown> = LYON) {
  const response = await api("/v1/seller/locations", json(body, { headers: seller.auth }));
  if (response.status !== 201) throw new Error(`add location: ${response.status} ${await response.text()}`);
  return response.json<LocationBody>();
}

const patchListing = (seller: TestSeller, listingId: string, body: Record<string, unknown>) =>
  api(`/v1/seller/listings/${listingId}`, json(body, { method: "PATCH", headers: seller.auth }));

const codeOf = async (response: Response) => (await response.json<{ code: string }>()).code;

describe("seller locations", () => {
  it("adds, lists, changes and removes locations", async () => {
    const seller = await asSeller();
    const lyon = await addLocation(seller);
    expect(lyon).toMatchObject({ name: "Lyon shop", country: "FR", address: { city: "Lyon" } });
    expect(lyon.id).toMatch(/^loc_/);
    const leipzig = await addLocation(seller, {
      name: "Leipzig",
      country: "DE",
      address: { line1: "Markt 1", line2: "Hinterhaus", postalCode: "04109", city: "Leipzig" },
    });
    const listed = await (await api("/v1/seller/locations", { headers: seller.auth })).json<{
      items: LocationBody[];
    }>();
    expect(listed.items.map((item) => item.id)).toEqual([lyon.id, leipzig.id]);

    const renamed = await api(
      `/v1/seller/locations/${lyon.id}`,
      json({ name: "Lyon warehouse" }, { method: "PATCH", headers: seller.auth }),
    );
    expect(renamed.status).toBe(200);
    expect(await renamed.json<LocationBody>()).toMatchObject({ name: "Lyon warehouse", country: "FR" });

    const removed = await api(`/v1/seller/locations/${leipzig.id}`, { method: "DELETE", headers: seller.auth });
    expect(removed.status).toBe(204);
    const after = await (await api("/v1/seller/locations", { headers: seller.auth })).json<{ items: LocationBody[] }>();
    expect(after.items.map((item) => item.id)).toEqual([lyon.id]);
  });

  it("refuses bad bodies, another seller's location on a listing, and removing a location in use", async () => {
    const seller = await asSeller();
    for (const body of [
      {},
      { ...LYON, country: "France" },
      { ...LYON, address: { line1: "x" } },
      { ...LYON, name: "" },
    ]) {
      const response = await api("/v1/seller/locations", json(body, { headers: seller.auth }));
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const empty = await api(
      `/v1/seller/locations/loc_${"4".repeat(32)}`,
      json({}, { method: "PATCH", headers: seller.auth }),
    );
    expect(empty.status).toBe(400);

    const lyon = await addLocation(seller);
    const listing = await listBook(seller);
    const other = await asSeller();
    const theirs = await addLocation(other);
    const refused = await patchListing(seller, listing.id, { locationId: theirs.id });
    expect(refused.status).toBe(422);
    expect(await codeOf(refused)).toBe("unknown_location");
    const unknown = await patchListing(seller, listing.id, { locationId: `loc_${"5".repeat(32)}` });
    expect(await codeOf(unknown)).toBe("unknown_location");

    const listAt = (locationId: string) =>
      api(
        "/v1/seller/listings",
        json(
          {
            isbn: "9780140449136",
            sku: `LOC-${crypto.randomUUID().slice(0, 8)}`,
            condition: "good",
            price: { amount: 900, currency: "EUR" },
            quantity: 1,
            title: "Meditations",
            authors: ["Marcus Aurelius"],
            locationId,
          },
          { headers: seller.auth },
        ),
      );
    const created = await listAt(theirs.id);
    expect(created.status).toBe(422);
    expect(await codeOf(created)).toBe("unknown_location");
    const createdHere = await listAt(lyon.id);
    expect(createdHere.status).toBe(201);
    const shown = await createdHere.json<{ id: string; locationId: string }>();
    expect(shown.locationId).toBe(lyon.id);
    await patchListing(seller, shown.id, { locationId: null });

    const placed = await patchListing(seller, listing.id, { locationId: lyon.id });
    expect(placed.status).toBe(200);
    expect((await placed.json<{ locationId: string }>()).locationId).toBe(lyon.id);
    const inUse = await api(`/v1/seller/locations/${lyon.id}`, { method: "DELETE", headers: seller.auth });
    expect(inUse.status).toBe(409);
    expect(await codeOf(inUse)).toBe("location_in_use");
    expect((await patchListing(seller, listing.id, { locationId: null })).status).toBe(200);
    expect((await api(`/v1/seller/locations/${lyon.id}`, { method: "DELETE", headers: seller.auth })).status).toBe(204);
  });

  it("another seller's location is 404; buyers and the anonymous are kept out", async () => {
    const seller = await asSeller();
    const lyon = await addLocation(seller);
    const other = await asSeller();
    const patched = await api(
      `/v1/seller/locations/${lyon.id}`,
      json({ name: "Mine now" }, { method: "PATCH", headers: other.auth }),
    );
    expect(patched.status).toBe(404);
    expect((await api(`/v1/seller/locations/${lyon.id}`, { method: "DELETE", headers: other.auth })).status).toBe(404);
    const theirList = await (await api("/v1/seller/locations", { headers: other.auth })).json<{ items: unknown[] }>();
    expect(theirList.items).toEqual([]);
    const buyer = await signUp();
    expect((await api("/v1/seller/locations", { headers: buyer.auth })).status).toBe(403);
    expect((await api("/v1/seller/locations", json(LYON, { headers: buyer.auth }))).status).toBe(403);
    expect((await api("/v1/seller/locations")).status).toBe(401);
    expect((await api(`/v1/seller/locations/${lyon.id}`, { method: "DELETE" })).status).toBe(401);
  });

  it("quotes a listing's shipping from its location's country: domestic where that is the destination", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    const rates = await api(
      "/v1/seller/shipping-rates",
      json(
        {
          countries: ["DE", "FR"],
          domestic: { first: { amount: 300, currency: "EUR" }, additional: { amount: 100, currency: "EUR" } },
          international: { first: { amount: 900, currency: "EUR" }, additional: { amount: 400, currency: "EUR" } },
        },
        { method: "PUT", headers: seller.auth },
      ),
    );
    expect(rates.status).toBe(200);
    const lyon = await addLocation(seller);
    const fromLyon = await listBook(seller, { quantity: 5 });
    expect((await patchListing(seller, fromLyon.id, { locationId: lyon.id })).status).toBe(200);
    const fromProfile = await listBook(seller, { quantity: 5 });

    // To Paris: the Lyon copy is domestic.
    const parisBuyer = await signUp();
    await addToCart(parisBuyer, fromLyon.id, { quantity: 2 });
    const toParis = await placeOrder(parisBuyer, { shippingAddress: PARIS, shippingMethod: "standard" });
    expect(toParis.order.totals.shipping.amount).toBe(300 + 100);

    // To Berlin: the Lyon copy goes abroad, the other one is domestic, each its own parcel.
    const berlinBuyer = await signUp();
    await addToCart(berlinBuyer, fromLyon.id);
    await addToCart(berlinBuyer, fromProfile.id);
    const toBerlin = await placeOrder(berlinBuyer);
    expect(toBerlin.order.totals.shipping.amount).toBe(900 + 300);
  });
});
