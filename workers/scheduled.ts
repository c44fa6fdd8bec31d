import type { Logger } from "./lib/log";
import type { Services } from "./platform/services";

/** Cron triggers (wrangler.toml): every minute relays the outbox. */
export const EVERY_MINUTE = "* * * * *";

export async function runScheduled(cron: string, services: Services, log: Logger): Promise<void> {
  if (cron === EVERY_MINUTE) {
    const relayed = await services.outbox.relayPending();
    if (relayed > 0) log.info("outbox relayed", { relayed });
  }
}
