import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const become = (auth: Record<string, string>, body: Record<string, unknown>) =>
  api("/v1/sellers", json(body, { headers: auth }));
const storeName = () => `Second Chapter ${crypto.randomUUID().slice(0, 6)}`;

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
