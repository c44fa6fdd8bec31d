/** What sellers offers the other modules; everything else in this folder is private to it. */
export { callingSeller, requireSeller } from "./middleware";
export { sellerRoutes } from "./routes";
export {
  accountSellers,
  quoteShipping,
  type SellerView,
  type ShippingMethod,
  sellerOf,
  sellerProfiles,
  shippingRates,
  storeNames,
} from "./service";
