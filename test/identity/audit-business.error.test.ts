import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, type TestAccount, type TestSeller } from "../support/identity";

let admin: TestAccount;
let seller: TestSeller;

beforeAll(async () => {
  admin = await asAdmin();
  seller = await asSeller();
});

const problemOf = async (path: string, account: TestAccount) => {
  const response = await api(path, { headers: account.auth });
  return { status: response.status, code: (await response.json<{ code: string }>()).code };
};

describe("GET /v1/admin/audit filters (errors)", () => {
  it("refuses a bad cursor with 400 invalid_cursor", async () => {
    expect(await problemOf("/v1/admin/audit?cursor=bm9wZQ", admin)).toEqual({ status: 400, code: "invalid_cursor" });
  });

  it("refuses a malformed actor, target or action with 400", async () => {
    for (const query of [
      "actor=bob",
      "target=order",
      "target=order%3A",
      "target=ORDER%3Aord_1",
      "action=made_up",
      "shop=usr_1",
    ]) {
      const response = await api(`/v1/admin/audit?${query}`, { headers: admin.auth });
      expect(response.status, query).toBe(400);
    }
  });

  it("refuses `type` and `action` naming different actions", async () => {
    expect(await problemOf("/v1/admin/audit?type=login&action=logout", admin)).toEqual({
      status: 400,
      code: "bad_request",
    });
  });
});

describe("GET /v1/seller/audit (errors)", () => {
  it("refuses a bad cursor, an unknown action and an oversized page with 400", async () => {
    expect(await problemOf("/v1/seller/audit?cursor=bm9wZQ", seller)).toEqual({ status: 400, code: "invalid_cursor" });
    for (const query of ["action=made_up", "limit=1000"]) {
      expect((await api(`/v1/seller/audit?${query}`, { headers: seller.auth })).status, query).toBe(400);
    }
  });
});
