/** What printing offers the other modules; everything else in this folder is private to it. */
export { coverPrintConsumer } from "./consumers";
export { HttpPrintPartner } from "./http-partner";
export { PrintJobLog, type PrintPartner } from "./partner";
