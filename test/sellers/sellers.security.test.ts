import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const become = (auth: Record<string, string>, body: Record<string, unknown>) =>
  api("/v1/sellers", json(body, { headers: auth }));
const storeName = () => `Second Chapter ${crypto.randomUUID().slice(0, 6)}`;

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
