import { defineConsumer } from "../../queues/consumer";
import { settleCancellation } from "./cancel";
import { ordersContext } from "./context";
import { paymentFailed, paymentSucceeded } from "./payment-outcomes";
import { paymentProcessing } from "./processing-payments";
import type { Actor } from "./transitions";

/**
 * Payment outcomes from the payments module's webhooks. Each effect is conditional on the order's status and
 * safe to repeat (StockDO calls are idempotent by reservation id, refunds by key), so a redelivered or late
 * event, or a retry after a crash half-way, changes nothing twice.
 */
export const paymentOutcomeConsumer = defineConsumer({
  name: "orders.payment-outcomes",
  queue: "order-events",
  handles: ["PaymentProcessed"],
  async handle(event, context) {
    const ctx = ordersContext(context);
    if (event.data.outcome === "succeeded") await paymentSucceeded(ctx, event.data);
    else if (event.data.outcome === "processing") await paymentProcessing(ctx, event.data);
    else await paymentFailed(ctx, event.data);
    return undefined;
  },
});

/**
 * A cancelled order's copies and money go back in the request that cancelled it; this repeats that (a no-op when
 * it is done) so a request that stopped half-way is finished within seconds.
 */
export const cancellationConsumer = defineConsumer({
  name: "orders.cancellations",
  queue: "order-events",
  handles: ["OrderCancelled"],
  async handle(event, context) {
    await settleCancellation(ordersContext(context), event.data.orderId, {
      paid: event.data.paid,
      actor: event.data.actor as Actor,
    });
    return undefined;
  },
});
