import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Services } from "../platform/services";

/** What support works with: the database and outbox, the attachments' bucket, a seller's time to answer, the request. */
export interface SupportContext {
  services: Services;
  media: R2Bucket;
  sellerReplyMs: number;
  requestId: string | null;
}

/** The support context of a cron run. */
export function supportContext({
  env,
  config,
  services,
}: Pick<ConsumerContext, "env" | "config" | "services">): SupportContext {
  return {
    services,
    media: env.MEDIA,
    sellerReplyMs: config.SUPPORT_SELLER_REPLY_HOURS * 3_600_000,
    requestId: null,
  };
}

/** The support context of a request. */
export function supportContextOf(c: Context<AppEnv>): SupportContext {
  const base = supportContext({ env: c.env, config: c.get("config"), services: c.get("services") });
  return { ...base, requestId: c.get("requestId") };
}
