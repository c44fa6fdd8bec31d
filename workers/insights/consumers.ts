import { defineTallyConsumer } from "../../queues/consumer";
import type { EventEnvelope } from "../../queues/event-catalogue";
import { insightsContext } from "./context";
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
