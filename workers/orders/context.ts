import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import { type ClientInfo, clientOf } from "../identity";
import type { StockNamespace } from "../inventory";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What every orders function works with, whether a request, a queue consumer or the cron called it. */
export interface OrdersContext {
  services: Services;
  stock: StockNamespace;
  carts: Env["CART"];
  log: Logger;
  holdMs: number;
  /** How long after checkout an order whose payment is processing keeps its copies, at most. */
  processingHoldMs: number;
  /** Who hears of a payment that did not pay its order (ADMIN_EMAILS). */
  operatorEmails: readonly string[];
  /** One return window for every seller, in seconds (RETURN_WINDOW_SECONDS, local runs and tests only). */
  returnWindowSeconds?: number;
  /** The request's client, stamped on the audit entries of admins' refunds and cancellations; absent in consumers. */
  client?: ClientInfo;
}

/** The orders context of a queue batch or a cron run. */
export function ordersContext({ env, config, services, log }: ConsumerContext): OrdersContext {
  return {
    services,
    stock: env.STOCK,
    carts: env.CART,
    log,
    holdMs: config.CART_HOLD_MINUTES * 60_000,
    processingHoldMs: config.PAYMENT_PROCESSING_HOLD_DAYS * 86_400_000,
    operatorEmails: config.ADMIN_EMAILS,
    returnWindowSeconds: config.RETURN_WINDOW_SECONDS,
  };
}

/** The orders context of a request. */
export function ordersContextOf(c: Context<AppEnv>): OrdersContext {
  const context = ordersContext({
    env: c.env,
    config: c.get("config"),
    services: c.get("services"),
    log: c.get("log"),
  });
  return { ...context, client: clientOf(c) };
}
