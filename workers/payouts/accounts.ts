import type { EventData } from "../../queues/event-catalogue";
import type { CallingSeller } from "../http/context";
import { AppError } from "../http/errors";
import { type AuditActor, actedBy, auditEntry, auditTarget, retractAuditEntry } from "../identity";
import { newId } from "../lib/ids";
import { atomically, changes } from "../platform/db";
import type { PayoutsContext } from "./context";
import {
  insertPayoutAccount,
  type PayoutAccountRow,
  payoutAccountAt,
  payoutAccountOf,
  setPayoutAccountState,
} from "./store";
import { payOwed } from "./transfers";

export interface PayoutAccountView {
  accountId: string;
  provider: PayoutAccountRow["provider"];
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  createdAt: string;
}

export interface OnboardingLink {
  accountId: string;
  url: string;
  expiresAt: string;
  payoutsEnabled: boolean;
}

export const payoutAccountView = (row: PayoutAccountRow): PayoutAccountView => ({
  accountId: row.providerAccountId,
  provider: row.provider,
  payoutsEnabled: row.payoutsEnabled,
  detailsSubmitted: row.detailsSubmitted,
  createdAt: new Date(row.createdAt).toISOString(),
});

/**
 * The seller's connected account (made once: the provider call is idempotent by seller id and the table holds one
 * row per seller) and a fresh onboarding link to it; the provider sends the seller back to `returnUrl`.
 */
export async function startOnboarding(
  ctx: PayoutsContext,
  seller: CallingSeller,
  returnUrl: string,
  by?: AuditActor,
): Promise<OnboardingLink> {
  const { db, payments } = ctx.services;
  let account = await payoutAccountOf(db, seller.id);
  if (!account) {
    const { providerAccountId } = await payments.createConnectedAccount({
      sellerId: seller.id,
      email: seller.contactEmail,
      country: seller.shipsFrom,
    });
    const now = Date.now();
    const row = {
      sellerId: seller.id,
      provider: payments.name,
      providerAccountId,
      payoutsEnabled: false,
      detailsSubmitted: false,
      createdAt: now,
      updatedAt: now,
    };
    const auditId = newId("aud");
    const [inserted] = await atomically(db, [
      insertPayoutAccount(db, row),
      auditEntry(
        ctx,
        "payout_onboarding_started",
        {
          id: auditId,
          ...actedBy(by ?? { userId: seller.userId }),
          target: auditTarget("payout_account", providerAccountId),
          before: null,
          after: payoutAccountView(row),
          shopId: seller.id,
        },
        now,
      ),
    ]);
    // Two first requests at once: the provider gave both the same account, one row went in; one entry stays.
    if (changes(inserted) === 0) await retractAuditEntry(ctx, auditId);
    account = (await payoutAccountOf(db, seller.id))!;
  }
  const link = await payments.createAccountLink({
    providerAccountId: account.providerAccountId,
    refreshUrl: returnUrl,
    returnUrl,
  });
  return {
    accountId: account.providerAccountId,
    url: link.url,
    expiresAt: new Date(link.expiresAt).toISOString(),
    payoutsEnabled: account.payoutsEnabled,
  };
}

export async function payoutAccount(ctx: PayoutsContext, sellerId: string): Promise<PayoutAccountView> {
  const account = await payoutAccountOf(ctx.services.db, sellerId);
  if (!account) throw new AppError("not_found", "No payout account yet: POST /v1/seller/payouts/onboarding.");
  return payoutAccountView(account);
}

/** The provider's word on an account; once payouts are enabled, what the seller is owed goes out. */
export async function accountUpdated(ctx: PayoutsContext, update: EventData<"PayoutAccountUpdated">): Promise<void> {
  const { db } = ctx.services;
  const account = await payoutAccountAt(db, update.provider, update.providerAccountId);
  if (!account) {
    ctx.log.warn("update of an unknown connected account", { providerAccountId: update.providerAccountId });
    return;
  }
  const state = { payoutsEnabled: update.payoutsEnabled, detailsSubmitted: update.detailsSubmitted };
  const completed = update.payoutsEnabled && !account.payoutsEnabled;
  // The provider finishing onboarding is audited once, when payouts turn on (a redelivery finds them on already).
  await atomically(db, [
    setPayoutAccountState(db, account.sellerId, state),
    ...(completed
      ? [
          auditEntry(ctx, "payout_onboarding_completed", {
            actorId: null,
            target: auditTarget("payout_account", account.providerAccountId),
            before: payoutAccountView(account),
            after: payoutAccountView({ ...account, ...state }),
            shopId: account.sellerId,
          }),
        ]
      : []),
  ]);
  if (update.payoutsEnabled) await payOwed(ctx, account.sellerId);
}

/**
 * The simulator's onboarding step (its account links point here), checked before the simulator says the account is
 * done: only while the simulator is the provider; an unknown account is 404, and the way back must be on this
 * Worker's own origin. Answers where to send the seller back.
 */
export async function finishSimulatedOnboarding(
  ctx: PayoutsContext,
  providerAccountId: string,
  returnUrl: string,
  origin: string,
): Promise<string> {
  const { db, payments } = ctx.services;
  if (payments.name !== "simulated") throw new AppError("not_found", "The payment simulator is not active.");
  const account = await payoutAccountAt(db, "simulated", providerAccountId);
  if (!account) throw new AppError("not_found", "No such simulated connected account.");
  const back = URL.canParse(returnUrl) ? new URL(returnUrl) : undefined;
  if (back?.origin !== origin) throw new AppError("bad_request", "return_url must be on this site.");
  return back.toString();
}
