/** What sellers offers the other modules; everything else in this folder is private to it. */
export { sellersContext } from "./context";
export { callingSeller, requireSeller } from "./middleware";
export { sellerRoutes } from "./routes";
export { SellerBody } from "./schemas";
export {
  accountSellers,
  becomeSeller,
  quoteShipping,
  type SellerView,
  type ShippingMethod,
  sellerOf,
  sellerProfiles,
  shippingRates,
  storeNames,
} from "./service";
