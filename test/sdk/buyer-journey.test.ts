import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createBazaar, type Session } from "../../sdk/src";
import { testIsbn } from "../support/catalog";
import { eventually } from "../support/eventually";
import { asSeller } from "../support/identity";

const BASE = "http://bazaar.test";
const worker = (request: Request) => exports.default.fetch(request);
const BERLIN = { name: "Ada Reader", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" };

/** A seller's client, signed in with the tokens the test support got through the API. */
async function sellerClient() {
  const seller = await asSeller();
  return createBazaar({ baseUrl: BASE, fetch: worker, session: seller });
}

describe("the SDK: the buyer journey", () => {
  it("lists, finds, fills a guest cart, signs up, sees it merged, checks out and pays", async () => {
    const isbn = testIsbn(500_000 + Math.floor(Math.random() * 400_000));
    const listingIds: string[] = [];
    for (const price of [1500, 900]) {
      const seller = await sellerClient();
      const { data, error } = await seller.POST("/v1/seller/listings", {
        body: {
          isbn,
          sku: `SDK-${crypto.randomUUID().slice(0, 8)}`,
          condition: "very_good",
          price: { amount: price, currency: "EUR" },
          quantity: 3,
          title: "The Wandering Lighthouse",
          authors: ["Ada Author"],
        },
      });
      expect(error).toBeUndefined();
      listingIds.push(data!.id);
    }

    let cartToken: string | null = null;
    let session: Session | null = null;
    const buyer = createBazaar({
      baseUrl: BASE,
      fetch: worker,
      onCartToken: (token) => {
        cartToken = token;
      },
      onSession: (next) => {
        session = next;
      },
    });
    const found = await eventually(async () => {
      const { data } = await buyer.GET("/v1/books", { params: { query: { q: isbn } } });
      return data?.items.length ? data : undefined;
    });
    expect(found.items[0]?.isbn13).toBe(isbn);

    for (const listingId of listingIds) {
      const { response } = await buyer.POST("/v1/cart/items", { body: { listingId } });
      expect(response.status).toBe(201);
    }
    expect(cartToken).toMatch(/.+/);

    const email = `sdk-${crypto.randomUUID().slice(0, 8)}@bazaar.test`;
    const password = `a long sdk password ${crypto.randomUUID()}`;
    expect(
      (await buyer.POST("/v1/auth/register", { body: { email, password, name: "Sam Buyer" } })).response.status,
    ).toBe(201);
    const signedIn = await buyer.POST("/v1/auth/login", { body: { email, password } });
    expect(signedIn.data?.user.email).toBe(email);
    expect(session).not.toBeNull();
    expect(cartToken).toBeNull();

    const cart = await buyer.GET("/v1/cart");
    expect(cart.data?.lines.map((line) => line.listingId).sort()).toEqual([...listingIds].sort());

    const placed = await buyer.POST("/v1/checkout", { body: { shippingAddress: BERLIN, shippingMethod: "standard" } });
    expect(placed.response.status).toBe(201);
    const { order, payment } = placed.data!;
    expect(order.sellerOrders).toHaveLength(2);
    const paid = await buyer.POST("/v1/dev/payments/{paymentId}/succeed", {
      params: { path: { paymentId: payment.id } },
      body: {},
    });
    expect(paid.response.status).toBe(200);
    const settled = await eventually(async () => {
      const { data } = await buyer.GET("/v1/orders/{id}", { params: { path: { id: order.id } } });
      return data?.status === "paid" ? data : undefined;
    });
    expect(settled.paidAt).not.toBeNull();
  });

  it("answers a refusal as a typed problem with its code", async () => {
    const buyer = createBazaar({ baseUrl: BASE, fetch: worker });
    const { data, error, response } = await buyer.POST("/v1/auth/login", {
      body: { email: "nobody@bazaar.test", password: "not a password of anyone" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error?.code).toBe("invalid_credentials");
    expect(error?.requestId).toMatch(/^req_/);
  });

  it("refreshes an expired access token once and sends the call again, keeping the rotated refresh token", async () => {
    const seller = await asSeller();
    const sessions: (Session | null)[] = [];
    const client = createBazaar({
      baseUrl: BASE,
      fetch: worker,
      session: { accessToken: "an-access-token-that-has-expired", refreshToken: seller.refreshToken },
      onSession: (next) => sessions.push(next),
    });
    const [me, again] = await Promise.all([client.GET("/v1/me"), client.GET("/v1/me")]);
    expect(me.data?.user.id).toBe(seller.userId);
    expect(again.data?.user.id).toBe(seller.userId);
    expect(sessions).toHaveLength(1);
    expect(client.session?.refreshToken).not.toBe(seller.refreshToken);
  });

  it("ends the session when the refresh token is refused", async () => {
    const client = createBazaar({
      baseUrl: BASE,
      fetch: worker,
      session: { accessToken: "expired", refreshToken: "a-refresh-token-nobody-issued" },
    });
    const { response } = await client.GET("/v1/me");
    expect(response.status).toBe(401);
    expect(client.session).toBeNull();
  });

  it("retries a read, and a write with an Idempotency-Key, on 503; never another write", async () => {
    const seen: string[] = [];
    let failNext = 0;
    const flaky = async (request: Request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("idempotency-key") ?? "-"}`);
      if (failNext-- > 0) return new Response("busy", { status: 503 });
      return worker(request);
    };
    const client = createBazaar({ baseUrl: BASE, fetch: flaky });

    failNext = 1;
    expect((await client.GET("/v1/books", { params: { query: { q: "lighthouse" } } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);

    seen.length = 0;
    failNext = 1;
    expect((await client.POST("/v1/auth/password-reset", { body: { email: "x@bazaar.test" } })).response.status).toBe(
      503,
    );
    expect(seen).toHaveLength(1);

    const seller = await asSeller();
    const signedIn = createBazaar({ baseUrl: BASE, fetch: flaky, session: seller });
    seen.length = 0;
    failNext = 1;
    const refund = await signedIn.POST("/v1/orders/{id}/refunds", {
      params: { path: { id: "ord_00000000000000000000000000000000" } },
      body: { amount: { amount: 100, currency: "EUR" }, reason: "damaged", restock: false },
    });
    expect(refund.response.status).not.toBe(503);
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((line) => line.split(" ")[2]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });
});
