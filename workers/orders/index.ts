/** What orders offers the other modules; everything else in this folder is private to it. */
export { cancellationConsumer, paymentOutcomeConsumer } from "./consumers";
export { ordersContext } from "./context";
export { orderRoutes } from "./routes";
export { expireUnpaidOrders, orderLedger, resumePendingRefunds } from "./service";
