/** What catalog offers the other modules; everything else in this folder is private to it. */
export { catalogContext } from "./context";
export { importChunkConsumer, sellerWithdrawal, stockCopyConsumer, viewCounter } from "./consumers";
export { type CartListing, cartListings, type ListingToAdd, listingToAdd } from "./for-cart";
export { catalogRoutes } from "./routes";
