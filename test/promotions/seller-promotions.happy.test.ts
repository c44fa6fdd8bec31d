import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, asSeller, type TestSeller } from "../support/identity";
import { listBook, type TestListing } from "../support/listings";
import { changePromotion, eur, type PromotionView, runPromotion } from "../support/promotions";

let seller: TestSeller;
let listing: TestListing;

beforeAll(async () => {
  seller = await asSeller();
  listing = await listBook(seller);
});

const code = () => `S${crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;

describe("a seller runs promotions on their own listings", () => {
  it("creates each kind, seller-funded, with its terms as Money and its defaults", async () => {
    const percent = await runPromotion(seller, { name: "Ten off", kind: "percent_off", percentOff: 10 });
    expect(percent).toMatchObject({
      sellerId: seller.sellerId,
      fundedBy: "seller",
      code: null,
      kind: "percent_off",
      percentOff: 10,
      amountOff: null,
      minimumSpend: eur(0),
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: [] },
      validUntil: null,
      usageLimit: null,
      perBuyerLimit: null,
      stackable: false,
      status: "active",
      uses: 0,
      usesHeld: 0,
      version: 1,
    });
    expect(percent.id).toMatch(/^prm_[0-9a-f]{32}$/);

    const amount = await runPromotion(seller, {
      name: "Two euros off",
      code: code().toLowerCase(),
      kind: "amount_off",
      amountOff: eur(200),
      minimumSpend: eur(1500),
      usageLimit: 100,
      perBuyerLimit: 1,
    });
    expect(amount).toMatchObject({ kind: "amount_off", amountOff: eur(200), minimumSpend: eur(1500) });
    expect(amount.code).toBe(amount.code?.toUpperCase());
    expect(amount).toMatchObject({ usageLimit: 100, perBuyerLimit: 1 });

    const bogof = await runPromotion(seller, {
      name: "Buy 1 get 1 free on paperbacks",
      kind: "buy_x_get_y",
      buyQuantity: 1,
      getQuantity: 1,
      targets: { formats: ["paperback"], listingIds: [listing.id, listing.id] },
      stackable: true,
    });
    expect(bogof).toMatchObject({
      buyQuantity: 1,
      getQuantity: 1,
      stackable: true,
      targets: { listingIds: [listing.id], categoryIds: [], conditions: [], formats: ["paperback"] },
    });

    const from = "2030-03-20T00:00:00.000Z";
    const until = "2030-06-21T00:00:00.000Z";
    const bundle = await runPromotion(seller, {
      name: "Any three for 20",
      kind: "fixed_price_bundle",
      bundleQuantity: 3,
      bundlePrice: eur(2000),
      validFrom: from,
      validUntil: until,
      status: "paused",
    });
    expect(bundle).toMatchObject({
      bundleQuantity: 3,
      bundlePrice: eur(2000),
      validFrom: from,
      validUntil: until,
      status: "paused",
    });
  });

  it("answers the ETag and Location of a new promotion and reads it back", async () => {
    const response = await api("/v1/seller/promotions", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "application/json" },
      body: JSON.stringify({ name: "Read back", kind: "percent_off", percentOff: 5 }),
    });
    expect(response.status).toBe(201);
    const created = await response.json<PromotionView>();
    expect(response.headers.get("location")).toBe(`/v1/seller/promotions/${created.id}`);
    expect(response.headers.get("etag")).toBe('"1"');
    const read = await api(`/v1/seller/promotions/${created.id}`, { headers: seller.auth });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(await read.json()).toEqual(created);
  });

  it("lists its promotions newest first, page by page, and by status", async () => {
    const own = await asSeller();
    const made: PromotionView[] = [];
    for (const percentOff of [5, 10, 15]) {
      made.push(await runPromotion(own, { name: `${percentOff} off`, kind: "percent_off", percentOff }));
    }
    await changePromotion(own, made[0]!.id, { status: "paused" });

    const first = await api("/v1/seller/promotions?limit=2", { headers: own.auth });
    expect(first.status).toBe(200);
    const page1 = await first.json<{ items: PromotionView[]; nextCursor: string | null }>();
    expect(page1.items.map((p) => p.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(page1.nextCursor).not.toBeNull();
    const second = await api(`/v1/seller/promotions?limit=2&cursor=${page1.nextCursor}`, { headers: own.auth });
    const page2 = await second.json<{ items: PromotionView[]; nextCursor: string | null }>();
    expect(page2.items.map((p) => p.id)).toEqual([made[0]!.id]);
    expect(page2.nextCursor).toBeNull();

    const paused = await api("/v1/seller/promotions?status=paused", { headers: own.auth });
    const pausedPage = await paused.json<{ items: PromotionView[] }>();
    expect(pausedPage.items.map((p) => p.id)).toEqual([made[0]!.id]);
  });

  it("changes what is sent, raises the version and honours a current If-Match", async () => {
    const created = await runPromotion(seller, { name: "Spring", kind: "percent_off", percentOff: 10 });
    const renamed = await changePromotion(
      seller,
      created.id,
      { name: "Spring sale", percentOff: 15, minimumSpend: eur(2000), usageLimit: 50, stackable: true },
      "seller",
      { "if-match": '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get("etag")).toBe('"2"');
    expect(await renamed.json()).toMatchObject({
      name: "Spring sale",
      kind: "percent_off",
      percentOff: 15,
      minimumSpend: eur(2000),
      usageLimit: 50,
      stackable: true,
      version: 2,
    });
  });

  it("changes the kind of an unused promotion, dropping the old kind's terms, and sets or clears its code", async () => {
    const created = await runPromotion(seller, { name: "Shape shifter", kind: "percent_off", percentOff: 10 });
    const newCode = code();
    const changed = await changePromotion(seller, created.id, {
      kind: "buy_x_get_y",
      buyQuantity: 2,
      getQuantity: 1,
      code: newCode,
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      kind: "buy_x_get_y",
      percentOff: null,
      buyQuantity: 2,
      getQuantity: 1,
      code: newCode,
    });
    const automatic = await changePromotion(seller, created.id, { code: null });
    expect(await automatic.json()).toMatchObject({ code: null });
  });

  it("pauses, resumes and ends a promotion, and replaces its targets whole", async () => {
    const created = await runPromotion(seller, {
      name: "Targets",
      kind: "percent_off",
      percentOff: 10,
      targets: { conditions: ["new"], listingIds: [listing.id] },
    });
    const retargeted = await changePromotion(seller, created.id, { targets: { formats: ["hardcover"] } });
    expect(await retargeted.json()).toMatchObject({
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: ["hardcover"] },
    });
    for (const status of ["paused", "active", "ended"] as const) {
      const response = await changePromotion(seller, created.id, { status });
      expect(response.status, status).toBe(200);
      expect(await response.json(), status).toMatchObject({ status });
    }
  });

  it("lets a used promotion's terms, window and limits change, but keeps the limit at or above the uses held", async () => {
    const created = await runPromotion(seller, { name: "Used", code: code(), kind: "percent_off", percentOff: 10 });
    await testDatabase.prepare("UPDATE promotions SET uses_held = 3 WHERE id = ?").bind(created.id).run();
    const changed = await changePromotion(seller, created.id, {
      percentOff: 20,
      usageLimit: 3,
      validUntil: "2031-01-01T00:00:00.000Z",
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ percentOff: 20, usageLimit: 3, usesHeld: 3 });
  });
});
