import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** One payment per order, with the provider's id for it; amounts in minor units. */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    provider: text("provider", { enum: ["stripe", "simulated"] }).notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    /** `processing`: the provider accepted a payment that settles later (a bank debit). */
    status: text("status", { enum: ["pending", "processing", "succeeded", "failed"] }).notNull(),
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
    sellerId: text("seller_id"),
    detail: text("detail").notNull(),
    /** What the run did about it (such as replaying a provider event it never received), and when. */
    repair: text("repair"),
    repairedAt: integer("repaired_at"),
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
    /** The provider's own records (payments, refunds, transfers) the run listed for its window. */
    providerRecordsChecked: integer("provider_records_checked").notNull().default(0),
    findings: integer("findings").notNull(),
    finishedAt: integer("finished_at").notNull(),
  },
  (t) => [index("reconciliation_runs_run_idx").on(t.runAt)],
);

/** A buyer's dispute of a payment (a chargeback), as the provider reports it: open until the provider closes it. */
export const disputes = sqliteTable(
  "disputes",
  {
    id: text("id").primaryKey(),
    paymentId: text("payment_id").notNull(),
    orderId: text("order_id").notNull(),
    provider: text("provider", { enum: ["stripe", "simulated"] }).notNull(),
    providerDisputeId: text("provider_dispute_id").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["open", "won", "lost"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    closedAt: integer("closed_at"),
  },
  (t) => [
    uniqueIndex("disputes_provider_idx").on(t.provider, t.providerDisputeId),
    index("disputes_order_idx").on(t.orderId),
  ],
);

export const SIMULATED_RECORD_KINDS = ["payment", "refund", "account", "transfer", "reversal", "dispute"] as const;

/**
 * The simulated provider's own side of the money, as Stripe keeps it on its side: what it captured, refunded,
 * transferred and reversed, and the connected accounts it opened. Reconciliation lists these as it lists Stripe's.
 */
export const simulatedProviderRecords = sqliteTable(
  "simulated_provider_records",
  {
    /** The provider-side id (`sim_pi_…`, `sim_re_…`, `sim_acct_…`, `sim_tr_…`, `sim_trr_…`, `sim_dp_…`). */
    id: text("id").primaryKey(),
    kind: text("kind", { enum: SIMULATED_RECORD_KINDS }).notNull(),
    /** The payment a refund or dispute is of; the transfer a reversal is of; the account a transfer goes to. */
    parentId: text("parent_id"),
    /** The idempotency key it was created with: the same key answers the same record. */
    idempotencyKey: text("idempotency_key"),
    amount: integer("amount").notNull().default(0),
    currency: text("currency").notNull().default(""),
    status: text("status").notNull(),
    /** Stripe's `transfer_group` (the order id) for transfers; the order id for payments. */
    transferGroup: text("transfer_group"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("simulated_provider_records_key_idx").on(t.kind, t.idempotencyKey),
    index("simulated_provider_records_kind_idx").on(t.kind, t.createdAt),
    index("simulated_provider_records_parent_idx").on(t.parentId),
  ],
);
