/** What catalog offers the other modules; everything else in this folder is private to it. */

export { importChunkConsumer, sellerSuspension, sellerWithdrawal, stockCopyConsumer, viewCounter } from "./consumers";
export { type CatalogContext, catalogConsumerContext, catalogContext } from "./context";
export { categoriesOfEditions, type EditionForSale, editionsForSale } from "./for-sale";
export { requireIsbn } from "./isbn";
export {
  COVER_OPTION_KINDS,
  EDITION_FORMATS,
  LISTING_CONDITIONS,
  LISTING_STATUSES,
  SELLER_LISTING_SORTS,
} from "./model";
export {
  moveWorkStars,
  NO_STARS,
  type Rating,
  ratedWorkIds,
  ratingOf,
  type StarMove,
  type Stars,
  setWorkStars,
  workStars,
} from "./ratings";
export {
  type EditionFact,
  editionFacts,
  type ListingFact,
  listingsListedBefore,
} from "./report-facts";
export { catalogReadRoutes, catalogRoutes } from "./routes";
export {
  CreateListingBody,
  type CreateListingInput,
  IsbnParam,
  ListingsStatusBody,
  type ListingsStatusInput,
  PhotoOrderBody,
  SellerListingsQuery,
  type SellerListingsQueryInput,
  UpdateListingBody,
  type UpdateListingInput,
} from "./schemas";
export type { BookPageExtras } from "./service";
export {
  addPhoto,
  type CartListing,
  cartListings,
  createListing,
  type EditionForListing,
  editionForListing,
  failedRowsCsv,
  type ImportStatus,
  type ImportSummary,
  importStatus,
  type ListedBook,
  type ListingStatusResult,
  type ListingToAdd,
  type ListingView,
  listedBooks,
  listImports,
  listingToAdd,
  listSellerListings,
  lowStockListings,
  type PhotoView,
  type PricePoint,
  pauseListing,
  removePhoto,
  reorderPhotos,
  type SellerListingPage,
  sellerListing,
  sellerListingPriceHistory,
  sellerOfListing,
  sellersOfListings,
  setListingsStatus,
  startImport,
  switchDuePrices,
  updateListing,
} from "./service";
export { type WorkOfEdition, workOfEdition } from "./works";
