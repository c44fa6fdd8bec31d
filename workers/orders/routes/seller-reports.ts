import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { ordersContextOf } from "../context";
import { SalesReportQuery, SalesReportSchema, SellerDashboardSchema } from "../schemas";
import { salesReport, salesReportCsv, sellerDashboard } from "../service";

const tags = ["Seller reports"];

const sales = securedRoute({
  method: "get",
  path: "/v1/seller/reports/sales",
  operationId: "getSellerSalesReport",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your sales per day or week: revenue, copies, refunds, shipping times and the top 10 books",
  description:
    "Days are UTC. Sales count by the day their order was paid (books and covers less your own promotions' " +
    "discounts, shipping not; the marketplace's promotions are paid to you); " +
    "refunds by the day they were issued (your share of succeeded ones); parcels by the day they left, with the " +
    "average time from payment to sending. `from` and `to` are included; the default is the last 30 days, at " +
    "most 366 days (422 otherwise, and when `from` is after `to`). `format=csv` answers the periods as `text/csv`, " +
    "one row a period (amounts in minor units), for a spreadsheet.",
  request: { query: SalesReportQuery },
  responses: {
    200: {
      description: "The report",
      content: {
        "application/json": { schema: SalesReportSchema },
        "text/csv": {
          schema: z.string().openapi({
            example:
              "period_start,period_end,currency,revenue_minor_units,units_sold,refunds,refunded_minor_units," +
              "parcels_shipped,average_paid_to_shipped_seconds\r\n2025-03-01,2025-03-01,EUR,3600,2,0,0,1,5400\r\n",
          }),
        },
      },
    },
    ...problems(400, 422),
  },
});

const dashboard = securedRoute({
  method: "get",
  path: "/v1/seller/dashboard",
  operationId: "getSellerDashboard",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your shop at a glance: orders to send, revenue today, 7 and 30 days, refunds and parcels",
  description:
    "The seller orders still to send (how many, and the five paid longest ago); revenue of today and the last 7 " +
    "and 30 UTC days (today included) with a daily series; copies sold, refunds and parcels of the last 30 days. " +
    "Low-stock listings and waiting print jobs are on their own routes.",
  responses: { 200: jsonContent(SellerDashboardSchema, "The figures") },
});

export const sellerReportRoutes = createRouter()
  .openapi(sales, async (c) => {
    const { format, ...query } = c.req.valid("query");
    const report = await salesReport(ordersContextOf(c), callingSeller(c).id, query);
    if (format === "json") return c.json(report, 200);
    const filename = `sales-${report.from}-to-${report.to}-by-${report.period}.csv`;
    return c.body(salesReportCsv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  })
  .openapi(dashboard, async (c) => {
    return c.json(await sellerDashboard(ordersContextOf(c), callingSeller(c).id), 200);
  });
