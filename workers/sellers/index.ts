/** What sellers offers the other modules; everything else in this folder is private to it. */
export { type SellersContext, sellersContext } from "./context";
export { locationCountries, ownLocation, removeLocation } from "./locations";
export { callingSeller, requireSeller } from "./middleware";
export {
  moveSellerRating,
  ratedSellerIds,
  type SellerRating,
  sellerRatingCounts,
  sellerRatingOf,
  setSellerRating,
} from "./ratings";
export { sellerRoutes } from "./routes";
export {
  LocationIdParam,
  SellerBody,
  SellerIdParam,
  SellerProfilePatch,
  SellerRatingSchema,
  ShippingRatesBody,
} from "./schemas";
export {
  accountSellers,
  becomeSeller,
  quoteShipping,
  replaceShippingRates,
  returnWindowDays,
  type SellerStoreView,
  type SellerView,
  type ShippingMethod,
  type ShippingRates,
  type ShippingRatesView,
  sellerAccounts,
  sellerOf,
  sellerProfile,
  sellerProfiles,
  sellerShippingRates,
  sellerStore,
  sellerStores,
  sellerUserIds,
  shippingRates,
  storeNames,
  updateSellerProfile,
} from "./service";
