import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { changePromotion, eur, type PromotionView, runPromotion } from "../support/promotions";

let admin: TestAccount;
let seller: TestSeller;

beforeAll(async () => {
  [admin, seller] = await Promise.all([asAdmin(), asSeller()]);
});

const code = (stem: string) => `${stem}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;

type Page = { items: PromotionView[]; nextCursor: string | null };

describe("an admin runs the marketplace's promotions", () => {
  it("creates a platform-funded code with a minimum spend and a use limit", async () => {
    const spring = code("SPRING10");
    const created = await runPromotion(
      admin,
      {
        name: "Spring ten",
        code: spring,
        kind: "percent_off",
        percentOff: 10,
        minimumSpend: eur(2000),
        usageLimit: 100,
      },
      "admin",
    );
    expect(created).toMatchObject({
      sellerId: null,
      fundedBy: "platform",
      code: spring,
      percentOff: 10,
      minimumSpend: eur(2000),
      usageLimit: 100,
      status: "active",
    });
    const read = await api(`/v1/admin/promotions/${created.id}`, { headers: admin.auth });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);
  });

  it("may target any seller's listings", async () => {
    const listing = await listBook(seller);
    const created = await runPromotion(
      admin,
      { name: "This one book", kind: "amount_off", amountOff: eur(300), targets: { listingIds: [listing.id] } },
      "admin",
    );
    expect(created.targets.listingIds).toEqual([listing.id]);
  });

  it("lists every promotion, and by seller, funding and status", async () => {
    const ownSeller = await asSeller();
    const sellers = await runPromotion(ownSeller, { name: "Seller's", kind: "percent_off", percentOff: 5 });
    const marketplace = await runPromotion(
      admin,
      { name: "Marketplace's", kind: "percent_off", percentOff: 5, status: "paused" },
      "admin",
    );

    const all = await (await api("/v1/admin/promotions?limit=100", { headers: admin.auth })).json<Page>();
    expect(all.items.map((p) => p.id)).toEqual(expect.arrayContaining([sellers.id, marketplace.id]));

    const bySeller = await api(`/v1/admin/promotions?sellerId=${ownSeller.sellerId}`, { headers: admin.auth });
    expect((await bySeller.json<Page>()).items.map((p) => p.id)).toEqual([sellers.id]);

    const platform = await (
      await api("/v1/admin/promotions?fundedBy=platform&limit=100", { headers: admin.auth })
    ).json<Page>();
    expect(platform.items.every((p) => p.fundedBy === "platform" && p.sellerId === null)).toBe(true);
    expect(platform.items.map((p) => p.id)).toContain(marketplace.id);

    const paused = await (
      await api("/v1/admin/promotions?status=paused&fundedBy=platform&limit=100", { headers: admin.auth })
    ).json<Page>();
    expect(paused.items.map((p) => p.id)).toContain(marketplace.id);
    expect(paused.items.every((p) => p.status === "paused")).toBe(true);
  });

  it("reads a seller's promotion, to oversee it", async () => {
    const sellers = await runPromotion(seller, { name: "Overseen", kind: "percent_off", percentOff: 5 });
    const read = await api(`/v1/admin/promotions/${sellers.id}`, { headers: admin.auth });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: sellers.id, sellerId: seller.sellerId, fundedBy: "seller" });
  });

  it("changes and ends a marketplace promotion", async () => {
    const created = await runPromotion(
      admin,
      { name: "Bundle", kind: "fixed_price_bundle", bundleQuantity: 2, bundlePrice: eur(1500) },
      "admin",
    );
    const changed = await changePromotion(
      admin,
      created.id,
      { bundlePrice: eur(1400), perBuyerLimit: 2, targets: { conditions: ["new", "like_new"] } },
      "admin",
      { "if-match": '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      bundlePrice: eur(1400),
      perBuyerLimit: 2,
      targets: { conditions: ["new", "like_new"] },
      version: 2,
    });
    const ended = await changePromotion(admin, created.id, { status: "ended" }, "admin");
    expect(await ended.json()).toMatchObject({ status: "ended", version: 3 });
  });
});
