/** What orders offers the other modules; everything else in this folder is private to it. */
export { completeSellerOrders } from "./completion";
export { cancellationConsumer, paymentOutcomeConsumer } from "./consumers";
export { type OrdersContext, ordersContext, ordersContextOf } from "./context";
export { type OrderSeller, orderSellers, type PlatformFundedLine, platformFundedLines } from "./parties";
export { type BuyersSellerOrder, deliveredSellerOrderOf, editionsOfOrder, hasDeliveredAnyOf } from "./purchases";
export { escalateOverdueReturns } from "./returns/escalation";
export { orderRoutes } from "./routes";
export {
  RefundBody,
  SalesReportQuery,
  SellerOrderIdParam,
  SellerOrdersQuery,
  ShipmentBody,
} from "./schemas";
export {
  expireUnpaidOrders,
  markDelivered,
  orderLedger,
  refundSellerOrder,
  resumePendingRefunds,
  type SalesReport,
  type SalesReportInput,
  type SellerDashboard,
  salesReport,
  salesReportCsv,
  sellerDashboard,
  sellerOrder,
  sellerOrders,
  shipOrder,
} from "./service";
export type { SellerOrderDetail } from "./views";
export { ordersPaidInRange, type PaidOrderInRange, type SoldLine, type SoldPart } from "./weekly-sales";
