/** What payments offers the other modules; everything else in this folder is private to it. */
export { alertOperators } from "./alerts";
export { paymentsContextOf } from "./context";
export type { PaymentProvider } from "./provider";
export { paymentProvider } from "./providers";
export {
  type OrderLedger,
  type OrderLedgerSource,
  type PayoutLedgerSource,
  runReconciliation,
  type TaxDay,
} from "./reconciliation";
export { paymentRoutes } from "./routes";
export { paymentSummary, refundOrderPayment, refundUnpaidCapture, startPayment } from "./service";
export { updateSimulatedAccount } from "./simulated-events";
export type { PaymentRow } from "./store";
