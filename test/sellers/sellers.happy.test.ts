import { env } from "cloudflare:workers";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
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

    const event = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'SellerRegistered'").first<{
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
