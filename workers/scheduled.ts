import { purgeExpiredIdempotencyKeys } from "./http/middleware/idempotency";
import type { Logger } from "./lib/log";
import type { Services } from "./platform/services";

/** Cron triggers (wrangler.toml): every minute relays the outbox; daily housekeeping. */
export const EVERY_MINUTE = "* * * * *";
export const DAILY = "30 3 * * *";

export async function runScheduled(cron: string, services: Services, log: Logger): Promise<void> {
  if (cron === EVERY_MINUTE) {
    const relayed = await services.outbox.relayPending();
    if (relayed > 0) log.info("outbox relayed", { relayed });
  }
  if (cron === DAILY) await purgeExpiredIdempotencyKeys(services.db);
}
