import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, json, type TestAccount } from "../support/identity";

let admin: TestAccount;

beforeAll(async () => {
  admin = await asAdmin();
  expect((await api("/v1/admin/reconciliation/runs", json({}, { headers: admin.auth }))).status).toBe(201);
});

const report = (query: string) => api(`/v1/admin/reconciliation${query}`, { headers: admin.auth });

describe("the tax collected's days", () => {
  it("refuses days that are not calendar dates with 400", async () => {
    for (const query of ["?from=2025-02-30", "?to=2025-3-1", "?from=yesterday"]) {
      expect((await report(query)).status, query).toBe(400);
    }
  });

  it("refuses `from` after `to` and more than 366 days with 422", async () => {
    for (const query of ["?from=2025-03-02&to=2025-03-01", "?from=2024-01-01&to=2025-01-01", "?from=2999-01-01"]) {
      const response = await report(query);
      expect(response.status, query).toBe(422);
      expect(await response.json(), query).toMatchObject({ code: "unprocessable", errors: [{ path: "from" }] });
    }
    expect((await report("?from=2024-01-02&to=2025-01-01")).status).toBe(200);
  });
});
