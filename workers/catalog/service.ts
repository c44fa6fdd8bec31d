/**
 * The catalog's domain, as routes, consumers and other modules call it. Every function takes the catalog's
 * context first; the files behind this one (books, categories, listings, media, imports, stock, for-cart) are
 * its parts.
 */
export { bookDetail, countBookViews, findBooks, suggest, type VersionedRead } from "./books";
export { categoryTree, createCategory, deleteCategory, updateCategory } from "./categories";
export { type CartListing, cartListings, type ListingToAdd, listingToAdd } from "./for-cart";
export { applyImportChunk, importStatus, startImport } from "./imports";
export {
  createListing,
  listingPriceHistory,
  listSellerListings,
  pauseListing,
  publicListing,
  sellerListing,
  updateListing,
  withdrawListingsOfUser,
} from "./listings";
export { addPhoto, removePhoto, storedMedia } from "./media";
export { followStockLevels } from "./stock";
