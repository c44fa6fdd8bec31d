import { createRouter } from "../../http/router";
import type { BookPageExtras } from "../service";
import { adminCategoryRoutes } from "./admin-categories";
import { bookRoutes } from "./books";
import { categoryRoutes } from "./categories";
import { importRoutes } from "./imports";
import { listingPhotoRoutes } from "./listing-photos";
import { listingRoutes } from "./listings";
import { mediaRoutes } from "./media";
import { salePriceRoutes } from "./sale-prices";
import { sellerListingRoutes } from "./seller-listings";
import { sellerLocationRoutes } from "./seller-locations";

/**
 * The public catalog reads (books, search, suggestions, categories, listings, price history): SQL and cache only.
 * `extras`: what the book page shows from outside the catalog, given by the app that mounts it.
 */
export const catalogReadRoutes = (extras: BookPageExtras) =>
  createRouter().route("/", bookRoutes(extras)).route("/", categoryRoutes).route("/", listingRoutes);

/** Every route of the catalog module, mounted once in workers/app.ts. */
export const catalogRoutes = (extras: BookPageExtras) =>
  createRouter()
    .route("/", catalogReadRoutes(extras))
    .route("/", mediaRoutes)
    .route("/", sellerListingRoutes)
    .route("/", sellerLocationRoutes)
    .route("/", listingPhotoRoutes)
    .route("/", salePriceRoutes)
    .route("/", importRoutes)
    .route("/", adminCategoryRoutes);
