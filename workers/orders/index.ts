/** What orders offers the other modules; everything else in this folder is private to it. */
export { cancellationConsumer, paymentOutcomeConsumer } from "./consumers";
export { ordersContext } from "./context";
export { expireUnpaidOrders } from "./expiry";
export { orderLedger } from "./ledger";
export { resumePendingRefunds } from "./refunds";
export { orderRoutes } from "./routes";
