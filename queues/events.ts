import { newId } from "../workers/lib/ids";
import { EVENT_CATALOG, type EventData, type EventEnvelope, type EventType } from "./event-catalogue";

/** Builds a versioned event envelope; data is validated so a producer bug fails at the source, not in a consumer. */
export function createEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  occurredAt = new Date(),
): EventEnvelope<T> {
  const spec = EVENT_CATALOG[type];
  return {
    id: newId("evt"),
    type,
    version: spec.version,
    occurredAt: occurredAt.toISOString(),
    data: spec.data.parse(data) as EventData<T>,
  };
}
