import { z } from "@hono/zod-openapi";
import { LEDGER_ACCOUNTS, LEDGER_KINDS } from "../../schema/payouts";
import { PageQuery } from "../http/schemas";
import { MoneySchema } from "../lib/money";

/** A signed amount in minor units: ledger entries take money off an account as well as put it on. */
const SignedMoney = z
  .object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) })
  .openapi("SignedMoney", { example: { amount: -130, currency: "EUR" } });

export const OnboardingLinkSchema = z
  .object({
    accountId: z.string().openapi({ description: "The connected account at the payment provider" }),
    url: z.url().openapi({ description: "Where the seller finishes onboarding with the provider" }),
    expiresAt: z.iso.datetime().openapi({ description: "The link works until then; ask again for a fresh one" }),
    payoutsEnabled: z.boolean(),
  })
  .openapi("PayoutOnboardingLink");
export type OnboardingLinkSchema = z.infer<typeof OnboardingLinkSchema>;

export const PayoutAccountSchema = z
  .object({
    accountId: z.string(),
    provider: z.enum(["stripe", "simulated"]),
    payoutsEnabled: z.boolean().openapi({ description: "The provider lets transfers go to it" }),
    detailsSubmitted: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi("PayoutAccount");
export type PayoutAccountSchema = z.infer<typeof PayoutAccountSchema>;

export const BalanceSchema = z
  .object({
    pending: SignedMoney.openapi({ description: "Earned on seller orders not completed yet" }),
    available: SignedMoney.openapi({ description: "Completed, waiting for its transfer (payouts not enabled yet)" }),
    held: SignedMoney.openapi({ description: "Frozen by open disputes" }),
    paid: SignedMoney.openapi({ description: "Transferred to your account, less reversals" }),
  })
  .openapi("SellerBalance");
export type BalanceSchema = z.infer<typeof BalanceSchema>;

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    journalId: z.string().openapi({ description: "The movement the entry is part of" }),
    kind: z.enum(LEDGER_KINDS),
    account: z.enum(LEDGER_ACCOUNTS),
    amount: SignedMoney,
    orderId: z.string().nullable(),
    sellerOrderId: z.string().nullable(),
    reference: z.string().nullable().openapi({ description: "The refund, transfer, reversal or dispute it answers" }),
    createdAt: z.iso.datetime(),
  })
  .openapi("LedgerEntry");

export const LedgerPage = z
  .object({ items: z.array(LedgerEntrySchema), nextCursor: z.string().nullable() })
  .openapi("LedgerPage");
export type LedgerPage = z.infer<typeof LedgerPage>;

export const TransferSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    sellerOrderId: z.string(),
    amount: MoneySchema,
    reversed: MoneySchema.openapi({ description: "Taken back since, by refunds or lost disputes" }),
    status: z.enum(["pending", "sent"]),
    providerTransferId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    reversals: z.array(
      z.object({
        id: z.string(),
        reference: z.string().openapi({ description: "The refund or dispute it answers" }),
        amount: MoneySchema,
        status: z.enum(["pending", "sent"]),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .openapi("Transfer");

export const TransferPage = z
  .object({ items: z.array(TransferSchema), nextCursor: z.string().nullable() })
  .openapi("TransferPage");
export type TransferPage = z.infer<typeof TransferPage>;

export const LedgerQuery = PageQuery;

export const SimulatedAccountParam = z.object({ id: z.string().regex(/^sim_acct_[0-9a-f]{32}$/) });
export const ReturnUrlQuery = z.object({ return_url: z.string().min(1).max(2048) });
