import { AppError } from "../../http/errors";
import { alertOperators } from "../../payments";
import type { OrdersContext } from "../context";
import * as store from "../store";
import { stepReturn } from "./steps";

/**
 * Every-minute cron: a return request the seller left unanswered past `respondBy` goes to admins (`escalated`):
 * the seller hears of it through the return's notices, the operators by mail. A request another run (or the seller)
 * moved meanwhile is skipped.
 */
export async function escalateOverdueReturns(ctx: OrdersContext, now = Date.now()): Promise<number> {
  const overdue = await store.overdueReturnRequests(ctx.services.db, now, 50);
  let escalated = 0;
  for (const row of overdue) {
    try {
      await stepReturn(ctx, row, "escalated", {
        actor: "system:return-escalation",
        note: "The seller did not answer within 3 days.",
        patch: { escalatedAt: now },
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_transition") continue;
      throw error;
    }
    escalated += 1;
    await alertOperators(ctx.services, ctx.operatorEmails, {
      key: `return-escalated:${row.id}`,
      subject: `Return ${row.id} needs a decision`,
      text: [
        `The buyer of order ${row.orderId} asked to return copies of seller order ${row.sellerOrderId}`,
        `(reason: ${row.reason.replace(/_/g, " ")}), and the seller did not answer within 3 days.`,
        `Decide it: POST /v1/admin/returns/${row.id}/decision`,
      ].join("\n"),
    });
  }
  return escalated;
}
