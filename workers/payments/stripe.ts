import Stripe from "stripe";
import type {
  AccountLinkRequest,
  ConnectedAccountRequest,
  CreatedPayment,
  CreatePayment,
  PaymentProvider,
  PaymentWebhookEvent,
  ProviderRecords,
  RecordsWindow,
  RefundRequest,
  TransferRequest,
  TransferReversalRequest,
} from "./provider";

interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Only for pointing the SDK at a local server in tests; production uses Stripe's API host. */
  apiBase?: URL;
}

const crypto = Stripe.createSubtleCryptoProvider();

/** Stripe PaymentIntents with automatic payment methods (cards, wallets, bank debits), refunds and webhooks. */
export class StripeProvider implements PaymentProvider {
  readonly name = "stripe" as const;
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    const base = settings.apiBase;
    this.stripe = new Stripe(settings.secretKey, {
      httpClient: Stripe.createFetchHttpClient(),
      maxNetworkRetries: 2,
      telemetry: false,
      ...(base && {
        host: base.hostname,
        port: base.port,
        protocol: base.protocol.replace(":", "") as "http" | "https",
      }),
    });
  }

  async createPayment({ orderId, amount, description }: CreatePayment): Promise<CreatedPayment> {
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: amount.amount,
        currency: amount.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description,
        metadata: { orderId },
      },
      { idempotencyKey: `order-${orderId}` },
    );
    return { providerPaymentId: intent.id, clientSecret: intent.client_secret };
  }

  async refund({ providerPaymentId, amount, reason, idempotencyKey }: RefundRequest) {
    const refund = await this.stripe.refunds.create(
      { payment_intent: providerPaymentId, amount: amount.amount, metadata: { reason } },
      { idempotencyKey },
    );
    return { providerRefundId: refund.id };
  }

  async createConnectedAccount({ sellerId, email, country }: ConnectedAccountRequest) {
    const account = await this.stripe.accounts.create(
      {
        type: "express",
        country,
        email,
        capabilities: { transfers: { requested: true } },
        metadata: { sellerId },
      },
      { idempotencyKey: `connect-${sellerId}` },
    );
    return { providerAccountId: account.id };
  }

  async createAccountLink({ providerAccountId, refreshUrl, returnUrl }: AccountLinkRequest) {
    const link = await this.stripe.accountLinks.create({
      account: providerAccountId,
      refresh_url: refreshUrl,
      return_url: returnUrl,
      type: "account_onboarding",
    });
    return { url: link.url, expiresAt: link.expires_at * 1000 };
  }

  async createTransfer({ providerAccountId, amount, transferGroup, idempotencyKey, metadata }: TransferRequest) {
    const transfer = await this.stripe.transfers.create(
      {
        amount: amount.amount,
        currency: amount.currency.toLowerCase(),
        destination: providerAccountId,
        transfer_group: transferGroup,
        metadata,
      },
      { idempotencyKey },
    );
    return { providerTransferId: transfer.id };
  }

  async reverseTransfer({ providerTransferId, amount, idempotencyKey, metadata }: TransferReversalRequest) {
    const reversal = await this.stripe.transfers.createReversal(
      providerTransferId,
      { amount: amount.amount, metadata },
      { idempotencyKey },
    );
    return { providerReversalId: reversal.id };
  }

  /**
   * The account's side of the window through the list APIs, every page (the SDK's auto-pagination): captured
   * PaymentIntents, refunds, transfers, and transfer reversals as the balance transactions of type
   * `transfer_refund` (Stripe lists reversals only per transfer; the balance lists them all, their transfer expanded).
   */
  async listRecords({ from, to }: RecordsWindow): Promise<ProviderRecords> {
    const created = { gte: Math.floor(from / 1000), lt: Math.ceil(to / 1000) };
    const records: ProviderRecords = { captures: [], refunds: [], transfers: [], reversals: [] };
    for await (const intent of this.stripe.paymentIntents.list({ created, limit: 100 })) {
      if (intent.status !== "succeeded") continue;
      records.captures.push({
        providerPaymentId: intent.id,
        amount: money(intent.amount_received || intent.amount, intent.currency),
        createdAt: intent.created * 1000,
      });
    }
    for await (const refund of this.stripe.refunds.list({ created, limit: 100 })) {
      if (refund.status === "failed" || refund.status === "canceled") continue;
      records.refunds.push({
        providerRefundId: refund.id,
        providerPaymentId: intentId(refund.payment_intent),
        amount: money(refund.amount, refund.currency),
        createdAt: refund.created * 1000,
      });
    }
    for await (const transfer of this.stripe.transfers.list({ created, limit: 100 })) {
      records.transfers.push({
        providerTransferId: transfer.id,
        amount: money(transfer.amount, transfer.currency),
        transferGroup: transfer.transfer_group,
        createdAt: transfer.created * 1000,
      });
    }
    const reversals = this.stripe.balanceTransactions.list({
      created,
      type: "transfer_refund",
      expand: ["data.source"],
      limit: 100,
    });
    for await (const entry of reversals) {
      const source = entry.source as Stripe.TransferReversal | string | null;
      const reversal = typeof source === "object" && source !== null ? source : undefined;
      records.reversals.push({
        providerReversalId: reversal?.id ?? (typeof source === "string" ? source : entry.id),
        providerTransferId: reversal ? transferId(reversal.transfer) : null,
        amount: money(Math.abs(reversal?.amount ?? entry.amount), reversal?.currency ?? entry.currency),
        createdAt: entry.created * 1000,
      });
    }
    return records;
  }

  async verifyWebhook(rawBody: string, signature: string | undefined): Promise<PaymentWebhookEvent | null> {
    if (!signature) return null;
    let event: Stripe.Event;
    try {
      event = await this.stripe.webhooks.constructEventAsync(
        rawBody,
        signature,
        this.settings.webhookSecret,
        undefined,
        crypto,
      );
    } catch {
      return null;
    }
    return fromStripeEvent(event);
  }
}

const money = (amount: number, currency: string) => ({ amount, currency: currency.toUpperCase() });
const intentId = (value: string | Stripe.PaymentIntent | null) =>
  typeof value === "string" ? value : (value?.id ?? null);
/** A dispute's ends that moved money; `warning_closed` (an inquiry that never became a chargeback) did not. */
const CLOSED_OUTCOMES = ["won", "lost"] as const;
const transferId = (value: string | Stripe.Transfer) => (typeof value === "string" ? value : value.id);

function fromStripeEvent(event: Stripe.Event): PaymentWebhookEvent {
  const base = { providerEventId: event.id, type: event.type };
  switch (event.type) {
    case "payment_intent.succeeded": {
      const intent = event.data.object;
      return {
        ...base,
        kind: "payment_succeeded",
        providerPaymentId: intent.id,
        amount: money(intent.amount_received || intent.amount, intent.currency),
      };
    }
    case "payment_intent.processing":
      return { ...base, kind: "payment_processing", providerPaymentId: event.data.object.id };
    case "payment_intent.payment_failed": {
      const intent = event.data.object;
      return {
        ...base,
        kind: "payment_failed",
        providerPaymentId: intent.id,
        failureReason: intent.last_payment_error?.message ?? "payment failed",
      };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      return {
        ...base,
        kind: "charge_refunded",
        providerPaymentId: intentId(charge.payment_intent),
        refundedTotal: money(charge.amount_refunded, charge.currency),
      };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      return {
        ...base,
        kind: "dispute_created",
        providerPaymentId: intentId(dispute.payment_intent),
        providerDisputeId: dispute.id,
        amount: money(dispute.amount, dispute.currency),
        reason: dispute.reason,
      };
    }
    case "charge.dispute.closed": {
      const dispute = event.data.object;
      const outcome = CLOSED_OUTCOMES.find((closed) => closed === dispute.status);
      if (!outcome) return { ...base, kind: "ignored", providerPaymentId: null };
      return {
        ...base,
        kind: "dispute_closed",
        providerPaymentId: intentId(dispute.payment_intent),
        providerDisputeId: dispute.id,
        outcome,
      };
    }
    case "account.updated": {
      const account = event.data.object;
      return {
        ...base,
        kind: "account_updated",
        providerPaymentId: null,
        providerAccountId: account.id,
        payoutsEnabled: account.payouts_enabled === true,
        detailsSubmitted: account.details_submitted === true,
      };
    }
    default:
      return { ...base, kind: "ignored", providerPaymentId: null };
  }
}
