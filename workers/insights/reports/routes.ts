import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { insightsContextOf } from "../context";
import { adminReportCsv, sellerReportCsv } from "./csv";
import { AdminWeeklyReportSchema, SellerWeeklyReportSchema, WeekQuery, type WeekQueryInput } from "./schemas";
import type { SellerSupportFigures } from "./sellers";
import { adminWeeklyReport, rebuildWeeklyReport, sellerWeeklyReport } from "./service";

const WEEKS =
  "`week` is an ISO week (`2026-W48`: Monday 00:00 UTC to the next Monday), the last complete week by default; " +
  "a malformed one is 400 (`validation_failed`, or `invalid_week` for a week the year does not have), one not over " +
  "yet 422 (`week_not_over`). A complete week not built yet is built on this request. `format=csv` or " +
  "`Accept: text/csv` answers CSV (amounts in minor units).";

const adminReport = securedRoute({
  method: "get",
  path: "/v1/admin/reports/weekly",
  operationId: "getAdminWeeklyReport",
  role: "admin",
  tags: ["Admin reports"],
  summary: "The marketplace's week: sales trends, pricing, popular books, engagement, reviews, sellers",
  description: WEEKS,
  request: { query: WeekQuery },
  responses: {
    200: {
      description: "The week's report",
      content: {
        "application/json": { schema: AdminWeeklyReportSchema },
        "text/csv": { schema: z.string().openapi({ example: "section,key,metric,value\r\nsales,week,gmv,3000\r\n" }) },
      },
    },
    ...problems(400, 422),
  },
});

const rebuild = securedRoute({
  method: "post",
  path: "/v1/admin/reports/weekly/rebuild",
  operationId: "rebuildWeeklyReport",
  role: "admin",
  tags: ["Admin reports"],
  summary: "Build a complete week's report again, in place of the stored one",
  description: `Rebuilding is idempotent: the same data gives the same figures. Mails nobody. ${WEEKS}`,
  request: { query: WeekQuery.pick({ week: true }) },
  responses: { 200: jsonContent(AdminWeeklyReportSchema, "The rebuilt report"), ...problems(400, 422) },
});

const sellerReport = securedRoute({
  method: "get",
  path: "/v1/seller/reports/weekly",
  operationId: "getSellerWeeklyReport",
  role: "seller",
  middleware: [requireSeller],
  tags: ["Seller reports"],
  summary: "Your week: orders, GMV, time to ship, fulfilment, cancellation and return rates, support, rating, rank",
  description: `Your own row of the week's seller performance and your rank among the sellers who sold. ${WEEKS}`,
  request: { query: WeekQuery },
  responses: {
    200: {
      description: "Your week",
      content: {
        "application/json": { schema: SellerWeeklyReportSchema },
        "text/csv": {
          schema: z.string().openapi({ example: "week,sellerCount,rank,sellerId\r\n2026-W48,3,1,sel_1\r\n" }),
        },
      },
    },
    ...problems(400, 422),
  },
});

const wantsCsv = (c: Context<AppEnv>, query: WeekQueryInput) =>
  query.format === "csv" || (query.format === undefined && (c.req.header("accept") ?? "").includes("text/csv"));

const csvReply = (c: Context<AppEnv>, body: string, filename: string) =>
  c.body(body, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
  });

/** The weekly report routes, given support's first-response figures (composed in app.ts). */
export function weeklyReportRoutes(support: SellerSupportFigures) {
  return createRouter()
    .openapi(adminReport, async (c) => {
      const query = c.req.valid("query");
      const report = await adminWeeklyReport(insightsContextOf(c), query.week, support);
      if (wantsCsv(c, query)) return csvReply(c, adminReportCsv(report), `weekly-report-${report.week}.csv`);
      return c.json(report, 200);
    })
    .openapi(rebuild, async (c) =>
      c.json(await rebuildWeeklyReport(insightsContextOf(c), c.req.valid("query").week, support), 200),
    )
    .openapi(sellerReport, async (c) => {
      const query = c.req.valid("query");
      const report = await sellerWeeklyReport(insightsContextOf(c), callingSeller(c).id, query.week, support);
      if (wantsCsv(c, query)) return csvReply(c, sellerReportCsv(report), `seller-report-${report.week}.csv`);
      return c.json(report, 200);
    });
}
