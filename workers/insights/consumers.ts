import { defineConsumer, defineTallyConsumer } from "../../queues/consumer";
import { insightsContext } from "./context";
import { recordPurchase, recordViews } from "./recommendations/service";

// --- recommendations ---

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
