/** What payments offers the other modules; everything else in this folder is private to it. */
export { alertOperators } from "./alerts";
export type { PaymentProvider } from "./provider";
export { paymentProvider } from "./providers";
export { runReconciliation } from "./reconciliation";
export { devPaymentRoutes } from "./routes/dev";
export { reconciliationRoutes } from "./routes/reconciliation";
export { webhookRoutes } from "./routes/webhooks";
export { paymentSummary, refundOrderPayment, refundUnpaidCapture, startPayment } from "./service";
export type { PaymentRow } from "./store";
