import { type ConsumerContext, defineConsumer } from "../../queues/consumer";
import { type OrdersContext, paymentFailed, paymentSucceeded } from "./payment-outcomes";

/** The orders module's view of a queue batch or cron run. */
export function ordersContext({ env, config, services, log }: ConsumerContext): OrdersContext {
  return { services, stock: env.STOCK, carts: env.CART, log, holdMs: config.CART_HOLD_MINUTES * 60_000 };
}

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
    else await paymentFailed(ctx, event.data);
    return undefined;
  },
});
