import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { insightsContextOf, sellerWeeklyHistory } from "../../insights";
import { shopOf, shopPage } from "../render";
import { WeeklyReportPage } from "../views/weekly-report";

/** How many weeks the page charts. */
const WEEKS = 8;

/** The seller's weekly reports as charts, read as GET /v1/seller/reports/weekly reads them. */
export const weeklyReportRoutes = new Hono<AppEnv>().get("/reports", async (c) => {
  // The seller support figures come from the support module once it is composed here; none until then.
  const reports = await sellerWeeklyHistory(insightsContextOf(c), shopOf(c).id, WEEKS, async () => []);
  return shopPage(c, { title: "Weekly report", charts: true }, <WeeklyReportPage reports={reports} />);
});
