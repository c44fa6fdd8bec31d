import { describe, expect, it } from "vitest";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json } from "../support/identity";

/** A listing that brings a new ISBN into the catalog says its edition's format (promotions may target formats). */
describe("a new edition's format", () => {
  it("is what the listing says, and paperback when it says nothing", async () => {
    const seller = await asSeller();
    const list = async (n: number, format?: "hardcover" | "paperback") => {
      const isbn = testIsbn(770_000 + n + Math.floor(Math.random() * 100_000));
      const response = await api(
        "/v1/seller/listings",
        json(
          {
            isbn,
            sku: `FMT-${n}-${crypto.randomUUID().slice(0, 8)}`,
            condition: "new",
            price: { amount: 1500, currency: "EUR" },
            quantity: 1,
            title: `Bound Book ${n}`,
            authors: ["Ada Author"],
            ...(format ? { format } : {}),
          },
          { headers: seller.auth },
        ),
      );
      expect(response.status).toBe(201);
      const book = await api(`/v1/books/${isbn}`);
      return ((await book.json()) as { format: string }).format;
    };
    expect(await list(1, "hardcover")).toBe("hardcover");
    expect(await list(2)).toBe("paperback");
  });

  it("refuses a format that is not one", async () => {
    const seller = await asSeller();
    const response = await api(
      "/v1/seller/listings",
      json(
        {
          isbn: testIsbn(880_001),
          sku: "FMT-BAD",
          condition: "new",
          price: { amount: 1500, currency: "EUR" },
          quantity: 1,
          title: "A Scroll",
          authors: ["Ada Author"],
          format: "scroll",
        },
        { headers: seller.auth },
      ),
    );
    expect(response.status).toBe(400);
  });
});
