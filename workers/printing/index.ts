/** What printing offers the other modules; everything else in this folder is private to it. */
export { coverPrintConsumer, printJobStatusConsumer } from "./consumers";
export { type PrintingContext, printingContextOf } from "./context";
export { HttpPrintPartner } from "./http-partner";
export { PrintJobLog, type PrintPartner } from "./partner";
export { printingRoutes } from "./routes";
export { PrintJobIdParam, PrintJobsQuery } from "./schemas";
export { type PrintJobView, sellerPrintJob, sellerPrintJobs, waitingPrintJobs } from "./service";
