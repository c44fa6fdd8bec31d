import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { printingContextOf } from "../context";
import { PrintJobIdParam, PrintJobPage, PrintJobSchema, PrintJobsQuery } from "../schemas";
import { sellerPrintJob, sellerPrintJobs } from "../service";

const tags = ["Seller print jobs"];

const list = securedRoute({
  method: "get",
  path: "/v1/seller/print-jobs",
  operationId: "listSellerPrintJobs",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "The covers printed for your lines, newest first, optionally in one status",
  description:
    "One job per paid line with a cover option: the option, the inscription, the order it belongs to. A job is " +
    "`waiting` until its seller order ships (`shipped`), or `cancelled` when that is cancelled or refunded first. " +
    "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: PrintJobsQuery },
  responses: { 200: jsonContent(PrintJobPage, "One page of print jobs"), ...problems(400) },
});

const read = securedRoute({
  method: "get",
  path: "/v1/seller/print-jobs/{id}",
  operationId: "getSellerPrintJob",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "One of your print jobs",
  description: "Another seller's job is 404, the same as an unknown id.",
  request: { params: PrintJobIdParam },
  responses: { 200: jsonContent(PrintJobSchema, "The print job"), ...problems(400, 404) },
});

export const sellerPrintJobRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await sellerPrintJobs(printingContextOf(c), callingSeller(c).id, c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    return c.json(await sellerPrintJob(printingContextOf(c), callingSeller(c).id, c.req.valid("param").id), 200);
  });
