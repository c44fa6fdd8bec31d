import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A seller's connected account at the payment provider (Stripe Connect Express), which transfers go to. */
export const payoutAccounts = sqliteTable(
  "payout_accounts",
  {
    sellerId: text("seller_id").primaryKey(),
    provider: text("provider", { enum: ["stripe", "simulated"] }).notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    /** The provider's word (`account.updated`): onboarding finished and transfers may be sent. */
    payoutsEnabled: integer("payouts_enabled", { mode: "boolean" }).notNull().default(false),
    detailsSubmitted: integer("details_submitted", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("payout_accounts_provider_idx").on(t.provider, t.providerAccountId)],
);

/** The seller's own accounts (their balances) and the marketplace's accounts that entries balance against. */
export const LEDGER_ACCOUNTS = [
  "seller_pending",
  "seller_available",
  "seller_held",
  "seller_paid",
  "platform_sales",
  "platform_fees",
  "platform_refunds",
  "platform_transfers",
  "platform_disputes",
] as const;

export const LEDGER_KINDS = [
  "sale",
  "fee",
  "discount",
  "refund",
  "release",
  "transfer",
  "reversal",
  "dispute_hold",
  "dispute_release",
  "dispute_loss",
] as const;

/**
 * The double-entry seller ledger, the only source of a seller's balances: each journal (one movement of money,
 * `journalId`, such as `sale:<sellerOrderId>`) is two or more entries whose amounts (signed minor units) sum to
 * zero. A journal's entries are written together and at most once: (journal, account) is unique, so a movement
 * posted again by a redelivered event changes nothing.
 */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    journalId: text("journal_id").notNull(),
    sellerId: text("seller_id").notNull(),
    account: text("account", { enum: LEDGER_ACCOUNTS }).notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    orderId: text("order_id"),
    sellerOrderId: text("seller_order_id"),
    /** What the movement answers to: a refund, transfer, reversal or dispute id. */
    reference: text("reference"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("ledger_entries_journal_idx").on(t.journalId, t.account),
    index("ledger_entries_seller_idx").on(t.sellerId, t.createdAt, t.id),
    index("ledger_entries_seller_order_idx").on(t.sellerOrderId),
  ],
);

/**
 * One Transfer per completed seller order to the seller's connected account ("separate charges and transfers"):
 * `transfer_group` the order id, this row's id the idempotency key, so it is never made twice.
 */
export const transfers = sqliteTable(
  "transfers",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id").notNull(),
    sellerOrderId: text("seller_order_id").notNull(),
    orderId: text("order_id").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** `pending` until the provider confirms it (a crash in between resumes with the same key), then `sent`. */
    status: text("status", { enum: ["pending", "sent"] }).notNull(),
    providerTransferId: text("provider_transfer_id"),
    reversedAmount: integer("reversed_amount").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    uniqueIndex("transfers_seller_order_idx").on(t.sellerOrderId),
    index("transfers_seller_idx").on(t.sellerId, t.createdAt, t.id),
    index("transfers_status_idx").on(t.status, t.createdAt),
  ],
);

/** Money taken back from a seller's connected account: a refund or lost dispute after the transfer went out. */
export const transferReversals = sqliteTable(
  "transfer_reversals",
  {
    id: text("id").primaryKey(),
    transferId: text("transfer_id").notNull(),
    sellerId: text("seller_id").notNull(),
    /** The refund or dispute it answers; one reversal each. */
    reference: text("reference").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["pending", "sent"] }).notNull(),
    providerReversalId: text("provider_reversal_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("transfer_reversals_reference_idx").on(t.transferId, t.reference),
    index("transfer_reversals_seller_idx").on(t.sellerId, t.createdAt),
  ],
);
