/** What the live channel offers the other modules; everything else in this folder is private to it. */
export { DurableObjectLiveChannels, type LiveChannels, type LiveUpdate } from "./channels";
export {
  liveChannelClosure,
  liveListingEdits,
  liveOrderStatus,
  liveSellerOrders,
  liveStockLevels,
} from "./consumers";
export { type LiveContext, liveContext } from "./context";
export { liveRoutes } from "./routes";
export { issueTicket, type LiveTicket } from "./service/tickets";
