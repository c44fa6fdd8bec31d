import { z } from "@hono/zod-openapi";
import { RETURN_REASONS, RETURN_STATUSES } from "../../../schema/orders";
import { humanText, PageQuery } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { MoneySchema } from "../../lib/money";

/** Request and response shapes of the returns routes. */

export const ReturnIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("ret"), "a return id (ret_…)")
    .openapi({ example: "ret_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const OrderReturnParams = z.object({
  id: z
    .string()
    .regex(idPattern("ord"), "an order id (ord_…)")
    .openapi({ example: "ord_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
  returnId: ReturnIdParam.shape.id,
});

const note = humanText(z.string().trim().min(1).max(1000), { multiline: true });

export const ReturnRequestBody = z
  .object({
    lines: z
      .array(
        z.object({
          lineId: z.string().regex(idPattern("oln"), "an order line id (oln_…)"),
          quantity: z.number().int().min(1).max(1000),
        }),
      )
      .min(1)
      .max(50)
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, {
        message: "name each line once",
      }),
    reason: z.enum(RETURN_REASONS),
    comment: note.optional(),
  })
  .openapi("ReturnRequest");
export type ReturnRequestBody = z.infer<typeof ReturnRequestBody>;

export const ReturnDecisionBody = z
  .object({
    decision: z.enum(["approve", "reject"]),
    note: note.optional().openapi({ description: "Why; required to reject" }),
    restock: z.boolean().optional().openapi({ description: "Put the copies back on sale when they arrive" }),
  })
  .refine((body) => body.decision === "approve" || body.note !== undefined, {
    message: "a rejection needs a note saying why",
    path: ["note"],
  })
  .openapi("ReturnDecision");
export type ReturnDecisionBody = z.infer<typeof ReturnDecisionBody>;

export const ReturnTrackingBody = z
  .object({
    carrier: humanText(z.string().trim().min(1).max(60)).openapi({ example: "DHL" }),
    trackingNumber: humanText(z.string().trim().min(1).max(80)).openapi({ example: "00340434161094042557" }),
  })
  .openapi("ReturnTracking");
export type ReturnTrackingBody = z.infer<typeof ReturnTrackingBody>;

export const ReturnReceivedBody = z
  .object({
    restock: z.boolean().optional().openapi({ description: "Put the copies back on sale (default: as decided)" }),
  })
  .openapi("ReturnReceived");
export type ReturnReceivedBody = z.infer<typeof ReturnReceivedBody>;

export const ReturnsQuery = PageQuery.extend({ status: z.enum(RETURN_STATUSES).optional() });
export type ReturnsQuery = z.infer<typeof ReturnsQuery>;

export const ReturnSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    sellerOrderId: z.string(),
    sellerId: z.string(),
    status: z.enum(RETURN_STATUSES),
    reason: z.enum(RETURN_REASONS),
    comment: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedBy: z.string().nullable().openapi({ description: "`seller:<id>` or `admin:<id>`" }),
    restock: z.boolean(),
    tracking: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
    refundId: z.string().nullable(),
    respondBy: z.string().openapi({ description: "Unanswered by then, the request goes to admins" }),
    escalatedAt: z.string().nullable(),
    lines: z.array(z.object({ lineId: z.string(), title: z.string(), quantity: z.number().int() })),
    refunded: MoneySchema.nullable().openapi({ description: "What the receipt refunded" }),
    history: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        actor: z.string(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Return");
export type ReturnView = z.infer<typeof ReturnSchema>;

export const ReturnList = z.object({ items: z.array(ReturnSchema) }).openapi("ReturnList");
export const ReturnPage = z
  .object({ items: z.array(ReturnSchema), nextCursor: z.string().nullable() })
  .openapi("ReturnPage");
