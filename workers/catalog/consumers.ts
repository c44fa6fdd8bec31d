import { defineConsumer, defineTallyConsumer } from "../../queues/consumer";
import { catalogContextFor } from "./context";
import { applyImportChunk } from "./imports";
import { withdrawSellerListings } from "./listings";
import { stockCopyStatements } from "./stock";
import { countViews } from "./store/editions";
import { listingById } from "./store/listings";

/** What the catalog consumes; what it emits is built in events.ts. */

/**
 * Keeps D1's copy of each listing's stock (for browse filters, lowest prices and pages) in step with its
 * StockDO, which stays the authority. Levels older than the copy are ignored, so a late or repeated event
 * changes nothing.
 */
export const stockCopyConsumer = defineConsumer({
  name: "catalog.stock-copy",
  queue: "order-events",
  handles: ["StockReserved", "StockReleased", "StockCommitted", "StockAdjusted"],
  async handle(event, { services }) {
    const { listingId, onHand, available, version } = event.data;
    const listing = await listingById(services.db, listingId);
    if (!listing || listing.stockVersion >= version) return [];
    return stockCopyStatements({ db: services.db }, listing, { onHand, available, version }, Date.now());
  },
});

/**
 * Applies one chunk of a seller's CSV import. The chunk's own effects are committed by `applyImportChunk`
 * (with its events, through the outbox); running it twice changes nothing, so a redelivery is harmless even
 * before the processed-event marker is written.
 */
export const importChunkConsumer = defineConsumer({
  name: "catalog.import-chunk",
  queue: "catalog-imports",
  handles: ["ImportChunkQueued"],
  async handle(event, context) {
    await applyImportChunk(catalogContextFor(context), event.data);
    return [];
  },
});

/**
 * Counts book-page views per edition and day: one upsert per edition and day for a whole delivered batch,
 * committed with the batch's processed-event markers.
 */
export const viewCounter = defineTallyConsumer({
  name: "catalog.views",
  queue: "catalog-events",
  handles: ["ProductViewed"],
  tally(events, { services }) {
    const counts = new Map<string, { editionId: string; day: string; views: number }>();
    for (const { data, occurredAt } of events) {
      const day = occurredAt.slice(0, 10);
      const key = `${data.editionId}/${day}`;
      const count = counts.get(key) ?? { editionId: data.editionId, day, views: 0 };
      count.views += 1;
      counts.set(key, count);
    }
    return [...counts.values()].map((count) => countViews(services.db, count));
  },
});

/**
 * A deleted account's listings leave the shop, so nobody buys a copy with no seller to ship it. Withdrawing is
 * idempotent (a listing already withdrawn changes nothing), so a redelivery before the marker is harmless.
 */
export const sellerWithdrawal = defineConsumer({
  name: "catalog.seller-withdrawal",
  queue: "order-events",
  handles: ["UserDeleted"],
  async handle(event, context) {
    const ctx = catalogContextFor(context);
    const sellerId = await ctx.sellers.sellerIdOf(event.data.userId);
    if (sellerId) await withdrawSellerListings(ctx, sellerId);
    return [];
  },
});
