import { describe, expect, it } from "vitest";
import { formatMoney } from "../../workers/lib/money";
import { ConsoleClient } from "../support/console";
import { api, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, eur, paidOrder } from "../support/orders";
import { enterCodes, insertPromotion } from "../support/pricing";

/**
 * What a seller earns from a discounted sale: their own promotions' discounts come off it, the marketplace's do
 * not (the marketplace pays them). The seller order and its console page say so, and the dashboard's revenue
 * counts it that way.
 */
describe("a seller's proceeds from discounted sales", () => {
  it("takes the seller's own discount off their revenue and leaves the marketplace's on it", async () => {
    const seller = await asSeller();
    const paid = await listBook(seller, { quantity: 1, price: 1200 });
    const free = await listBook(seller, { quantity: 1, price: 800 });
    await insertPromotion({
      sellerId: seller.sellerId,
      name: "Buy 1 get 1 free",
      kind: "buy_x_get_y",
      buyQuantity: 1,
      getQuantity: 1,
      targets: { listingIds: [paid.id, free.id] },
    });
    await insertPromotion({ code: "PROCEEDS10", name: "Ten off", kind: "percent_off", percentOff: 10 });
    const buyer = await signUp();
    await addToCart(buyer, paid.id);
    await addToCart(buyer, free.id);
    await enterCodes(buyer, ["PROCEEDS10"]);
    const { order } = await paidOrder(buyer);

    // Books 20.00, the free copy −8.00 (the seller's), 10% of the rest −1.20 (the marketplace's).
    const part = order.sellerOrders[0]!;
    const shipping = part.totals.shipping!.amount;
    const detail = await api(`/v1/seller/orders/${part.id}`, { headers: seller.auth });
    expect(await detail.json()).toMatchObject({
      totals: { items: eur(2000), discount: eur(920), total: eur(1080 + shipping) },
      sellerFundedDiscount: eur(800),
      platformFundedDiscount: eur(120),
      proceeds: eur(1200 + shipping),
    });
    const dashboard = await api("/v1/seller/dashboard", { headers: seller.auth });
    expect(dashboard.status).toBe(200);
    expect((await dashboard.json<{ revenue: { today: unknown } }>()).revenue.today).toEqual(eur(1200));

    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    const page = await browser.get(`/console/orders/${part.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Buy 1 get 1 free: −8.00 EUR");
    expect(html).toContain("funded by you");
    expect(html).toContain("Ten off (PROCEEDS10): −1.20 EUR");
    expect(html).toContain("funded by the marketplace");
    expect(html).toContain("8.00 EUR funded by you, 1.20 EUR by the marketplace");
    expect(html).toContain(`Your proceeds (before fees)</dt><dd>${formatMoney(eur(1200 + shipping))}</dd>`);
  });
});
