import { z } from "zod";
import { uuidv7Hex } from "../lib/ids";
import { hmacSha256, sha256Hex, timingSafeEqual, toHex } from "../lib/tokens";
import type { Db } from "../platform/db";
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
import { recordOnce, simulatedRecord, simulatedRecordsCreated } from "./simulated-records";

const TOLERANCE_SECONDS = 300;

const amount = { amount: z.number().int().nonnegative(), currency: z.string().length(3) };
const paymentId = z.string().min(1);

/** The simulator's webhook events, named as its dev routes deliver them. */
const SimulatedEvent = z.discriminatedUnion("type", [
  z.object({
    id: z.string().min(1),
    type: z.enum(["payment.succeeded", "payment.processing", "payment.failed"]),
    data: z.object({ paymentId, ...amount, failureReason: z.string().optional() }),
  }),
  z.object({
    id: z.string().min(1),
    type: z.literal("dispute.created"),
    data: z.object({ paymentId, disputeId: z.string().min(1), ...amount, reason: z.string().min(1) }),
  }),
  z.object({
    id: z.string().min(1),
    type: z.literal("dispute.closed"),
    data: z.object({ paymentId, disputeId: z.string().min(1), outcome: z.enum(["won", "lost"]) }),
  }),
  z.object({
    id: z.string().min(1),
    type: z.literal("account.updated"),
    data: z.object({ accountId: z.string().min(1), payoutsEnabled: z.boolean(), detailsSubmitted: z.boolean() }),
  }),
]);
type SimulatedEventBody = z.infer<typeof SimulatedEvent>;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, the same scheme Stripe uses. */
export async function signSimulatedEvent(secret: string, rawBody: string, now = Date.now()): Promise<string> {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${toHex(await hmacSha256(secret, `${timestamp}.${rawBody}`))}`;
}

/** How long a simulated onboarding link stays valid, as Stripe's account links do. */
const ACCOUNT_LINK_SECONDS = 300;

/**
 * The embedded default: payments that succeed, settle later or fail, and disputes that open and close, when a
 * developer says so (`POST /v1/dev/payments/{id}/succeed|processing|fail|dispute`), delivered as signed webhooks through the same path as Stripe's.
 * Like Stripe it keeps its own side of the money (simulated_provider_records): payments, refunds, connected
 * accounts, transfers and reversals, each made once per idempotency key.
 */
export class SimulatedProvider implements PaymentProvider {
  readonly name = "simulated" as const;

  constructor(
    private readonly webhookSecret: string,
    private readonly db: Db,
  ) {}

  async createPayment({ orderId, amount }: CreatePayment): Promise<CreatedPayment> {
    const record = await recordOnce(this.db, {
      id: `sim_pi_${uuidv7Hex()}`,
      kind: "payment",
      idempotencyKey: `order-${orderId}`,
      amount: amount.amount,
      currency: amount.currency,
      status: "requires_payment_method",
      transferGroup: orderId,
    });
    return { providerPaymentId: record.id, clientSecret: `${record.id}_secret` };
  }

  async refund({ providerPaymentId, amount, reason, idempotencyKey }: RefundRequest) {
    const record = await recordOnce(this.db, {
      id: `sim_re_${(await sha256Hex(idempotencyKey)).slice(0, 24)}`,
      kind: "refund",
      idempotencyKey,
      parentId: providerPaymentId,
      amount: amount.amount,
      currency: amount.currency,
      status: "succeeded",
      metadata: { reason },
    });
    return { providerRefundId: record.id };
  }

  async createConnectedAccount({ sellerId, email, country }: ConnectedAccountRequest) {
    const record = await recordOnce(this.db, {
      id: `sim_acct_${uuidv7Hex()}`,
      kind: "account",
      idempotencyKey: `connect-${sellerId}`,
      status: "onboarding",
      metadata: { sellerId, email, country },
    });
    return { providerAccountId: record.id };
  }

  /** A link to the simulator's own onboarding step, on the Worker that asked for it (`/v1/dev/connect/…`). */
  async createAccountLink({ providerAccountId, returnUrl }: AccountLinkRequest) {
    const url = new URL(`/v1/dev/connect/accounts/${providerAccountId}/onboarding`, returnUrl);
    url.searchParams.set("return_url", returnUrl);
    return { url: url.toString(), expiresAt: Date.now() + ACCOUNT_LINK_SECONDS * 1000 };
  }

  async createTransfer({ providerAccountId, amount, transferGroup, idempotencyKey, metadata }: TransferRequest) {
    const account = await simulatedRecord(this.db, providerAccountId);
    if (account?.kind !== "account") throw new Error(`no simulated connected account ${providerAccountId}`);
    const record = await recordOnce(this.db, {
      id: `sim_tr_${uuidv7Hex()}`,
      kind: "transfer",
      idempotencyKey,
      parentId: providerAccountId,
      amount: amount.amount,
      currency: amount.currency,
      status: "paid",
      transferGroup,
      metadata,
    });
    return { providerTransferId: record.id };
  }

  async reverseTransfer({ providerTransferId, amount, idempotencyKey, metadata }: TransferReversalRequest) {
    const transfer = await simulatedRecord(this.db, providerTransferId);
    if (transfer?.kind !== "transfer") throw new Error(`no simulated transfer ${providerTransferId}`);
    const record = await recordOnce(this.db, {
      id: `sim_trr_${uuidv7Hex()}`,
      kind: "reversal",
      idempotencyKey,
      parentId: providerTransferId,
      amount: amount.amount,
      currency: amount.currency,
      status: "succeeded",
      transferGroup: transfer.transferGroup,
      metadata,
    });
    return { providerReversalId: record.id };
  }

  async verifyWebhook(rawBody: string, signature: string | undefined): Promise<PaymentWebhookEvent | null> {
    const parts = Object.fromEntries(
      (signature ?? "").split(",").map((part) => part.split("=", 2) as [string, string]),
    );
    const timestamp = Number(parts.t);
    if (!parts.v1 || !Number.isInteger(timestamp)) return null;
    if (Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) return null;
    if (!timingSafeEqual(parts.v1, toHex(await hmacSha256(this.webhookSecret, `${timestamp}.${rawBody}`)))) return null;
    const parsed = SimulatedEvent.safeParse(parseJson(rawBody));
    return parsed.success ? toWebhookEvent(parsed.data) : null;
  }

  /** The simulator's records created in the window, as Stripe's list APIs would give them. */
  async listRecords({ from, to }: RecordsWindow): Promise<ProviderRecords> {
    const rows = await simulatedRecordsCreated(this.db, ["payment", "refund", "transfer", "reversal"], from, to);
    const money = (row: (typeof rows)[number]) => ({ amount: row.amount, currency: row.currency });
    const of = (kind: string) => rows.filter((row) => row.kind === kind);
    return {
      captures: of("payment")
        .filter((row) => row.status === "succeeded")
        .map((row) => ({ providerPaymentId: row.id, amount: money(row), createdAt: row.createdAt })),
      refunds: of("refund").map((row) => ({
        providerRefundId: row.id,
        providerPaymentId: row.parentId,
        amount: money(row),
        createdAt: row.createdAt,
      })),
      transfers: of("transfer").map((row) => ({
        providerTransferId: row.id,
        amount: money(row),
        transferGroup: row.transferGroup,
        createdAt: row.createdAt,
      })),
      reversals: of("reversal").map((row) => ({
        providerReversalId: row.id,
        providerTransferId: row.parentId,
        amount: money(row),
        createdAt: row.createdAt,
      })),
    };
  }
}

function toWebhookEvent({ id, type, data }: SimulatedEventBody): PaymentWebhookEvent {
  const base = { providerEventId: id, type };
  switch (type) {
    case "payment.succeeded":
      return {
        ...base,
        kind: "payment_succeeded",
        providerPaymentId: data.paymentId,
        amount: { amount: data.amount, currency: data.currency },
      };
    case "payment.processing":
      return { ...base, kind: "payment_processing", providerPaymentId: data.paymentId };
    case "payment.failed":
      return {
        ...base,
        kind: "payment_failed",
        providerPaymentId: data.paymentId,
        failureReason: data.failureReason ?? "declined by the simulator",
      };
    case "dispute.created":
      return {
        ...base,
        kind: "dispute_created",
        providerPaymentId: data.paymentId,
        providerDisputeId: data.disputeId,
        amount: { amount: data.amount, currency: data.currency },
        reason: data.reason,
      };
    case "dispute.closed":
      return {
        ...base,
        kind: "dispute_closed",
        providerPaymentId: data.paymentId,
        providerDisputeId: data.disputeId,
        outcome: data.outcome,
      };
    case "account.updated":
      return {
        ...base,
        kind: "account_updated",
        providerPaymentId: null,
        providerAccountId: data.accountId,
        payoutsEnabled: data.payoutsEnabled,
        detailsSubmitted: data.detailsSubmitted,
      };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
