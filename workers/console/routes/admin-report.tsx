import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { adminUserIds, principalOf } from "../../identity";
import { adminReportCsv, adminWeeklyReport, insightsContextOf } from "../../insights";
import { sellerSupportFigures } from "../../support";
import { plainPage } from "../render";
import { requireConsoleSession } from "../session";
import { AdminReportPage } from "../views/admin-report";
import { requireConsoleTotp } from "./security";

/**
 * The console's session carries no roles (its pages are the shop's): whether it is an admin's is asked of identity.
 * Where admins must use two-factor sign-in, one without it is sent to the security page first.
 */
export const requireConsoleAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const admins = await adminUserIds({ services: c.get("services") });
  if (!admins.includes(principalOf(c).userId)) throw new AppError("forbidden", "This needs the admin role.");
  return adminTotp(c, next);
};
const adminTotp = requireConsoleTotp("admin");

/** The admins' weekly report page: signed in through the console, with identity's admin role (403 otherwise). */
export const adminReportRoutes = new Hono<AppEnv>()
  .use("/admin/*", requireConsoleSession({ shop: false }), requireConsoleAdmin)
  .get("/admin/reports", async (c) => {
    const report = await adminWeeklyReport(
      insightsContextOf(c),
      c.req.query("week") || undefined,
      sellerSupportFigures,
    );
    return plainPage(c, { title: `Weekly report ${report.week}`, charts: true }, <AdminReportPage report={report} />);
  })
  .get("/admin/reports.csv", async (c) => {
    const report = await adminWeeklyReport(
      insightsContextOf(c),
      c.req.query("week") || undefined,
      sellerSupportFigures,
    );
    return c.body(adminReportCsv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="weekly-report-${report.week}.csv"`,
    });
  });
