import { purgeProcessedEvents } from "../queues/consumer";
import { purgeRelayedOutbox } from "../queues/outbox";
import { catalogConsumerContext, switchDuePrices } from "./catalog";
import { communityConsumerContext, recomputeRatings } from "./community";
import type { Config } from "./config";
import { purgeExpiredIdempotencyKeys } from "./http/middleware/idempotency";
import { purgeExpiredSignIns } from "./identity";
import { buildLastWeek, insightsContext, rebuildRecommendations } from "./insights";
import type { Logger } from "./lib/log";
import { cartRemindersContext, sendDueCartReminders } from "./notifications";
import {
  completeSellerOrders,
  escalateOverdueReturns,
  expireUnpaidOrders,
  orderLedger,
  ordersContext,
  resumePendingRefunds,
} from "./orders";
import { runReconciliation } from "./payments";
import { payoutLedger } from "./payouts";
import type { Services } from "./platform/services";
import { escalateUnansweredTickets, sellerSupportFigures, supportContext } from "./support";

/**
 * Cron triggers (wrangler.toml): every minute relays the outbox, expires unpaid orders, resumes stuck refunds, escalates
 * unanswered return requests and support tickets a seller left unanswered, completes seller orders whose return window is over,
 * sends the abandoned-cart reminders that are due and switches the listings' scheduled sale prices that are due; daily housekeeping (expired idempotency keys, relayed outbox rows
 * after 7 days, processed-event markers after 30 days, social sign-in trips a day after they expired), the payments reconciliation and the recompute of works' and
 * sellers' ratings from the reviews, and the rebuild of the recommendations; weekly (Monday 04:00 UTC) the reports of
 * the ISO week that just ended, mailed to the admins.
 */
const EVERY_MINUTE = "* * * * *";
const DAILY = "30 3 * * *";
const WEEKLY = "0 4 * * 1";

interface CronContext {
  env: Env;
  config: Config;
  services: Services;
  log: Logger;
}

export async function runScheduled(cron: string, context: CronContext): Promise<void> {
  const { services, log } = context;
  if (cron === EVERY_MINUTE) {
    const relayed = await services.outbox.relayPending();
    if (relayed > 0) log.info("outbox relayed", { relayed });
    const orders = ordersContext(context);
    const expired = await expireUnpaidOrders(orders);
    if (expired > 0) log.info("unpaid orders expired", { expired });
    const resumed = await resumePendingRefunds(orders);
    if (resumed > 0) log.info("pending refunds resumed", { resumed });
    const escalated = await escalateOverdueReturns(orders);
    if (escalated > 0) log.info("return requests escalated", { escalated });
    const completed = await completeSellerOrders(orders);
    if (completed > 0) log.info("seller orders completed", { completed });
    const reminded = await sendDueCartReminders(cartRemindersContext(context));
    if (reminded > 0) log.info("cart reminders sent", { reminded });
    const switched = await switchDuePrices(catalogConsumerContext(context));
    if (switched > 0) log.info("sale prices switched", { switched });
    const tickets = await escalateUnansweredTickets(supportContext(context));
    if (tickets > 0) log.info("support tickets escalated", { escalated: tickets });
  }
  if (cron === DAILY) {
    await purgeExpiredIdempotencyKeys(services.db);
    await purgeRelayedOutbox(services.db);
    await purgeProcessedEvents(services.db);
    await purgeExpiredSignIns(services);
    // Reconciliation is given the orders and payouts ledgers here, so payments imports neither.
    const run = await runReconciliation({ services, orders: orderLedger(services), payouts: payoutLedger(services) });
    (run.findings > 0 ? log.warn : log.info)("reconciliation", { runId: run.id, findings: run.findings });
    await recomputeRatings(communityConsumerContext(context));
    const recommended = await rebuildRecommendations(insightsContext(context));
    log.info("recommendations rebuilt", { recommended });
  }
  if (cron === WEEKLY) {
    // Insights reads the sellers' support figures through the support module, given here.
    const week = await buildLastWeek(insightsContext(context), sellerSupportFigures);
    log.info("weekly reports built", { week });
  }
}
