import { boolean, index, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, minorUnits, varchar } from "./columns";

/** The payouts module's tables in MySQL: DDL twins of schema/payouts.ts, which the stores query. */

/** Ids a provider hands out (Stripe's run to a few dozen characters). */
const PROVIDER_ID = 255;
/** `sale:<sellerOrderId>`, `reversal:<transferId>:<refundId>` and the like. */
const JOURNAL = 200;

export const payoutAccounts = mysqlTable(
  "payout_accounts",
  {
    sellerId: id("seller_id").primaryKey(),
    provider: varchar("provider", 16).notNull(),
    providerAccountId: varchar("provider_account_id", PROVIDER_ID).notNull(),
    payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("payout_accounts_provider_idx").on(t.provider, t.providerAccountId)],
);

export const ledgerEntries = mysqlTable(
  "ledger_entries",
  {
    id: id("id").primaryKey(),
    journalId: varchar("journal_id", JOURNAL).notNull(),
    sellerId: id("seller_id").notNull(),
    account: varchar("account", 32).notNull(),
    kind: varchar("kind", 32).notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    orderId: id("order_id"),
    sellerOrderId: id("seller_order_id"),
    reference: varchar("reference", PROVIDER_ID),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("ledger_entries_journal_idx").on(t.journalId, t.account),
    index("ledger_entries_seller_idx").on(t.sellerId, t.createdAt, t.id),
    index("ledger_entries_seller_order_idx").on(t.sellerOrderId),
  ],
);

export const transfers = mysqlTable(
  "transfers",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id").notNull(),
    sellerOrderId: id("seller_order_id").notNull(),
    orderId: id("order_id").notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    status: varchar("status", 16).notNull(),
    providerTransferId: varchar("provider_transfer_id", PROVIDER_ID),
    reversedAmount: minorUnits("reversed_amount").notNull().default(0),
    createdAt: epochMs("created_at").notNull(),
    sentAt: epochMs("sent_at"),
  },
  (t) => [
    uniqueIndex("transfers_seller_order_idx").on(t.sellerOrderId),
    index("transfers_seller_idx").on(t.sellerId, t.createdAt, t.id),
    index("transfers_status_idx").on(t.status, t.createdAt),
  ],
);

export const transferReversals = mysqlTable(
  "transfer_reversals",
  {
    id: id("id").primaryKey(),
    transferId: id("transfer_id").notNull(),
    sellerId: id("seller_id").notNull(),
    reference: varchar("reference", PROVIDER_ID).notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    status: varchar("status", 16).notNull(),
    providerReversalId: varchar("provider_reversal_id", PROVIDER_ID),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("transfer_reversals_reference_idx").on(t.transferId, t.reference),
    index("transfer_reversals_seller_idx").on(t.sellerId, t.createdAt),
  ],
);
