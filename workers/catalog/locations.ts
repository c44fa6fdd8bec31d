import { AppError } from "../http/errors";
import { removeLocation } from "../sellers";
import type { CatalogContext } from "./context";
import { listingShipsFrom } from "./store/listings";

/**
 * `DELETE /v1/seller/locations/{id}`, here because only the catalog knows which listings ship from a location:
 * one that some listing names stays (409 `location_in_use`); the sellers module removes the rest.
 */
export async function deleteSellerLocation(ctx: CatalogContext, sellerId: string, locationId: string) {
  if (await listingShipsFrom(ctx.db, sellerId, locationId)) {
    throw new AppError("location_in_use", "Listings ship from this location: move them to another one first.", {
      locationId,
    });
  }
  await removeLocation(ctx, sellerId, locationId);
}
