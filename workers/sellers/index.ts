/** What sellers offers the other modules; everything else in this folder is private to it. */
export { type SellersContext, sellersContext } from "./context";
export { callingSeller, requireSeller } from "./middleware";
export {
  moveSellerRating,
  type SellerRating,
  sellerRatingCounts,
  sellerRatingOf,
  setSellerRating,
} from "./ratings";
export { sellerRoutes } from "./routes";
export { SellerBody, SellerProfilePatch, ShippingRatesBody } from "./schemas";
export {
  accountSellers,
  becomeSeller,
  quoteShipping,
  replaceShippingRates,
  type SellerView,
  type ShippingMethod,
  type ShippingRatesView,
  sellerOf,
  sellerProfile,
  sellerProfiles,
  sellerShippingRates,
  shippingRates,
  storeNames,
  updateSellerProfile,
} from "./service";
