import { z } from "@hono/zod-openapi";
import type { EventData } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { newId } from "../lib/ids";
import type { Statement } from "../platform/db";
import type { PrintingContext } from "./context";
import type { PrintPartner } from "./partner";
import type { PrintJobsQuery } from "./schemas";
import * as store from "./store";

/**
 * Sends a paid line's cover to the print partner. The partner gets the line as its idempotency key, so a
 * resubmission asks for the same job; the returned job row commits with the processed-event marker.
 */
export async function printCover(ctx: PrintingContext, job: EventData<"CoverPrintRequested">): Promise<Statement[]> {
  const { partnerJobId } = await ctx.partner.submit({
    orderId: job.orderId,
    lineId: job.lineId,
    sellerId: job.sellerId,
    isbn13: job.isbn13,
    title: job.title,
    coverName: job.coverName,
    inscription: job.inscription,
    quantity: job.quantity,
    idempotencyKey: `cover-${job.lineId}`,
  });
  return [
    store.recordPrintJob(ctx.db, {
      id: newId("prj"),
      orderId: job.orderId,
      sellerOrderId: job.sellerOrderId,
      lineId: job.lineId,
      sellerId: job.sellerId,
      listingId: job.listingId,
      isbn13: job.isbn13,
      title: job.title,
      coverOptionId: job.coverOptionId,
      coverName: job.coverName,
      inscription: job.inscription,
      quantity: job.quantity,
      partner: ctx.partner.name,
      partnerJobId,
      status: "waiting",
      submittedAt: Date.now(),
      updatedAt: null,
    }),
  ];
}

/** What a seller order becoming shipped, cancelled or refunded means for the covers printed for it. */
const SETTLED_BY: Record<string, "shipped" | "cancelled"> = {
  shipped: "shipped",
  cancelled: "cancelled",
  refunded: "cancelled",
};

/** A seller order moved: its waiting covers went out with the parcel, or are not needed any more. */
export function followSellerOrder(ctx: PrintingContext, change: EventData<"OrderStatusChanged">): Statement[] {
  const to = SETTLED_BY[change.to];
  if (!change.sellerOrderId || !to) return [];
  return [store.settleWaitingJobs(ctx.db, change.sellerOrderId, to, Date.now())];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A print job as its seller sees it. */
function printJobView(job: store.PrintJobRow) {
  return {
    id: job.id,
    status: job.status,
    orderId: job.orderId,
    sellerOrderId: job.sellerOrderId,
    lineId: job.lineId,
    listingId: job.listingId,
    isbn13: job.isbn13,
    title: job.title,
    coverOptionId: job.coverOptionId,
    coverName: job.coverName,
    inscription: job.inscription,
    quantity: job.quantity,
    partner: job.partner as PrintPartner["name"],
    partnerJobId: job.partnerJobId,
    createdAt: iso(job.submittedAt),
    updatedAt: iso(job.updatedAt ?? job.submittedAt),
  };
}

export type PrintJobView = ReturnType<typeof printJobView>;

const Cursor = z.object({ submittedAt: z.number().int(), id: z.string() });

/** The covers printed for a seller's lines, newest first, optionally in one status. */
export async function sellerPrintJobs(
  ctx: PrintingContext,
  sellerId: string,
  query: PrintJobsQuery,
): Promise<{ items: PrintJobView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await store.printJobsOfSeller(ctx.db, sellerId, { ...query, limit: query.limit + 1, after });
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(printJobView),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ submittedAt: last.submittedAt, id: last.id }) : null,
  };
}

/** One of the seller's print jobs; another seller's is "not found", the same as an unknown id. */
export async function sellerPrintJob(ctx: PrintingContext, sellerId: string, jobId: string): Promise<PrintJobView> {
  const job = await store.printJobById(ctx.db, jobId);
  if (!job || job.sellerId !== sellerId) throw new AppError("not_found", "No such print job of yours.");
  return printJobView(job);
}

/** How many of the seller's covers are still with the print partner, for the console's dashboard. */
export function waitingPrintJobs(ctx: PrintingContext, sellerId: string): Promise<number> {
  return store.waitingJobCount(ctx.db, sellerId);
}
