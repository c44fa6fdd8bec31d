import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, asAdmin, asSeller, json, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { changePromotion, type PromotionView, runPromotion } from "../support/promotions";

let sellerA: TestSeller;
let sellerB: TestSeller;
let buyer: TestAccount;
let admin: TestAccount;
let promotionA: PromotionView;
let marketplace: PromotionView;

const percent = { name: "Ten off", kind: "percent_off", percentOff: 10 };

beforeAll(async () => {
  [sellerA, sellerB, buyer, admin] = await Promise.all([asSeller(), asSeller(), signUp(), asAdmin()]);
  [promotionA, marketplace] = await Promise.all([
    runPromotion(sellerA, { ...percent, code: `A${crypto.randomUUID().slice(0, 8).toUpperCase()}` }),
    runPromotion(admin, percent, "admin"),
  ]);
});

const routes = (scope: "seller" | "admin", id: string): [string, string, unknown?][] => [
  ["POST", `/v1/${scope}/promotions`, percent],
  ["GET", `/v1/${scope}/promotions`],
  ["GET", `/v1/${scope}/promotions/${id}`],
  ["PATCH", `/v1/${scope}/promotions/${id}`, { name: "Taken over" }],
];

function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
  if (body === undefined) return api(path, { method, headers });
  return api(path, json(body, { method, headers }));
}

async function storedRow(id: string) {
  return testDatabase.prepare("SELECT * FROM promotions WHERE id = ?").bind(id).first();
}

describe("promotion routes need the right caller", () => {
  it("answer 401 without a token and with a forged one", async () => {
    for (const [method, path, body] of [...routes("seller", promotionA.id), ...routes("admin", marketplace.id)]) {
      expect((await send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
      const forged = await send(method, path, body, { authorization: "Bearer eyJhbGciOiJub25lIn0.e30." });
      expect(forged.status, `${method} ${path} forged`).toBe(401);
    }
  });

  it("answer 403 to a buyer on seller routes and on admin routes", async () => {
    for (const [method, path, body] of [...routes("seller", promotionA.id), ...routes("admin", marketplace.id)]) {
      expect((await send(method, path, body, buyer.auth)).status, `${method} ${path}`).toBe(403);
    }
  });

  it("answer 403 to a seller on admin routes: a seller cannot run a platform-funded promotion", async () => {
    for (const [method, path, body] of routes("admin", marketplace.id)) {
      expect((await send(method, path, body, sellerA.auth)).status, `${method} ${path}`).toBe(403);
    }
    const sneaky = await api(
      "/v1/seller/promotions",
      json({ ...percent, fundedBy: "platform", sellerId: null }, { headers: sellerA.auth }),
    );
    expect(sneaky.status).toBe(400);
    const made = await runPromotion(sellerA, percent);
    expect(made).toMatchObject({ sellerId: sellerA.sellerId, fundedBy: "seller" });
  });
});

describe("a seller's promotions are that seller's alone", () => {
  it("answers 404 to seller B reading or changing seller A's promotion, and leaves the row unchanged", async () => {
    const before = await storedRow(promotionA.id);
    const path = `/v1/seller/promotions/${promotionA.id}`;
    const read = await api(path, { headers: sellerB.auth });
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ code: "not_found" });
    for (const body of [{ name: "Mine now" }, { status: "ended" }, { percentOff: 100 }, { code: null }]) {
      const changed = await changePromotion(sellerB, promotionA.id, body);
      expect(changed.status, JSON.stringify(body)).toBe(404);
    }
    expect(await storedRow(promotionA.id)).toEqual(before);
  });

  it("keeps seller A's promotions out of seller B's list", async () => {
    const list = await api("/v1/seller/promotions?limit=100", { headers: sellerB.auth });
    const page = await list.json<{ items: PromotionView[] }>();
    expect(page.items.map((p) => p.id)).not.toContain(promotionA.id);
    expect(page.items.every((p) => p.sellerId === sellerB.sellerId)).toBe(true);
  });

  it("hides the marketplace's promotions from sellers' routes", async () => {
    expect((await api(`/v1/seller/promotions/${marketplace.id}`, { headers: sellerA.auth })).status).toBe(404);
    expect((await changePromotion(sellerA, marketplace.id, { name: "Ours" })).status).toBe(404);
  });

  it("lets an admin read a seller's promotion but not change it (403), and leaves it unchanged", async () => {
    const before = await storedRow(promotionA.id);
    expect((await api(`/v1/admin/promotions/${promotionA.id}`, { headers: admin.auth })).status).toBe(200);
    const changed = await changePromotion(admin, promotionA.id, { status: "ended" }, "admin");
    expect(changed.status).toBe(403);
    expect(await storedRow(promotionA.id)).toEqual(before);
  });
});
