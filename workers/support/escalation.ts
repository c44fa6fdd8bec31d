import { AppError } from "../http/errors";
import type { SupportContext } from "./context";
import { moveTicket } from "./service";
import * as store from "./store";

/**
 * Every-minute cron: a seller ticket its seller left unanswered past its due time goes to the marketplace's
 * support, once: the move is compare-and-set, so a second run (or a reply meanwhile) skips it.
 */
export async function escalateUnansweredTickets(ctx: SupportContext, now = Date.now()): Promise<number> {
  let escalated = 0;
  for (const ticket of await store.overdueSellerTickets(ctx.services.db, now, 50)) {
    try {
      await moveTicket(
        ctx,
        ticket,
        "escalated",
        { actor: "system:support-escalation", action: "escalated", note: "The seller did not answer in time." },
        now,
      );
      escalated += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === "invalid_transition")) throw error;
    }
  }
  return escalated;
}
