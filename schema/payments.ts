import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** One payment per order, with the provider's id for it; amounts in minor units. */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    provider: text("provider", { enum: ["stripe", "simulated"] }).notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    capturedAmount: integer("captured_amount").notNull().default(0),
    /** The currency the provider says it captured in, which reconciliation holds against the order's. */
    capturedCurrency: text("captured_currency"),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    clientSecret: text("client_secret"),
    disputed: integer("disputed", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("payments_order_idx").on(t.orderId),
    uniqueIndex("payments_provider_idx").on(t.provider, t.providerPaymentId),
    index("payments_updated_idx").on(t.updatedAt),
  ],
);

/** Every webhook event accepted from a provider, by the provider's event id: duplicates are recognised here. */
export const paymentWebhookEvents = sqliteTable(
  "payment_webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    providerPaymentId: text("provider_payment_id"),
    paymentId: text("payment_id"),
    payload: text("payload").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.eventId] }),
    index("payment_webhook_events_payment_idx").on(t.paymentId),
  ],
);

/** Refunds asked of the provider, one row per refund; the idempotency key makes a retried request one refund. */
export const refunds = sqliteTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    paymentId: text("payment_id").notNull(),
    orderId: text("order_id").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    providerRefundId: text("provider_refund_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("refunds_idempotency_idx").on(t.idempotencyKey), index("refunds_payment_idx").on(t.paymentId)],
);

/** What reconciliation found wrong between payments, refunds and orders, for operators. */
export const reconciliationFindings = sqliteTable(
  "reconciliation_findings",
  {
    id: text("id").primaryKey(),
    runAt: integer("run_at").notNull(),
    kind: text("kind").notNull(),
    orderId: text("order_id"),
    paymentId: text("payment_id"),
    detail: text("detail").notNull(),
  },
  (t) => [index("reconciliation_findings_run_idx").on(t.runAt)],
);

/** One reconciliation run: what it looked at and how much it found (none is a clean report). */
export const reconciliationRuns = sqliteTable(
  "reconciliation_runs",
  {
    id: text("id").primaryKey(),
    runAt: integer("run_at").notNull(),
    since: integer("since").notNull(),
    paymentsChecked: integer("payments_checked").notNull(),
    ordersChecked: integer("orders_checked").notNull(),
    findings: integer("findings").notNull(),
    finishedAt: integer("finished_at").notNull(),
  },
  (t) => [index("reconciliation_runs_run_idx").on(t.runAt)],
);
