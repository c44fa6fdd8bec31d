import { z } from "@hono/zod-openapi";
import { PRINT_JOB_STATUSES } from "../../schema/printing";
import { PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";

/** Request and response shapes of the printing routes; the OpenAPI document is generated from these. */

export const PrintJobsQuery = PageQuery.extend({
  status: z
    .enum(PRINT_JOB_STATUSES)
    .optional()
    .openapi({ description: "waiting: with the print partner; shipped: sent with its book; cancelled: not needed" }),
});
export type PrintJobsQuery = z.infer<typeof PrintJobsQuery>;

export const PrintJobIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("prj"), "a print job id (prj_…)")
    .openapi({ example: "prj_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const PrintJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(PRINT_JOB_STATUSES),
    orderId: z.string(),
    sellerOrderId: z
      .string()
      .nullable()
      .openapi({ description: "The seller order of the line; null on jobs recorded before it was kept" }),
    lineId: z.string(),
    listingId: z.string(),
    isbn13: z.string(),
    title: z.string(),
    coverOptionId: z.string(),
    coverName: z.string().openapi({ description: "The cover option the buyer chose" }),
    inscription: z.string().nullable(),
    quantity: z.number().int(),
    partner: z.enum(["log", "http"]).openapi({ description: "log: the embedded print-job log; http: a print partner" }),
    partnerJobId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PrintJob");

export const PrintJobPage = z
  .object({ items: z.array(PrintJobSchema), nextCursor: z.string().nullable() })
  .openapi("PrintJobPage");
