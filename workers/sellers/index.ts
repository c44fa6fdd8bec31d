/** What sellers offers the other modules; everything else in this folder is private to it. */
export { sellersContext } from "./context";
export { callingSeller, requireSeller } from "./middleware";
export { sellerRoutes } from "./routes";
export { SellerBody, ShippingRatesBody } from "./schemas";
export {
  accountSellers,
  becomeSeller,
  quoteShipping,
  type SellerView,
  type ShippingMethod,
  type ShippingRates,
  sellerOf,
  sellerProfiles,
  setShippingRates,
  shippingRates,
  storeNames,
} from "./service";
