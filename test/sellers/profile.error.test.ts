import { describe, expect, it } from "vitest";
import { api, asSeller, json } from "../support/identity";

const storeName = () => `Second Chapter ${crypto.randomUUID().slice(0, 6)}`;
const patch = (auth: Record<string, string>, body: unknown) =>
  api("/v1/seller/profile", json(body, { method: "PATCH", headers: auth }));

interface Problem {
  code: string;
  errors?: { path: string }[];
}

describe("PATCH /v1/seller/profile (errors)", () => {
  it("another store's name, in any case, is a 409 store_name_taken and changes nothing", async () => {
    const taken = storeName();
    await asSeller({ storeName: taken });
    const seller = await asSeller();
    const before = await (await api("/v1/seller/profile", { headers: seller.auth })).json();
    const response = await patch(seller.auth, { storeName: taken.toLowerCase(), shipsFrom: "FR" });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: "store_name_taken" });
    expect(await (await api("/v1/seller/profile", { headers: seller.auth })).json()).toEqual(before);
  });

  it("malformed fields are a 400 naming them; an empty patch is a 400 too", async () => {
    const seller = await asSeller();
    const malformed = await patch(seller.auth, { storeName: "x", contactEmail: "nope", shipsFrom: "Germany" });
    expect(malformed.status).toBe(400);
    const { errors } = await malformed.json<Problem>();
    expect(errors!.map((e) => e.path).sort()).toEqual(["contactEmail", "shipsFrom", "storeName"]);

    const empty = await patch(seller.auth, {});
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: "validation_failed" });
  });

  it("refuses control and bidirectional characters in the store name with 422 invalid_characters", async () => {
    const seller = await asSeller();
    const response = await patch(seller.auth, { storeName: "Books\r\nBcc: all@example.com" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "invalid_characters", errors: [{ path: "storeName" }] });
  });

  it("a body that is not JSON is a 415, malformed JSON a 400", async () => {
    const seller = await asSeller();
    const form = await api("/v1/seller/profile", {
      method: "PATCH",
      headers: { ...seller.auth, "content-type": "application/x-www-form-urlencoded" },
      body: "storeName=Books",
    });
    expect(form.status).toBe(415);
    const broken = await api("/v1/seller/profile", {
      method: "PATCH",
      headers: { ...seller.auth, "content-type": "application/json" },
      body: '{"storeName": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: "malformed_json" });
  });
});

describe("PATCH /v1/seller/profile (races)", () => {
  it("two sellers taking one free name at once: one gets it, the other a 409", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const name = storeName();
    const answers = await Promise.all([patch(alice.auth, { storeName: name }), patch(bob.auth, { storeName: name })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect(await loser.json()).toMatchObject({ code: "store_name_taken" });
  });
});
