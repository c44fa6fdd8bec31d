import { z } from "@hono/zod-openapi";
import { idPattern } from "../lib/ids";
import { FINDING_KINDS } from "./reconciliation";

export const Acknowledged = z.object({
  received: z.literal(true),
  outcome: z.enum(["accepted", "duplicate", "unmatched", "ignored"]),
});

export const SimulatedPaymentParam = z.object({ paymentId: z.string().regex(/^pay_[0-9a-f]{32}$/) });
export const SimulatedOutcomeBody = z.object({ failureReason: z.string().max(200).optional() });
export const Delivered = z.object({ eventId: z.string(), outcome: z.string() });

export const ReconciliationRunQuery = z.object({ run: z.string().regex(idPattern("rec")).optional() });

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
  })
  .openapi("ReconciliationReport");
