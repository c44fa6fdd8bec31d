/** What catalog offers the other modules; everything else in this folder is private to it. */

export { importChunkConsumer, sellerWithdrawal, stockCopyConsumer, viewCounter } from "./consumers";
export { catalogContext } from "./context";
export { catalogReadRoutes, catalogRoutes } from "./routes";
export { type CartListing, cartListings, type ListingToAdd, listingToAdd } from "./service";
