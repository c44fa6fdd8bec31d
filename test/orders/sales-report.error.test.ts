import { describe, expect, it } from "vitest";
import { refundSellerOrder, sellerOrder } from "../../workers/orders";
import { api, asSeller, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, eur, newKey, ordersTestContext, paidOrder } from "../support/orders";

const get = (seller: TestSeller, path: string) => api(path, { headers: seller.auth });

interface Problem {
  code: string;
  errors?: { path: string }[];
}

describe("sales report (errors)", () => {
  it("refuses a range that runs backwards or spans more than 366 days with 422", async () => {
    const seller = await asSeller();
    for (const query of [
      "from=2025-03-10&to=2025-03-09",
      "from=2024-01-01&to=2025-01-01",
      "from=2020-01-01",
      "to=1999-12-31&from=2000-01-01",
    ]) {
      const response = await get(seller, `/v1/seller/reports/sales?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await response.json<Problem>(), query).toMatchObject({
        code: "unprocessable",
        errors: [{ path: "from" }],
      });
    }
    // 366 days, both ends included, is the longest report there is.
    expect((await get(seller, "/v1/seller/reports/sales?from=2024-01-01&to=2024-12-31")).status).toBe(200);
  });

  it("refuses dates that are not YYYY-MM-DD calendar days, and unknown periods or formats, with 400", async () => {
    const seller = await asSeller();
    for (const [query, path] of [
      ["from=2025-02-30", "from"],
      ["to=2025-13-01", "to"],
      ["from=03/01/2025", "from"],
      ["to=yesterday", "to"],
      ["period=month", "period"],
      ["format=xlsx", "format"],
    ]) {
      const response = await get(seller, `/v1/seller/reports/sales?${query}`);
      expect(response.status, query).toBe(400);
      const body = await response.json<Problem>();
      expect(body.code).toBe("validation_failed");
      expect(body.errors?.map((error) => error.path)).toEqual([path]);
    }
  });

  it("answers a bad CSV request as problem+json, not as CSV", async () => {
    const seller = await asSeller();
    const response = await get(seller, "/v1/seller/reports/sales?format=csv&from=2025-03-10&to=2025-01-01");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});

describe("seller order routes for the console (errors)", () => {
  it("refuses a malformed toShip; the console's refund of an unknown seller order is 404", async () => {
    const seller = await asSeller();
    const response = await get(seller, "/v1/seller/orders?toShip=yes");
    expect(response.status).toBe(400);
    expect(await response.json<Problem>()).toMatchObject({ errors: [{ path: "toShip" }] });
    const unknown = `sor_${"0".repeat(32)}`;
    await expect(
      refundSellerOrder(ordersTestContext(), seller.sellerId, unknown, { reason: "x", restock: false }, newKey()),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a refund form sent with a malformed Idempotency-Key, and refunds nothing", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { price: 900 })).id);
    const { order } = await paidOrder(buyer);
    const part = order.sellerOrders[0]!;
    const ctx = ordersTestContext();
    await expect(
      refundSellerOrder(ctx, seller.sellerId, part.id, { amount: eur(100), reason: "x", restock: false }, "short"),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect((await sellerOrder(ctx, seller.sellerId, part.id)).totals.refunded).toEqual(eur(0));
  });
});
