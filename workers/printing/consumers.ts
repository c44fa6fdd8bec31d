import { defineConsumer } from "../../queues/consumer";
import { printJobs } from "../../schema/printing";
import { newId } from "../lib/ids";

/**
 * Paid lines with a cover option go to the print partner (or the print-job log), once per line: the partner
 * gets the line as its idempotency key, and the job row commits with the processed-event marker.
 */
export const coverPrintConsumer = defineConsumer({
  name: "printing.cover-jobs",
  queue: "order-events",
  handles: ["CoverPrintRequested"],
  async handle(event, { services }) {
    const job = event.data;
    const { partnerJobId } = await services.printing.submit({
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
      services.db
        .insert(printJobs)
        .values({
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
          partner: services.printing.name,
          partnerJobId,
          submittedAt: Date.now(),
        })
        .onConflictDoNothing(),
    ];
  },
});
