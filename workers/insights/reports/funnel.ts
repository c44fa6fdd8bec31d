import type { EventEnvelope } from "../../../queues/event-catalogue";
import type { Statement } from "../../platform/db";
import type { InsightsContext } from "../context";
import { countFunnel, type FunnelCount } from "./store";

type FunnelEvent = EventEnvelope<"ProductViewed"> | EventEnvelope<"ProductAddedToCart">;

/**
 * A batch of book-page views and cart adds as one upsert per edition and UTC day. A cart add without its edition
 * (a guest's line merged at login, already counted when the guest added it) counts nothing.
 */
export function tallyFunnel(ctx: Pick<InsightsContext, "services">, events: FunnelEvent[]): Statement[] {
  const counts = new Map<string, FunnelCount>();
  for (const event of events) {
    const editionId = event.data.editionId;
    if (!editionId) continue;
    const day = event.occurredAt.slice(0, 10);
    const key = `${editionId}/${day}`;
    const count = counts.get(key) ?? { editionId, day, views: 0, cartAdds: 0 };
    if (event.type === "ProductViewed") count.views += 1;
    else count.cartAdds += event.data.quantity;
    counts.set(key, count);
  }
  return [...counts.values()].map((count) => countFunnel(ctx.services.db, count));
}
