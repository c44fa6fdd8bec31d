import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { insightsContextOf, sellerReportCsv, sellerWeeklyHistory, sellerWeeklyReport } from "../../insights";
import { sellerSupportFigures } from "../../support";
import { shopOf, shopPage } from "../render";
import { WeeklyReportPage } from "../views/weekly-report";

/** How many weeks the page charts. */
const WEEKS = 8;

/** The seller's weekly reports as charts, and one week as CSV, read as GET /v1/seller/reports/weekly reads them. */
export const weeklyReportRoutes = new Hono<AppEnv>()
  .get("/reports", async (c) => {
    const reports = await sellerWeeklyHistory(insightsContextOf(c), shopOf(c).id, WEEKS, sellerSupportFigures);
    return shopPage(c, { title: "Weekly report", charts: true }, <WeeklyReportPage reports={reports} />);
  })
  .get("/reports/weekly.csv", async (c) => {
    const week = c.req.query("week") || undefined;
    const report = await sellerWeeklyReport(insightsContextOf(c), shopOf(c).id, week, sellerSupportFigures);
    return c.body(sellerReportCsv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="seller-report-${report.week}.csv"`,
    });
  });
