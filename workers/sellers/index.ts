/** What sellers offers the other modules; everything else in this folder is private to it. */
export { callingSeller, requireSeller } from "./middleware";
export { sellerShippingRoutes } from "./routes";
export { quoteShipping, type ShippingMethod, shippingRates } from "./service";
