import { eventually } from "../support/eventually";
import { apiClient } from "../support/http-client";

/**
 * The purchase path a buyer and a seller walk against a running Worker, over plain HTTP: what each step answered,
 * for comparing one store's walk with another's.
 */

export interface BookToList {
  isbn: string;
  title: string;
  authors: string[];
  price: number;
  quantity: number;
}

interface Money {
  amount: number;
  currency: string;
}

export interface OrderRead {
  id: string;
  status: string;
  paidAt: string | null;
  totals: Record<"items" | "covers" | "shipping" | "tax" | "total" | "refunded", Money>;
  sellerOrders: {
    id: string;
    status: string;
    lines: { id: string; quantity: number; refunded: Money }[];
    shipment: { trackingNumber: string } | null;
  }[];
  history: { sellerOrderId: string | null; to: string }[];
  refunds: { state: string; amount: Money }[];
}

export interface PurchasePath {
  search: { items: { isbn13: string; title: string }[]; correctedQuery?: string; nextCursor: string | null };
  checkout: { order: OrderRead; payment: { id: string } };
  shipped: { status: string };
  refund: { state: string; amount: Money; restocked: boolean };
  order: OrderRead;
  listing: { quantity: number; available: number; status: string };
  bookPage: { offers: { available: number }[] };
  /** The templates of the mail the buyer got, sorted (the notification consumer sends them in any order). */
  buyerMail: string[];
}

const BERLIN = { name: "Ada Reader", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" };
const WAIT_MS = 30_000;

/** One walk: a seller lists two books, a verified buyer finds one by a typo, buys two copies, the seller refunds one. */
export async function walkPurchasePath(
  baseUrl: string,
  books: { book: BookToList; otherBook: BookToList; search: string },
): Promise<PurchasePath> {
  const client = httpClient(baseUrl);
  const seller = await client.signUp("seller@bazaar.test", "Foxed Seller");
  await client.send("POST", "/v1/sellers", 201, seller, {
    storeName: "Foxed & Found",
    contactEmail: seller.email,
    shipsFrom: "DE",
  });
  // A refreshed access token carries the seller role.
  const refreshed = await client.send<Tokens>("POST", "/v1/auth/refresh", 200, undefined, {
    refreshToken: seller.refreshToken,
  });
  const sellerAuth = { ...seller, accessToken: refreshed.accessToken };
  const buyer = await client.signUp("buyer@bazaar.test", "Ada Reader", { verified: true });

  const listings: { id: string }[] = [];
  for (const [n, listed] of [books.book, books.otherBook].entries()) {
    listings.push(
      await client.send("POST", "/v1/seller/listings", 201, sellerAuth, {
        isbn: listed.isbn,
        sku: `FOXED-${n + 1}`,
        condition: "very_good",
        price: { amount: listed.price, currency: "EUR" },
        quantity: listed.quantity,
        title: listed.title,
        authors: listed.authors,
      }),
    );
  }
  const listingId = listings[0]!.id;

  const search = await eventually(async () => {
    const page = await client.send<PurchasePath["search"]>(
      "GET",
      `/v1/books?q=${encodeURIComponent(books.search)}`,
      200,
    );
    return page.items.length > 0 ? page : undefined;
  }, WAIT_MS);

  await client.send("POST", "/v1/cart/items", 201, buyer, { listingId, quantity: 2 });
  const checkout = await client.send<PurchasePath["checkout"]>(
    "POST",
    "/v1/checkout",
    201,
    buyer,
    { shippingAddress: BERLIN, shippingMethod: "standard" },
    { "idempotency-key": "purchase-path-checkout" },
  );
  const orderId = checkout.order.id;
  // The simulator signs the webhook with this Worker's SIMULATED_WEBHOOK_SECRET; a queue consumer marks it paid.
  await client.send("POST", `/v1/dev/payments/${checkout.payment.id}/succeed`, 200, undefined, {});
  const readOrder = () => client.send<OrderRead>("GET", `/v1/orders/${orderId}`, 200, buyer);
  await eventually(async () => ((await readOrder()).status === "paid" ? true : undefined), WAIT_MS);

  const sellerOrderId = checkout.order.sellerOrders[0]!.id;
  const shipped = await client.send<PurchasePath["shipped"]>(
    "POST",
    `/v1/seller/orders/${sellerOrderId}/shipments`,
    201,
    sellerAuth,
    { carrier: "DHL", trackingNumber: "JJD0001234567", trackingUrl: "https://track.example/JJD0001234567" },
  );
  const lineId = checkout.order.sellerOrders[0]!.lines[0]!.id;
  const refund = await client.send<PurchasePath["refund"]>(
    "POST",
    `/v1/orders/${orderId}/refunds`,
    201,
    sellerAuth,
    { lines: [{ lineId, quantity: 1 }], reason: "cover damaged", restock: true },
    { "idempotency-key": "purchase-path-refund" },
  );

  const order = await readOrder();
  // D1's copy of stock follows the stock object through events: wait until it shows the restocked copy.
  const restocked = books.book.quantity - 1;
  const listing = await eventually(async () => {
    const read = await client.send<PurchasePath["listing"]>("GET", `/v1/seller/listings/${listingId}`, 200, sellerAuth);
    return read.available === restocked ? read : undefined;
  }, WAIT_MS);
  const bookPage = await client.send<PurchasePath["bookPage"]>("GET", `/v1/books/${books.book.isbn}`, 200);
  const buyerMail = await eventually(async () => {
    const { items } = await client.send<{ items: { template: string }[] }>(
      "GET",
      `/v1/dev/mailbox?to=${encodeURIComponent(buyer.email)}&limit=50`,
      200,
    );
    const templates = items.map((mail) => mail.template).sort();
    return ["order-confirmation", "order-shipped", "refund-issued"].every((t) => templates.includes(t))
      ? templates
      : undefined;
  }, WAIT_MS);
  return { search, checkout, shipped, refund, order, listing, bookPage, buyerMail };
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

interface Account extends Tokens {
  email: string;
}

function httpClient(baseUrl: string) {
  const send = apiClient(baseUrl);

  /** Registers an account, confirms its address from the dev mailbox when asked, and logs it in. */
  async function signUp(email: string, name: string, opts: { verified?: boolean } = {}): Promise<Account> {
    const password = `purchase path ${name}`;
    await send("POST", "/v1/auth/register", 201, undefined, { email, password, name });
    if (opts.verified) {
      const text = await eventually(async () => {
        const { items } = await send<{ items: { template: string; text: string }[] }>(
          "GET",
          `/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
          200,
        );
        return items.find((mail) => mail.template === "verify-email")?.text;
      }, WAIT_MS);
      const token = /Verification code: (\S+)/.exec(text)?.[1];
      await send("POST", "/v1/auth/verify-email", 204, undefined, { token });
    }
    const tokens = await send<Tokens>("POST", "/v1/auth/login", 200, undefined, { email, password });
    return { email, ...tokens };
  }

  return { send, signUp };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** What makes an id unique: UUIDv7's 32 hex digits (`ord_…`, `sim_pi_…`), or the simulator's 24 of a refund. */
const UNIQUE_PART = /[0-9a-f]{32}|[0-9a-f]{24}/g;

/**
 * The walk with what differs between any two runs set aside: each id becomes its order of first appearance (so
 * that the same id in two places stays the same, and two ids stay two) and each timestamp a mark.
 */
export function sameAcrossStores(path: PurchasePath): unknown {
  const seen = new Map<string, string>();
  const normalise = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (ISO_TIME.test(value)) return "<time>";
      return value.replace(UNIQUE_PART, (unique) => {
        if (!seen.has(unique)) seen.set(unique, `<${seen.size + 1}>`);
        return seen.get(unique)!;
      });
    }
    if (Array.isArray(value)) return value.map(normalise);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]));
    }
    return value;
  };
  return normalise(path);
}
