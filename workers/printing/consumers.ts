import { defineConsumer } from "../../queues/consumer";
import { printingConsumerContext } from "./context";
import { followSellerOrder, printCover } from "./service";

/** Paid lines with a cover option go to the print partner (or the print-job log), once per line. */
export const coverPrintConsumer = defineConsumer({
  name: "printing.cover-jobs",
  queue: "order-events",
  handles: ["CoverPrintRequested"],
  handle: (event, context) => printCover(printingConsumerContext(context), event.data),
});

/** A seller order that ships, or is cancelled or refunded, settles the covers still waiting for it. */
export const printJobStatusConsumer = defineConsumer({
  name: "printing.job-status",
  queue: "order-events",
  handles: ["OrderStatusChanged"],
  handle: async (event, context) => followSellerOrder(printingConsumerContext(context), event.data),
});
