import type { EventData } from "../../queues/event-catalogue";
import { newId } from "../lib/ids";
import type { Statement } from "../platform/db";
import type { PrintingContext } from "./context";
import { recordPrintJob } from "./store";

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
    recordPrintJob(ctx.db, {
      id: newId("prj"),
      orderId: job.orderId,
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
      submittedAt: Date.now(),
    }),
  ];
}
