import { defineConsumer } from "../../queues/consumer";
import { anonymiseAuthor } from "./store/moderation";

/**
 * A deleted account's posts stay (their text is part of the discussion) but lose its name: reviews, seller
 * reviews, threads and comments show "Deleted reader". The writes commit with the processed-event marker, and
 * writing the same name twice changes nothing, so a redelivery is harmless.
 */
export const deletedAuthor = defineConsumer({
  name: "community.deleted-author",
  queue: "order-events",
  handles: ["UserDeleted"],
  handle: async (event, { services }) => anonymiseAuthor(services.db, event.data.userId),
});
