import { testIsbn } from "./catalog";
import { api, json, type TestSeller } from "./identity";

let next = 0;

export interface TestListing {
  id: string;
  coverOptions: { id: string; name: string; kind: string; maxLength: number | null }[];
}

/** A listing created through the seller API: 12.00 EUR, with the given copies and cover options. */
export async function listBook(
  seller: TestSeller,
  opts: {
    quantity?: number;
    price?: number;
    coverOptions?: { name: string; kind: "material" | "inscription" | "artwork"; price: number; maxLength?: number }[];
  } = {},
): Promise<TestListing> {
  const n = ++next;
  const response = await api(
    "/v1/seller/listings",
    json(
      {
        isbn: testIsbn(90_000 + n + Math.floor(Math.random() * 1_000_000)),
        sku: `SKU-${n}-${crypto.randomUUID().slice(0, 8)}`,
        condition: "very_good",
        price: { amount: opts.price ?? 1200, currency: "EUR" },
        quantity: opts.quantity ?? 1,
        title: `Test Book ${n}`,
        authors: ["Ada Author"],
        coverOptions: (opts.coverOptions ?? []).map((option) => ({
          ...option,
          price: { amount: option.price, currency: "EUR" },
        })),
      },
      { headers: seller.auth },
    ),
  );
  if (response.status !== 201) throw new Error(`listing not created: ${response.status} ${await response.text()}`);
  return response.json<TestListing>();
}
