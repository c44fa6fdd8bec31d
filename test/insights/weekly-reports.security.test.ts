import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, signUp } from "../support/identity";
import { weeklyReport } from "../support/weekly-reports";

describe("who may read the weekly reports, and which weeks", () => {
  it("refuses anyone not signed in", async () => {
    expect((await api("/v1/admin/reports/weekly?week=2025-W20")).status).toBe(401);
    expect((await api("/v1/seller/reports/weekly?week=2025-W20")).status).toBe(401);
    expect((await api("/v1/admin/reports/weekly/rebuild?week=2025-W20", { method: "POST" })).status).toBe(401);
  });

  it("refuses a buyer the admin report and the seller report, and a seller the admin report", async () => {
    const buyer = await signUp();
    expect((await weeklyReport(buyer, "admin")).status).toBe(403);
    expect((await weeklyReport(buyer, "seller")).status).toBe(403);
    const seller = await asSeller();
    expect((await weeklyReport(seller, "admin")).status).toBe(403);
    const rebuild = await api("/v1/admin/reports/weekly/rebuild?week=2025-W20", {
      method: "POST",
      headers: seller.auth,
    });
    expect(rebuild.status).toBe(403);
  });

  it("answers a malformed week 400 and a week not over yet 422, with their codes", async () => {
    const admin = await asAdmin();
    const malformed = await weeklyReport(admin, "admin", "?week=2025-20");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
    const missing = await weeklyReport(admin, "admin", "?week=2025-W53");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "invalid_week" });
    const current = await weeklyReport(admin, "admin", "?week=2999-W01");
    expect(current.status).toBe(422);
    expect(await current.json()).toMatchObject({ code: "week_not_over" });
    const format = await weeklyReport(admin, "admin", "?week=2025-W20&format=xml");
    expect(format.status).toBe(400);
    const seller = await asSeller();
    expect((await weeklyReport(seller, "seller", "?week=2999-W01")).status).toBe(422);
  });

  it("defaults to the last complete week, whose 53rd weeks are real ones", async () => {
    const admin = await asAdmin();
    const response = await weeklyReport(admin, "admin", "");
    expect(response.status).toBe(200);
    const report = await response.json<{ week: string; from: string; to: string }>();
    expect(Date.parse(report.to)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(7 * 24 * 60 * 60 * 1000);
    expect(new Date(report.from).getUTCDay()).toBe(1);
    expect(Date.now() - Date.parse(report.to)).toBeLessThan(7 * 24 * 60 * 60 * 1000);
    const leap = await (await weeklyReport(admin, "admin", "?week=2020-W53")).json<{ from: string }>();
    expect(leap.from).toBe("2020-12-28T00:00:00.000Z");
  });
});
