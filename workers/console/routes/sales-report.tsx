import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { ordersContextOf, type SalesReport, SalesReportQuery, salesReport, salesReportCsv } from "../../orders";
import { refusal } from "../forms";
import { shopOf, shopPage } from "../render";
import { emptyForm, type FormState } from "../views/parts";
import { SalesReportPage } from "../views/sales-report";

/** The dates and period the seller asked for, checked as GET /v1/seller/reports/sales checks them. */
async function reportFor(c: Context<AppEnv>): Promise<{ report?: SalesReport; refused?: FormState }> {
  const values = { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "", period: c.req.query("period") ?? "" };
  const asked = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
  try {
    const query = SalesReportQuery.parse(asked);
    return { report: await salesReport(ordersContextOf(c), shopOf(c).id, query) };
  } catch (error) {
    return { refused: refusal(values, error) };
  }
}

const csvQuery = (report: { from: string; to: string; period: string }) =>
  new URLSearchParams({ from: report.from, to: report.to, period: report.period }).toString();

/** The sales report page, and its figures per period as a CSV download. */
export const salesReportRoutes = new Hono<AppEnv>()
  .get("/reports/sales", async (c) => {
    const { report, refused } = await reportFor(c);
    const form = refused ?? emptyForm(report && { from: report.from, to: report.to, period: report.period });
    return shopPage(
      c,
      { title: "Sales report", charts: Boolean(report), status: form.status },
      <SalesReportPage
        form={form}
        report={report ?? null}
        csvHref={report ? `/console/reports/sales.csv?${csvQuery(report)}` : null}
      />,
    );
  })
  .get("/reports/sales.csv", async (c) => {
    const { report, refused } = await reportFor(c);
    if (!report) {
      return shopPage(
        c,
        { title: "Sales report", status: refused?.status },
        <SalesReportPage form={refused!} report={null} csvHref={null} />,
      );
    }
    return c.body(salesReportCsv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sales-${report.from}-to-${report.to}-per-${report.period}.csv"`,
    });
  });
