/**
 * The catalog's domain, as routes, consumers and other modules call it. Every function takes the catalog's
 * context first; the files behind this one (books, categories, listings, seller-listings, media, imports,
 * import-history, stock, for-cart, sale-prices, price-switch) are its parts.
 */
export { type BookPageExtras, bookDetail, countBookViews, findBooks, suggest, type VersionedRead } from "./books";
export { categoryTree, createCategory, deleteCategory, updateCategory } from "./categories";
export { type EditionForListing, editionForListing } from "./editions";
export { type CartListing, cartListings, type ListingToAdd, listingToAdd } from "./for-cart";
export { failedRowsCsv, type ImportSummary, listImports } from "./import-history";
export { applyImportChunk, type ImportStatus, importStatus, startImport } from "./imports";
export { type ListedBook, listedBooks } from "./listed-books";
export {
  createListing,
  listingPriceHistory,
  type PricePoint,
  pauseListing,
  publicListing,
  reinstateListingsOfUser,
  sellerListing,
  sellerListingPriceHistory,
  updateListing,
  withdrawListingsOfUser,
  withholdListingsOfUser,
} from "./listings";
export { addPhoto, removePhoto, reorderPhotos, storedMedia } from "./media";
export type { ListingView, PhotoView } from "./offers";
export { switchDuePrices } from "./price-switch";
export { listSalePrices, removeSalePrice, type SalePriceView, scheduleSalePrice } from "./sale-prices";
export {
  type ListingStatusResult,
  listSellerListings,
  lowStockListings,
  type SellerListingPage,
  setListingsStatus,
} from "./seller-listings";
export { followStockLevels, sellerOfListing, sellersOfListings } from "./stock";
