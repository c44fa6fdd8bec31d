import { defineConsumer } from "../../queues/consumer";
import { printingConsumerContext } from "./context";
import { printCover } from "./service";

/** Paid lines with a cover option go to the print partner (or the print-job log), once per line. */
export const coverPrintConsumer = defineConsumer({
  name: "printing.cover-jobs",
  queue: "order-events",
  handles: ["CoverPrintRequested"],
  handle: (event, context) => printCover(printingConsumerContext(context), event.data),
});
