import { defineConsumer } from "../../queues/consumer";
import { userCartName } from "./token";

/** What the cart consumes. The cart's own events (CartUpdated, ProductAddedToCart) come from its CartDO's outbox. */

/** A deleted account keeps no cart: its lines go (clearing an empty cart stores nothing, so a redelivery is harmless). */
export const deletedUserCart = defineConsumer({
  name: "cart.deleted-user",
  queue: "order-events",
  handles: ["UserDeleted"],
  async handle(event, { env }) {
    await env.CART.getByName(userCartName(event.data.userId)).clear();
    return [];
  },
});
