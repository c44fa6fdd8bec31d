import { boolean, index, int, json, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, longtext, minorUnits, text, varchar } from "./columns";

/** The payments module's tables in MySQL: DDL twins of schema/payments.ts, which the stores query. */

/** Ids a provider hands out (Stripe's run to a few dozen characters). */
const PROVIDER_ID = 255;

export const payments = mysqlTable(
  "payments",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    provider: varchar("provider", 16).notNull(),
    providerPaymentId: varchar("provider_payment_id", PROVIDER_ID).notNull(),
    status: varchar("status", 16).notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    capturedAmount: minorUnits("captured_amount").notNull().default(0),
    capturedCurrency: varchar("captured_currency", 3),
    refundedAmount: minorUnits("refunded_amount").notNull().default(0),
    clientSecret: varchar("client_secret", 255),
    disputed: boolean("disputed").notNull().default(false),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("payments_order_idx").on(t.orderId),
    uniqueIndex("payments_provider_idx").on(t.provider, t.providerPaymentId),
    index("payments_updated_idx").on(t.updatedAt),
  ],
);

export const paymentWebhookEvents = mysqlTable(
  "payment_webhook_events",
  {
    provider: varchar("provider", 16).notNull(),
    eventId: varchar("event_id", PROVIDER_ID).notNull(),
    type: varchar("type", 128).notNull(),
    providerPaymentId: varchar("provider_payment_id", PROVIDER_ID),
    paymentId: id("payment_id"),
    payload: longtext("payload").notNull(),
    receivedAt: epochMs("received_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.eventId] }),
    index("payment_webhook_events_payment_idx").on(t.paymentId),
  ],
);

export const refunds = mysqlTable(
  "refunds",
  {
    id: id("id").primaryKey(),
    paymentId: id("payment_id").notNull(),
    orderId: id("order_id").notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    reason: text("reason").notNull(),
    idempotencyKey: varchar("idempotency_key", 255).notNull(),
    providerRefundId: varchar("provider_refund_id", PROVIDER_ID).notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("refunds_idempotency_idx").on(t.idempotencyKey), index("refunds_payment_idx").on(t.paymentId)],
);

export const reconciliationFindings = mysqlTable(
  "reconciliation_findings",
  {
    id: id("id").primaryKey(),
    runAt: epochMs("run_at").notNull(),
    kind: varchar("kind", 64).notNull(),
    orderId: id("order_id"),
    paymentId: id("payment_id"),
    sellerId: id("seller_id"),
    detail: text("detail").notNull(),
    repair: text("repair"),
    repairedAt: epochMs("repaired_at"),
  },
  (t) => [index("reconciliation_findings_run_idx").on(t.runAt)],
);

export const reconciliationRuns = mysqlTable(
  "reconciliation_runs",
  {
    id: id("id").primaryKey(),
    runAt: epochMs("run_at").notNull(),
    since: epochMs("since").notNull(),
    paymentsChecked: int("payments_checked").notNull(),
    ordersChecked: int("orders_checked").notNull(),
    providerRecordsChecked: int("provider_records_checked").notNull().default(0),
    findings: int("findings").notNull(),
    finishedAt: epochMs("finished_at").notNull(),
  },
  (t) => [index("reconciliation_runs_run_idx").on(t.runAt)],
);

export const disputes = mysqlTable(
  "disputes",
  {
    id: id("id").primaryKey(),
    paymentId: id("payment_id").notNull(),
    orderId: id("order_id").notNull(),
    provider: varchar("provider", 16).notNull(),
    providerDisputeId: varchar("provider_dispute_id", PROVIDER_ID).notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    reason: text("reason").notNull(),
    status: varchar("status", 16).notNull(),
    createdAt: epochMs("created_at").notNull(),
    closedAt: epochMs("closed_at"),
  },
  (t) => [
    uniqueIndex("disputes_provider_idx").on(t.provider, t.providerDisputeId),
    index("disputes_order_idx").on(t.orderId),
  ],
);

export const simulatedProviderRecords = mysqlTable(
  "simulated_provider_records",
  {
    id: varchar("id", PROVIDER_ID).primaryKey(),
    kind: varchar("kind", 16).notNull(),
    parentId: varchar("parent_id", PROVIDER_ID),
    idempotencyKey: varchar("idempotency_key", 255),
    amount: minorUnits("amount").notNull().default(0),
    currency: varchar("currency", 3).notNull().default(""),
    status: varchar("status", 32).notNull(),
    transferGroup: id("transfer_group"),
    metadata: json("metadata").notNull().default({}),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("simulated_provider_records_key_idx").on(t.kind, t.idempotencyKey),
    index("simulated_provider_records_kind_idx").on(t.kind, t.createdAt),
    index("simulated_provider_records_parent_idx").on(t.parentId),
  ],
);
