import type { Money } from "../lib/money";

export type ProviderName = "stripe" | "simulated";

export interface CreatePayment {
  orderId: string;
  amount: Money;
  description: string;
}

export interface CreatedPayment {
  providerPaymentId: string;
  clientSecret: string | null;
}

export interface RefundRequest {
  providerPaymentId: string;
  amount: Money;
  reason: string;
  /** The same key asks the provider for the same refund, never a second one. */
  idempotencyKey: string;
}

/** A seller's connected account (Stripe Connect Express): where transfers go once the provider enables payouts. */
export interface ConnectedAccountRequest {
  sellerId: string;
  email: string;
  /** ISO 3166-1 alpha-2: the seller's country. */
  country: string;
}

export interface AccountLinkRequest {
  providerAccountId: string;
  /** Where the provider sends the seller when the link has expired, and when onboarding is done. */
  refreshUrl: string;
  returnUrl: string;
}

export interface TransferRequest {
  providerAccountId: string;
  amount: Money;
  /** The order id: Stripe's `transfer_group`, tying the transfer to the charge it is paid from. */
  transferGroup: string;
  /** The same key asks for the same transfer, never a second one. */
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface TransferReversalRequest {
  providerTransferId: string;
  amount: Money;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

/** A provider's webhook event, reduced to what Book Bazaar acts on. */
export type PaymentWebhookEvent = {
  providerEventId: string;
  type: string;
  providerPaymentId: string | null;
} & (
  | { kind: "payment_succeeded"; amount: Money }
  /** Accepted, settling later (a bank debit): success or failure follows in days. */
  | { kind: "payment_processing" }
  | { kind: "payment_failed"; failureReason: string }
  | { kind: "charge_refunded"; refundedTotal: Money }
  | { kind: "dispute_created"; providerDisputeId: string; amount: Money; reason: string }
  | { kind: "dispute_closed"; providerDisputeId: string; outcome: "won" | "lost" }
  | { kind: "account_updated"; providerAccountId: string; payoutsEnabled: boolean; detailsSubmitted: boolean }
  | { kind: "ignored" }
);

/** The half-open span [from, to) of epoch ms a listing of the provider's records covers (by when each was created). */
export interface RecordsWindow {
  from: number;
  to: number;
}

/** The provider's own side of the money, as its list APIs (or the simulator's records) show it. */
export interface ProviderRecords {
  /** Payments the provider captured (succeeded), created in the window. */
  captures: { providerPaymentId: string; amount: Money; createdAt: number }[];
  refunds: { providerRefundId: string; providerPaymentId: string | null; amount: Money; createdAt: number }[];
  transfers: { providerTransferId: string; amount: Money; transferGroup: string | null; createdAt: number }[];
  reversals: { providerReversalId: string; providerTransferId: string | null; amount: Money; createdAt: number }[];
}

/** Payments go through one of these; the order id is the provider's idempotency key for the payment. */
export interface PaymentProvider {
  readonly name: ProviderName;
  createPayment(payment: CreatePayment): Promise<CreatedPayment>;
  refund(refund: RefundRequest): Promise<{ providerRefundId: string }>;
  /** Connect: an Express account for a seller (the seller id is its idempotency key), and its onboarding link. */
  createConnectedAccount(account: ConnectedAccountRequest): Promise<{ providerAccountId: string }>;
  createAccountLink(link: AccountLinkRequest): Promise<{ url: string; expiresAt: number }>;
  /** Connect, separate charges and transfers: the seller's share out of the platform's balance, and back. */
  createTransfer(transfer: TransferRequest): Promise<{ providerTransferId: string }>;
  reverseTransfer(reversal: TransferReversalRequest): Promise<{ providerReversalId: string }>;
  /** Every record of the provider's side created in the window, all pages of it. */
  listRecords(window: RecordsWindow): Promise<ProviderRecords>;
  /** Verifies the signature over the raw body first; returns null when it does not verify. */
  verifyWebhook(rawBody: string, signature: string | undefined): Promise<PaymentWebhookEvent | null>;
}
