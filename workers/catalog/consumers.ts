import { defineConsumer, defineTallyConsumer } from "../../queues/consumer";
import { catalogConsumerContext } from "./context";
import {
  applyImportChunk,
  countBookViews,
  followStockLevels,
  reinstateListingsOfUser,
  withdrawListingsOfUser,
  withholdListingsOfUser,
} from "./service";

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
  async handle(event, context) {
    const { listingId, onHand, available, version } = event.data;
    return followStockLevels(catalogConsumerContext(context), listingId, { onHand, available, version });
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
    await applyImportChunk(catalogConsumerContext(context), event.data);
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
  tally(events, context) {
    const views = events.map(({ data, occurredAt }) => ({ editionId: data.editionId, day: occurredAt.slice(0, 10) }));
    return countBookViews(catalogConsumerContext(context), views);
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
    await withdrawListingsOfUser(catalogConsumerContext(context), event.data.userId);
    return [];
  },
});

/**
 * A suspended seller's listings are withheld from sale (paused, marked withheld); unsuspending puts exactly those
 * back. Both are idempotent, so a redelivery before the marker is harmless.
 */
export const sellerSuspension = defineConsumer({
  name: "catalog.seller-suspension",
  queue: "order-events",
  handles: ["UserSuspended", "UserUnsuspended"],
  async handle(event, context) {
    const ctx = catalogConsumerContext(context);
    if (event.type === "UserSuspended") await withholdListingsOfUser(ctx, event.data.userId);
    else await reinstateListingsOfUser(ctx, event.data.userId);
    return [];
  },
});
