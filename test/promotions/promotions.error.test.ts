import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, asAdmin, asSeller, json, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { changePromotion, eur, type PromotionView, runPromotion } from "../support/promotions";

let seller: TestSeller;
let other: TestSeller;
let admin: TestAccount;

beforeAll(async () => {
  [seller, other, admin] = await Promise.all([asSeller(), asSeller(), asAdmin()]);
});

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const code = () => `E${crypto.randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
const percent = { name: "Ten off", kind: "percent_off", percentOff: 10 };

async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return response.json<Problem>();
}

const create = (body: unknown, account: TestAccount = seller, scope = "seller") =>
  api(`/v1/${scope}/promotions`, json(body, { headers: account.auth }));

const paths = (problem: Problem) => problem.errors?.map((error) => error.path).sort();

describe("an invalid promotion body is a 4xx problem naming the field", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["no name", { kind: "percent_off", percentOff: 10 }, "name"],
    ["an unknown kind", { ...percent, kind: "half_price" }, "kind"],
    ["percentOff 0", { ...percent, percentOff: 0 }, "percentOff"],
    ["percentOff over 100", { ...percent, percentOff: 101 }, "percentOff"],
    ["percentOff not whole", { ...percent, percentOff: 12.5 }, "percentOff"],
    ["a code too short", { ...percent, code: "AB" }, "code"],
    ["a code with spaces", { ...percent, code: "SPRING 10" }, "code"],
    ["a code too long", { ...percent, code: "A".repeat(33) }, "code"],
    ["amountOff 0", { name: "x", kind: "amount_off", amountOff: eur(0) }, "amountOff.amount"],
    ["amountOff as a number", { name: "x", kind: "amount_off", amountOff: 200 }, "amountOff"],
    ["buyQuantity 0", { name: "x", kind: "buy_x_get_y", buyQuantity: 0, getQuantity: 1 }, "buyQuantity"],
    [
      "bundleQuantity 1",
      { name: "x", kind: "fixed_price_bundle", bundleQuantity: 1, bundlePrice: eur(900) },
      "bundleQuantity",
    ],
    ["a negative minimum spend", { ...percent, minimumSpend: eur(-1) }, "minimumSpend.amount"],
    ["validFrom not a date-time", { ...percent, validFrom: "next monday" }, "validFrom"],
    ["usageLimit 0", { ...percent, usageLimit: 0 }, "usageLimit"],
    ["perBuyerLimit negative", { ...percent, perBuyerLimit: -1 }, "perBuyerLimit"],
    ["stackable as text", { ...percent, stackable: "yes" }, "stackable"],
    ["status ended on create", { ...percent, status: "ended" }, "status"],
    ["a listing id of the wrong shape", { ...percent, targets: { listingIds: ["lst_1"] } }, "targets.listingIds.0"],
    ["an unknown condition", { ...percent, targets: { conditions: ["mint"] } }, "targets.conditions.0"],
    ["an unknown format", { ...percent, targets: { formats: ["ebook"] } }, "targets.formats.0"],
  ])("%s is 400 validation_failed", async (_, body, field) => {
    const problem = await problemOf(await create(body), 400);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((error) => error.path)).toContain(field);
  });

  it("refuses fields the server decides (owner, funding, uses)", async () => {
    for (const extra of [{ fundedBy: "platform" }, { sellerId: null }, { usesHeld: 0 }, { uses: 0 }]) {
      const problem = await problemOf(await create({ ...percent, ...extra }), 400);
      expect(problem.code, JSON.stringify(extra)).toBe("validation_failed");
    }
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["percent_off without percentOff", { name: "x", kind: "percent_off" }, ["percentOff"]],
    ["amount_off without amountOff", { name: "x", kind: "amount_off" }, ["amountOff"]],
    ["buy_x_get_y without getQuantity", { name: "x", kind: "buy_x_get_y", buyQuantity: 1 }, ["getQuantity"]],
    [
      "fixed_price_bundle without its terms",
      { name: "x", kind: "fixed_price_bundle" },
      ["bundlePrice", "bundleQuantity"],
    ],
    ["percent_off with amountOff", { ...percent, amountOff: eur(100) }, ["amountOff"]],
    [
      "amount_off with buyQuantity",
      { name: "x", kind: "amount_off", amountOff: eur(100), buyQuantity: 1 },
      ["buyQuantity"],
    ],
  ])("%s is 422 naming the term", async (_, body, fields) => {
    const problem = await problemOf(await create(body), 422);
    expect(problem.code).toBe("unprocessable");
    expect(paths(problem)).toEqual(fields);
    expect(problem.detail).toContain(fields[0]);
  });

  it("refuses money in another currency with 422 unsupported_currency", async () => {
    const problem = await problemOf(
      await create({ name: "x", kind: "amount_off", amountOff: { amount: 100, currency: "USD" } }),
      422,
    );
    expect(problem).toMatchObject({ code: "unsupported_currency", errors: [{ path: "amountOff.currency" }] });
    const spend = await problemOf(await create({ ...percent, minimumSpend: { amount: 100, currency: "GBP" } }), 422);
    expect(spend.errors?.[0]?.path).toBe("minimumSpend.currency");
  });

  it("refuses validUntil at or before validFrom with 422 naming validUntil", async () => {
    for (const validUntil of ["2030-01-01T00:00:00Z", "2029-12-31T00:00:00Z"]) {
      const problem = await problemOf(await create({ ...percent, validFrom: "2030-01-01T00:00:00Z", validUntil }), 422);
      expect(problem).toMatchObject({ code: "unprocessable", errors: [{ path: "validUntil" }] });
    }
  });

  it("refuses another seller's listing, or an unknown one, as a seller's target with 422", async () => {
    const foreign = await listBook(other);
    const own = await listBook(seller);
    const problem = await problemOf(await create({ ...percent, targets: { listingIds: [own.id, foreign.id] } }), 422);
    expect(problem).toMatchObject({ code: "unprocessable", errors: [{ path: "targets.listingIds" }] });
    expect(problem.errors?.[0]?.message).toContain(foreign.id);
    expect(problem.errors?.[0]?.message).not.toContain(own.id);
    const unknown = `lst_${"0".repeat(32)}`;
    const admins = await problemOf(
      await create({ ...percent, targets: { listingIds: [unknown] } }, admin, "admin"),
      422,
    );
    expect(admins.errors?.[0]?.message).toContain(unknown);
  });

  it("refuses a code any promotion already has, whatever its case or owner, with 409 promotion_code_taken", async () => {
    const taken = code();
    await runPromotion(seller, { ...percent, code: taken });
    for (const [account, scope] of [
      [seller, "seller"],
      [other, "seller"],
      [admin, "admin"],
    ] as const) {
      const problem = await problemOf(await create({ ...percent, code: taken.toLowerCase() }, account, scope), 409);
      expect(problem.code).toBe("promotion_code_taken");
    }
    const mine = await runPromotion(seller, { ...percent, code: code() });
    const patched = await problemOf(await changePromotion(seller, mine.id, { code: taken }), 409);
    expect(patched.code).toBe("promotion_code_taken");
  });
});

describe("changes a promotion refuses", () => {
  let promotion: PromotionView;

  beforeAll(async () => {
    promotion = await runPromotion(seller, { ...percent, code: code(), usageLimit: 10 });
  });

  it("refuses an empty change and an unknown field with 400", async () => {
    expect((await problemOf(await changePromotion(seller, promotion.id, {}), 400)).code).toBe("validation_failed");
    const extra = await problemOf(await changePromotion(seller, promotion.id, { fundedBy: "platform" }), 400);
    expect(extra.code).toBe("validation_failed");
  });

  it("refuses a term of another kind, and a new kind without its terms, with 422", async () => {
    const foreign = await problemOf(await changePromotion(seller, promotion.id, { amountOff: eur(100) }), 422);
    expect(paths(foreign)).toEqual(["amountOff"]);
    const bare = await problemOf(await changePromotion(seller, promotion.id, { kind: "buy_x_get_y" }), 422);
    expect(paths(bare)).toEqual(["buyQuantity", "getQuantity"]);
  });

  it("refuses a window that ends before it starts, against the stored start", async () => {
    await changePromotion(seller, promotion.id, { validFrom: "2030-01-01T00:00:00Z" });
    const problem = await problemOf(
      await changePromotion(seller, promotion.id, { validUntil: "2029-06-01T00:00:00Z" }),
      422,
    );
    expect(paths(problem)).toEqual(["validUntil"]);
  });

  it("keeps kind and code once used (409 promotion_in_use) and the limit at or above the uses held (422)", async () => {
    const used = await runPromotion(seller, { ...percent, code: code(), usageLimit: 10 });
    await testDatabase.prepare("UPDATE promotions SET uses_held = 4 WHERE id = ?").bind(used.id).run();
    const kind = await problemOf(
      await changePromotion(seller, used.id, { kind: "amount_off", amountOff: eur(100) }),
      409,
    );
    expect(kind).toMatchObject({ code: "promotion_in_use", errors: [{ path: "kind" }] });
    const newCode = await problemOf(await changePromotion(seller, used.id, { code: code() }), 409);
    expect(newCode).toMatchObject({ code: "promotion_in_use", errors: [{ path: "code" }] });
    const automatic = await problemOf(await changePromotion(seller, used.id, { code: null }), 409);
    expect(automatic.code).toBe("promotion_in_use");
    const limit = await problemOf(await changePromotion(seller, used.id, { usageLimit: 3 }), 422);
    expect(limit).toMatchObject({ code: "unprocessable", errors: [{ path: "usageLimit" }] });
    const same = await changePromotion(seller, used.id, { kind: "percent_off", code: used.code, usageLimit: 4 });
    expect(same.status).toBe(200);
  });

  it("refuses a stale If-Match with 412 and leaves the promotion as it was", async () => {
    const fresh = await runPromotion(seller, percent);
    await changePromotion(seller, fresh.id, { name: "First change" });
    const stale = await problemOf(
      await changePromotion(seller, fresh.id, { name: "Over it" }, "seller", { "if-match": '"1"' }),
      412,
    );
    expect(stale.code).toBe("precondition_failed");
    const read = await api(`/v1/seller/promotions/${fresh.id}`, { headers: seller.auth });
    expect(await read.json()).toMatchObject({ name: "First change", version: 2 });
  });

  it("keeps an ended promotion ended: any change is 409 invalid_transition", async () => {
    const ended = await runPromotion(seller, percent);
    await changePromotion(seller, ended.id, { status: "ended" });
    for (const body of [{ status: "active" }, { name: "Back again" }]) {
      const problem = await problemOf(await changePromotion(seller, ended.id, body), 409);
      expect(problem.code, JSON.stringify(body)).toBe("invalid_transition");
    }
  });

  it("answers 404 for an unknown promotion and 400 for a malformed id", async () => {
    const unknown = `prm_${"0".repeat(32)}`;
    expect((await problemOf(await api(`/v1/seller/promotions/${unknown}`, { headers: seller.auth }), 404)).code).toBe(
      "not_found",
    );
    expect((await problemOf(await changePromotion(admin, unknown, { name: "x" }, "admin"), 404)).code).toBe(
      "not_found",
    );
    expect((await api("/v1/seller/promotions/prm_nope", { headers: seller.auth })).status).toBe(400);
  });

  it("refuses a malformed cursor and an unknown status filter with 400", async () => {
    const cursor = await problemOf(await api("/v1/seller/promotions?cursor=nonsense", { headers: seller.auth }), 400);
    expect(cursor.code).toBe("invalid_cursor");
    expect((await api("/v1/admin/promotions?status=gone", { headers: admin.auth })).status).toBe(400);
    expect((await api("/v1/admin/promotions?sellerId=nobody", { headers: admin.auth })).status).toBe(400);
  });
});
