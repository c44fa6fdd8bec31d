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

/** A provider's webhook event, reduced to what Book Bazaar acts on. */
export type PaymentWebhookEvent = {
  providerEventId: string;
  type: string;
  providerPaymentId: string | null;
} & (
  | { kind: "payment_succeeded"; amount: Money }
  | { kind: "payment_failed"; failureReason: string }
  | { kind: "charge_refunded"; refundedTotal: Money }
  | { kind: "dispute_created"; amount: Money; reason: string }
  | { kind: "ignored" }
);

/** Payments go through one of these; the order id is the provider's idempotency key for the payment. */
export interface PaymentProvider {
  readonly name: ProviderName;
  createPayment(payment: CreatePayment): Promise<CreatedPayment>;
  refund(refund: RefundRequest): Promise<{ providerRefundId: string }>;
  /** Verifies the signature over the raw body first; returns null when it does not verify. */
  verifyWebhook(rawBody: string, signature: string | undefined): Promise<PaymentWebhookEvent | null>;
}
