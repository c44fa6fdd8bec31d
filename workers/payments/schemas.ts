import { z } from "@hono/zod-openapi";
import { CalendarDate } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { FINDING_KINDS } from "./reconciliation";

export const Acknowledged = z.object({
  received: z.literal(true),
  outcome: z.enum(["accepted", "duplicate", "unmatched", "ignored"]),
});

export const SimulatedPaymentParam = z.object({ paymentId: z.string().regex(/^pay_[0-9a-f]{32}$/) });
export const SimulatedOutcomeBody = z.object({ failureReason: z.string().max(200).optional() });
export const Delivered = z.object({ eventId: z.string(), outcome: z.string() });

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
      findings: z.number().int(),
      clean: z.boolean(),
    }),
    findings: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(FINDING_KINDS),
        orderId: z.string().nullable(),
        paymentId: z.string().nullable(),
        detail: z.string(),
      }),
    ),
    taxCollected: TaxCollectedSchema,
  })
  .openapi("ReconciliationReport");
