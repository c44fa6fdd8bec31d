import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { eventually } from "../../support/eventually";
import { apiClient } from "../../support/http-client";
import { consoleUrl } from "./browser";

/** An account made through the API over HTTP, for tests whose subject is a later page. */
export interface Account {
  email: string;
  password: string;
  name: string;
  accessToken: string;
  refreshToken: string;
}

export const BERLIN = {
  name: "Ada Reader",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
};

/** Calls the API as a storefront would, failing the test on any other status than `status`. */
export const send = apiClient(consoleUrl);

export const unique = () => randomUUID().replaceAll("-", "").slice(0, 10);

/** The newest mail of a template the dev mailbox holds for an address, once the queue has sent it. */
export async function mailTo(email: string, template: string): Promise<string> {
  return eventually(async () => {
    const { items } = await send<{ items: { template: string; text: string }[] }>(
      "GET",
      `/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
      200,
    );
    return items.find((mail) => mail.template === template)?.text;
  }, 15_000);
}

export async function registerAccount(opts: { name?: string; verified?: boolean } = {}): Promise<Account> {
  const email = `reader-${unique()}@bazaar.test`;
  const password = `browser test ${unique()}`;
  const name = opts.name ?? "Ada Reader";
  await send("POST", "/v1/auth/register", 201, undefined, { email, password, name });
  if (opts.verified) {
    const token = /Verification code: (\S+)/.exec(await mailTo(email, "verify-email"))?.[1];
    await send("POST", "/v1/auth/verify-email", 204, undefined, { token });
  }
  const tokens = await send<Account>("POST", "/v1/auth/login", 200, undefined, { email, password });
  return { email, password, name, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}

export interface Shop extends Account {
  sellerId: string;
  storeName: string;
}

/** A seller with a shop, opened through the API; its access token carries the seller role. */
export async function openShop(opts: { storeName?: string } = {}): Promise<Shop> {
  const account = await registerAccount({ name: "Sam Seller" });
  const storeName = opts.storeName ?? `Foxed Pages ${unique()}`;
  const { seller } = await send<{ seller: { id: string } }>("POST", "/v1/sellers", 201, account, {
    storeName,
    contactEmail: account.email,
    shipsFrom: "DE",
  });
  const refreshed = await send<Account>("POST", "/v1/auth/refresh", 200, undefined, {
    refreshToken: account.refreshToken,
  });
  return { ...account, ...refreshed, email: account.email, password: account.password, sellerId: seller.id, storeName };
}

/** A valid ISBN-13 (978 prefix) no other test uses, for books that must be new to the catalogue. */
export function freshIsbn(): string {
  const body = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export interface ListedBook {
  id: string;
  isbn: string;
  title: string;
  coverOptions: { id: string; name: string }[];
}

export interface CoverOptionOffered {
  name: string;
  kind: "material" | "inscription" | "artwork";
  price: number;
  maxLength?: number;
}

/** A listing made through the API, for pages that show listings. */
export async function listBook(
  shop: Shop,
  opts: {
    title?: string;
    price?: number;
    quantity?: number;
    lowStockThreshold?: number;
    coverOptions?: CoverOptionOffered[];
  } = {},
) {
  const isbn = freshIsbn();
  const title = opts.title ?? `The Quiet Shelf ${unique()}`;
  const coverOptions = (opts.coverOptions ?? []).map((option) => ({
    ...option,
    price: { amount: option.price, currency: "EUR" },
  }));
  const listing = await send<ListedBook>("POST", "/v1/seller/listings", 201, shop, {
    isbn,
    sku: `SKU-${unique()}`,
    condition: "very_good",
    price: { amount: opts.price ?? 1250, currency: "EUR" },
    quantity: opts.quantity ?? 5,
    title,
    authors: ["Ina Author"],
    ...(opts.lowStockThreshold === undefined ? {} : { lowStockThreshold: opts.lowStockThreshold }),
    ...(coverOptions.length > 0 ? { coverOptions } : {}),
  });
  return { id: listing.id, isbn, title, coverOptions: listing.coverOptions } satisfies ListedBook;
}

export interface PlacedOrder {
  orderId: string;
  sellerOrderId: string;
  lineIds: string[];
}

/** A buyer's order placed and paid through the API (the simulated provider's signed webhook marks it paid). */
export async function paidOrder(
  buyer: Account,
  listings: { id: string; quantity?: number; coverOptionId?: string; inscription?: string }[],
): Promise<PlacedOrder> {
  for (const { id, quantity, ...cover } of listings) {
    await send("POST", "/v1/cart/items", 201, buyer, { listingId: id, quantity: quantity ?? 1, ...cover });
  }
  const checkout = await send<{
    order: { id: string; sellerOrders: { id: string; lines: { id: string }[] }[] };
    payment: { id: string };
  }>(
    "POST",
    "/v1/checkout",
    201,
    buyer,
    { shippingAddress: BERLIN, shippingMethod: "standard" },
    { "idempotency-key": `browser-${unique()}` },
  );
  await send("POST", `/v1/dev/payments/${checkout.payment.id}/succeed`, 200, undefined, {});
  await eventually(async () => {
    const order = await send<{ status: string }>("GET", `/v1/orders/${checkout.order.id}`, 200, buyer);
    return order.status === "paid" ? true : undefined;
  }, 15_000);
  const [sellerOrder] = checkout.order.sellerOrders;
  return { orderId: checkout.order.id, sellerOrderId: sellerOrder!.id, lineIds: sellerOrder!.lines.map((l) => l.id) };
}

/** Signs in through the console's login form, as a seller at the keyboard would. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/console/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/console/login"));
  expect(new URL(page.url()).pathname).not.toBe("/console/login");
}
