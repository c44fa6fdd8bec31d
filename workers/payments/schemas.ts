import { z } from "@hono/zod-openapi";
import { CalendarDate } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";
import { FINDING_KINDS } from "./reconciliation";

export const Acknowledged = z.object({
  received: z.literal(true),
  outcome: z.enum(["accepted", "duplicate", "unmatched", "ignored"]),
});

export const SimulatedPaymentParam = z.object({ paymentId: z.string().regex(/^pay_[0-9a-f]{32}$/) });
export const SimulatedOutcomeBody = z.object({ failureReason: z.string().max(200).optional() });
export const SimulatedDeliveryQuery = z.object({
  deliver: z.enum(["true", "false"]).default("true").openapi({
    description: "`false` records the answer on the simulator's side and drops its webhook (a lost event)",
  }),
});
export const Delivered = z.object({
  eventId: z.string(),
  outcome: z.string().openapi({ description: "What the webhook path answered, or `not_delivered`" }),
});

export const SimulatedDisputeBody = z.object({
  amount: z.number().int().positive().optional().openapi({ description: "Minor units; default all captured" }),
  reason: z.string().min(1).max(100).optional().openapi({ example: "product_not_received" }),
});
export const DisputeOpened = Delivered.extend({
  disputeId: z.string().nullable().openapi({ description: "Book Bazaar's record of the dispute (`dsp_…`)" }),
});
export const SimulatedDisputeParam = z.object({ disputeId: z.string().regex(idPattern("dsp")) });
export const SimulatedDisputeCloseBody = z.object({
  outcome: z.enum(["won", "lost"]).openapi({ description: "`won`: the money stays with the marketplace" }),
});

export const ReconciliationRunQuery = z.object({
  run: z.string().regex(idPattern("rec")).optional(),
  from: CalendarDate.optional().openapi({
    description: "First day (UTC) of the tax collected, included; default the first day of the run's window",
  }),
  to: CalendarDate.optional().openapi({
    description: "Last day (UTC) of the tax collected, included; default the run's day, up to the run",
  }),
});

/** Minor units of the row's currency; `net` is below 0 on a day that gave back more than it took. */
const taxFigures = {
  currency: z.string().openapi({ example: "EUR" }),
  collected: z.number().int().openapi({ description: "Tax included in the orders paid" }),
  refunded: z.number().int().openapi({ description: "Tax given back by the refunds completed" }),
  net: z.number().int(),
};

const TaxCollectedSchema = z
  .object({
    from: z.string().openapi({ format: "date" }),
    to: z.string().openapi({ format: "date" }),
    until: z.string().openapi({ description: "Where the figures stop (excluded): midnight after `to`, or the run" }),
    days: z.array(
      z.object({
        day: z.string().openapi({ format: "date" }),
        country: z.string().openapi({ description: "The orders' destination (ISO 3166-1 alpha-2)", example: "DE" }),
        orders: z.number().int().openapi({ description: "Orders paid that day" }),
        refunds: z.number().int().openapi({ description: "Refunds completed that day" }),
        ...taxFigures,
      }),
    ),
    totals: z.array(z.object({ country: z.string(), ...taxFigures })),
  })
  .openapi("TaxCollected");

export const ReportSchema = z
  .object({
    run: z.object({
      id: z.string(),
      runAt: z.string(),
      since: z.string().openapi({ description: "Payments and orders changed since then were compared" }),
      finishedAt: z.string(),
      paymentsChecked: z.number().int(),
      ordersChecked: z.number().int(),
      providerRecordsChecked: z.number().int().openapi({
        description: "The provider's own records listed: captures, refunds, transfers and transfer reversals",
      }),
      findings: z.number().int(),
      clean: z.boolean(),
    }),
    findings: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(FINDING_KINDS),
        orderId: z.string().nullable(),
        paymentId: z.string().nullable(),
        sellerId: z.string().nullable(),
        detail: z.string(),
        repair: z.string().nullable().openapi({ description: "What the run did about it (a lost capture replayed)" }),
        repairedAt: z.string().nullable(),
      }),
    ),
    taxCollected: TaxCollectedSchema,
    feesCollected: z
      .object({
        matched: z
          .boolean()
          .openapi({ description: "Whether transfers and reversals were matched with the payouts ledger" }),
        note: z.string().nullable(),
        days: z.array(z.object({ day: z.string().openapi({ format: "date" }), fees: MoneySchema })),
      })
      .openapi({ description: "The marketplace's fees per UTC day over the tax collected's days" }),
  })
  .openapi("ReconciliationReport");
