import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { PrintJobIdParam, PrintJobsQuery, printingContextOf, sellerPrintJob, sellerPrintJobs } from "../../printing";
import { refusal } from "../forms";
import { shopOf, shopPage } from "../render";
import { emptyForm } from "../views/parts";
import { PrintJobDetail, PrintJobList } from "../views/print-jobs";

/** The covers printed for the seller's lines (GET /v1/seller/print-jobs), and one of them. */
export const printJobRoutes = new Hono<AppEnv>()
  .get("/print-jobs", async (c) => {
    const query = c.req.query();
    const parsed = PrintJobsQuery.safeParse(query);
    const filters = parsed.success ? emptyForm({ status: query.status ?? "" }) : refusal(query, parsed.error);
    const jobs = parsed.success
      ? await sellerPrintJobs(printingContextOf(c), shopOf(c).id, parsed.data)
      : { items: [], nextCursor: null };
    return shopPage(
      c,
      { title: "Print jobs", status: filters.status },
      <PrintJobList jobs={jobs} filters={filters} query={query} />,
    );
  })
  .get("/print-jobs/:id", async (c) => {
    // A malformed id names no job of this shop: the same 404 page as another seller's job.
    const param = PrintJobIdParam.safeParse(c.req.param());
    if (!param.success) throw new AppError("not_found");
    const job = await sellerPrintJob(printingContextOf(c), shopOf(c).id, param.data.id);
    return shopPage(c, { title: `Print job for ${job.title}` }, <PrintJobDetail job={job} />);
  });
