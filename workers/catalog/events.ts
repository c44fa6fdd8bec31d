import type { EventData } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";
import type { ListingRow } from "./store/listings";

type ListedCopy = Pick<
  ListingRow,
  "id" | "sellerId" | "editionId" | "sku" | "condition" | "priceAmount" | "currency" | "quantity" | "status"
>;
type ListingChange = EventData<"ListingUpdated">["changes"][number];

const listingState = (listing: ListedCopy, isbn13: string) => ({
  listingId: listing.id,
  sellerId: listing.sellerId,
  editionId: listing.editionId,
  isbn13,
  sku: listing.sku,
  condition: listing.condition,
  price: { amount: listing.priceAmount, currency: listing.currency },
  quantity: listing.quantity,
  status: listing.status,
});

/**
 * What the catalog emits. Listing events go through the outbox with the change they describe; a book-page view
 * is only signalled. See queues/event-catalogue.ts.
 */
/** Who opened a book page: the signed-in user, and the key their views are recorded under (none: not recorded). */
export interface BookViewer {
  userId: string | null;
  viewerKey: string | null;
}

export const catalogEvents = {
  listingCreated: (listing: ListedCopy, isbn13: string) => createEvent("ListingCreated", listingState(listing, isbn13)),

  listingUpdated: (
    listing: ListedCopy,
    isbn13: string,
    changes: ListingChange[],
    previousPrice?: { amount: number; currency: string },
  ) =>
    createEvent("ListingUpdated", {
      ...listingState(listing, isbn13),
      changes,
      ...(previousPrice ? { previousPrice } : {}),
    }),

  productViewed: (edition: { id: string; isbn13: string }, viewer: BookViewer) =>
    createEvent("ProductViewed", {
      editionId: edition.id,
      isbn13: edition.isbn13,
      userId: viewer.userId,
      ...(viewer.viewerKey ? { viewerKey: viewer.viewerKey } : {}),
    }),

  importChunkQueued: (chunk: EventData<"ImportChunkQueued">) => createEvent("ImportChunkQueued", chunk),
};
