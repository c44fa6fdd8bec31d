import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Services } from "../platform/services";

/** What support works with: the database and outbox, how long a seller has to answer, the request's id. */
export interface SupportContext {
  services: Services;
  sellerReplyMs: number;
  requestId: string | null;
}

/** The support context of a cron run. */
export function supportContext({ config, services }: Pick<ConsumerContext, "config" | "services">): SupportContext {
  return { services, sellerReplyMs: config.SUPPORT_SELLER_REPLY_HOURS * 3_600_000, requestId: null };
}

/** The support context of a request. */
export function supportContextOf(c: Context<AppEnv>): SupportContext {
  return { ...supportContext({ config: c.get("config"), services: c.get("services") }), requestId: c.get("requestId") };
}
