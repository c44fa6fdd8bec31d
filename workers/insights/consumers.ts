import { defineConsumer, defineTallyConsumer } from "../../queues/consumer";
import type { EventEnvelope } from "../../queues/event-catalogue";
import { insightsContext } from "./context";
import { recordPurchase, recordViews } from "./recommendations/service";
import { tallyFunnel } from "./reports/funnel";

/** What insights consumes. */

// ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Book-page views per edition and day, for the weekly popular-books funnel (committed with the batch's markers). */
export const funnelViewTally = defineTallyConsumer({
  name: "insights.funnel-views",
  queue: "catalog-events",
  handles: ["ProductViewed"],
  tally: (events, context) => tallyFunnel(insightsContext(context), events),
});

/** Copies added to carts per edition and day, for the same funnel. */
export const funnelCartTally = defineTallyConsumer({
  name: "insights.funnel-cart-adds",
  queue: "order-events",
  handles: ["ProductAddedToCart"],
  tally: (events, context) => tallyFunnel(insightsContext(context), events as EventEnvelope<"ProductAddedToCart">[]),
});

// ── recommendations ─────────────────────────────────────────────────────────────────────────────────────────────

/** Who looked at which edition on which day: one row per viewer, edition and day, so a redelivery adds nothing. */
export const viewerRecorder = defineTallyConsumer({
  name: "insights.viewers",
  queue: "catalog-events",
  handles: ["ProductViewed"],
  tally(events, context) {
    return recordViews(insightsContext(context), events);
  },
});

/** A paid order's editions for the recommender; keyed by order and edition, so a redelivery adds nothing. */
export const purchaseRecorder = defineConsumer({
  name: "insights.purchases",
  queue: "order-events",
  handles: ["OrderPaid"],
  async handle(event, context) {
    return recordPurchase(insightsContext(context), event.data);
  },
});
