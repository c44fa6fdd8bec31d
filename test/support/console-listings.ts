import { expect } from "vitest";
import { ConsoleClient } from "./console";
import { api, asSeller, json, type TestSeller } from "./identity";
import { listBook } from "./listings";

/** A seller signed in to the console, with one listing of theirs, for the listings pages' tests. */
export interface ConsoleShop {
  seller: TestSeller;
  browser: ConsoleClient;
  /** The session's form token, as the pages hand it out. */
  token: string;
  listingId: string;
}

export async function consoleShop(opts: { price?: number; quantity?: number } = {}): Promise<ConsoleShop> {
  const seller = await asSeller();
  const browser = new ConsoleClient();
  expect((await browser.signIn(seller.email, seller.password)).status).toBe(303);
  const token = await browser.formToken("/console/listings");
  const { id } = await listBook(seller, { price: opts.price ?? 1200, quantity: opts.quantity ?? 4 });
  return { seller, browser, token, listingId: id };
}

/** The listing as its seller's API shows it. */
export async function listingOf(seller: TestSeller, id: string) {
  const response = await api(`/v1/seller/listings/${id}`, { headers: seller.auth });
  expect(response.status).toBe(200);
  return response.json<{
    title: string;
    status: string;
    quantity: number;
    price: { amount: number };
    coverOptions: { name: string; kind: string; price: { amount: number }; maxLength: number | null }[];
    photos: { id: string; url: string }[];
    lowStockThreshold: number;
  }>();
}

/** Adds photos through the API (a JPEG's first bytes are what the catalogue checks). */
export async function addPhotos(seller: TestSeller, id: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await api(`/v1/seller/listings/${id}/photos`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "image/jpeg" },
      body: JPEG,
    });
    expect(response.status).toBe(201);
    ids.push((await response.json<{ id: string }>()).id);
  }
  return ids;
}

export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** Posts a multipart form (a file input's upload) with the page's token unless the test leaves it out. */
export function postMultipart(browser: ConsoleClient, path: string, form: FormData) {
  return browser.fetch(path, { method: "POST", headers: { origin: "http://bazaar.test" }, body: form });
}

/** An htmx request: the header htmx sends, and the form token as htmx sends it (X-CSRF-Token). */
export function htmxPost(browser: ConsoleClient, path: string, fields: Record<string, string>, token?: string) {
  const headers: Record<string, string> = { "hx-request": "true" };
  if (token) headers["x-csrf-token"] = token;
  return browser.post(path, fields, { headers });
}

/** Creates a listing through the API with a given title (a new ISBN, so the title is the edition's). */
export async function listTitled(seller: TestSeller, title: string): Promise<string> {
  const isbn = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  const sum = [...isbn].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  const response = await api(
    "/v1/seller/listings",
    json(
      {
        isbn: `${isbn}${(10 - (sum % 10)) % 10}`,
        sku: `SKU-${crypto.randomUUID().slice(0, 8)}`,
        condition: "good",
        price: { amount: 900, currency: "EUR" },
        quantity: 2,
        title,
        authors: ["Ada Author"],
      },
      { headers: seller.auth },
    ),
  );
  expect(response.status).toBe(201);
  return (await response.json<{ id: string }>()).id;
}
