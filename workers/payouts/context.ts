import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { Config } from "../config";
import type { AppEnv } from "../http/context";
import { type ClientInfo, clientOf } from "../identity";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What payouts works with: the database and payment provider of the request or batch, the fee settings, the log. */
export interface PayoutsContext {
  services: Services;
  fee: PlatformFee;
  log: Logger;
  /** The request's client, stamped on the audit entries of payout changes; absent in consumers. */
  client?: ClientInfo;
}

/** The platform fee on a seller order: basis points of what the seller keeps, plus a fixed part (minor units). */
export interface PlatformFee {
  basisPoints: number;
  fixed: number;
}

const feeOf = (config: Config): PlatformFee => ({
  basisPoints: config.PLATFORM_FEE_BASIS_POINTS,
  fixed: config.PLATFORM_FEE_FIXED,
});

/** The payouts context of a queue batch. */
export function payoutsContext({ config, services, log }: Pick<ConsumerContext, "config" | "services" | "log">) {
  return { services, fee: feeOf(config), log } satisfies PayoutsContext;
}

/** The payouts context of a request. */
export function payoutsContextOf(c: Context<AppEnv>): PayoutsContext {
  const context = payoutsContext({ config: c.get("config"), services: c.get("services"), log: c.get("log") });
  return { ...context, client: clientOf(c) };
}
