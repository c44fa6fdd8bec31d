/** What orders offers the other modules; everything else in this folder is private to it. */
export { cancellationConsumer, ordersContext, paymentOutcomeConsumer } from "./consumers";
export { expireUnpaidOrders } from "./expiry";
export { type OrderLedger, orderLedgers, ordersChangedSince, stuckRefunds } from "./ledger";
export { resumePendingRefunds } from "./refunds";
export { orderRoutes } from "./routes";
