import { env } from "cloudflare:workers";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const become = (auth: Record<string, string>, body: Record<string, unknown>) =>
  api("/v1/sellers", json(body, { headers: auth }));
const storeName = () => `Second Chapter ${crypto.randomUUID().slice(0, 6)}`;

describe("POST /v1/sellers (happy)", () => {
  it("opens a seller profile; the role shows at once in /v1/me and in the next refreshed access token", async () => {
    const account = await signUp();
    const name = storeName();
    const response = await become(account.auth, {
      storeName: ` ${name} `,
      contactEmail: "Shop@Books.EXAMPLE",
      shipsFrom: "fr",
    });
    expect(response.status).toBe(201);
    const { seller } = await response.json<{ seller: Record<string, string> }>();
    expect(seller).toMatchObject({
      userId: account.userId,
      storeName: name,
      contactEmail: "Shop@books.example",
      shipsFrom: "FR",
    });
    expect(seller.id).toMatch(/^sel_[0-9a-f]{32}$/);

    const me = await (await api("/v1/me", { headers: account.auth })).json<{
      user: { roles: string[]; sellerId: string };
    }>();
    expect(me.user).toMatchObject({ roles: ["buyer", "seller"], sellerId: seller.id });
    // The access token in hand was issued before: it still says buyer only, until the next refresh.
    expect(decodeJwt(account.accessToken).roles).toEqual(["buyer"]);
    const refreshed = await (await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }))).json<{
      accessToken: string;
    }>();
    expect(decodeJwt(refreshed.accessToken).roles).toEqual(["buyer", "seller"]);

    const event = await env.DB.prepare("SELECT envelope FROM outbox WHERE type = 'SellerRegistered'").first<{
      envelope: string;
    }>();
    expect(JSON.parse(event!.envelope).data).toMatchObject({
      sellerId: seller.id,
      userId: account.userId,
      shipsFrom: "FR",
    });
  });

  it("the asSeller helper yields a token that carries the seller role", async () => {
    const seller = await asSeller({ shipsFrom: "GB" });
    expect(seller.sellerId).toMatch(/^sel_/);
    expect(decodeJwt(seller.accessToken).roles).toContain("seller");
    expect((await api("/v1/me", { headers: seller.auth })).status).toBe(200);
  });
});

describe("POST /v1/sellers (errors)", () => {
  it("a second profile for the same account is a 409 already_seller", async () => {
    const seller = await asSeller();
    const response = await become(seller.auth, { storeName: storeName(), contactEmail: seller.email, shipsFrom: "DE" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "already_seller" });
  });

  it("a store name already in use, in any case, is a 409 store_name_taken", async () => {
    const name = storeName();
    await asSeller({ storeName: name });
    const other = await signUp();
    const response = await become(other.auth, {
      storeName: name.toUpperCase(),
      contactEmail: other.email,
      shipsFrom: "DE",
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "store_name_taken" });
  });

  it("missing or malformed fields are a 400 naming them", async () => {
    const account = await signUp();
    const response = await become(account.auth, { storeName: "x", contactEmail: "nope", shipsFrom: "Germany" });
    expect(response.status).toBe(400);
    const { errors } = await response.json<{ errors: { path: string }[] }>();
    expect(errors.map((e) => e.path).sort()).toEqual(["contactEmail", "shipsFrom", "storeName"]);
  });
});

describe("POST /v1/sellers (security)", () => {
  it("needs a token", async () => {
    const response = await api(
      "/v1/sellers",
      json({ storeName: storeName(), contactEmail: "a@b.example", shipsFrom: "DE" }),
    );
    expect(response.status).toBe(401);
  });

  it("only ever creates the caller's own profile, whatever the body says", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const response = await become(alice.auth, {
      storeName: storeName(),
      contactEmail: alice.email,
      shipsFrom: "DE",
      userId: bob.userId,
    });
    expect(response.status).toBe(201);
    expect((await response.json<{ seller: { userId: string } }>()).seller.userId).toBe(alice.userId);
    const bobMe = await (await api("/v1/me", { headers: bob.auth })).json<{ user: { sellerId: string | null } }>();
    expect(bobMe.user.sellerId).toBeNull();
  });

  it("does not make anyone an admin", async () => {
    const seller = await asSeller();
    expect(decodeJwt(seller.accessToken).roles).not.toContain("admin");
    expect((await api("/v1/admin/audit", { headers: seller.auth })).status).toBe(403);
  });
});

describe("storeNames (for modules that show sellers)", () => {
  it("answers the store name of each known seller id and leaves unknown ids out", async () => {
    const { storeNames } = await import("../../workers/sellers/service");
    const { buildServices } = await import("../../workers/platform/services");
    const { loadConfig } = await import("../../workers/config");
    const { createLogger } = await import("../../workers/lib/log");
    const a = await asSeller({ storeName: storeName() });
    const b = await asSeller({ storeName: storeName() });
    const services = buildServices(env, loadConfig(env), { waitUntil: () => {} }, createLogger());
    const names = await storeNames({ services }, [a.sellerId, b.sellerId, a.sellerId, "sel_unknown"]);
    expect(names.size).toBe(2);
    expect(names.get(a.sellerId)).toMatch(/^Second Chapter /);
    expect(names.has("sel_unknown")).toBe(false);
  });
});

describe("POST /v1/sellers store names", () => {
  it("refuses CR/LF, NUL and bidirectional overrides with 422 invalid_characters", async () => {
    const account = await signUp();
    for (const name of ["Books\r\nBcc: all@example.com", "Books\u0000", "Books \u202Eskoob", "Books\u2067"]) {
      const response = await become(account.auth, {
        storeName: name,
        contactEmail: "shop@books.example",
        shipsFrom: "DE",
      });
      expect(response.status, JSON.stringify(name)).toBe(422);
      const body = await response.json<{ code: string; errors: { path: string }[] }>();
      expect(body).toMatchObject({ code: "invalid_characters", errors: [{ path: "storeName" }] });
    }
    const me = await (await api("/v1/me", { headers: account.auth })).json<{ user: { roles: string[] } }>();
    expect(me.user.roles).toEqual(["buyer"]);
  });
});
