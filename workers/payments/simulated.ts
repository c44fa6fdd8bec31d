import { z } from "zod";
import { uuidv7Hex } from "../lib/ids";
import { hmacSha256, sha256Hex, timingSafeEqual, toHex } from "../lib/tokens";
import type { CreatedPayment, CreatePayment, PaymentProvider, PaymentWebhookEvent, RefundRequest } from "./provider";

const TOLERANCE_SECONDS = 300;

const SimulatedEvent = z.object({
  id: z.string().min(1),
  type: z.enum(["payment.succeeded", "payment.failed"]),
  data: z.object({
    paymentId: z.string().min(1),
    amount: z.number().int().nonnegative(),
    currency: z.string().length(3),
    failureReason: z.string().optional(),
  }),
});

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, the same scheme Stripe uses. */
export async function signSimulatedEvent(secret: string, rawBody: string, now = Date.now()): Promise<string> {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${toHex(await hmacSha256(secret, `${timestamp}.${rawBody}`))}`;
}

/**
 * The embedded default: payments that succeed or fail when a developer says so
 * (`POST /v1/dev/payments/{id}/succeed|fail`), delivered as signed webhooks through the same path as Stripe's.
 */
export class SimulatedProvider implements PaymentProvider {
  readonly name = "simulated" as const;

  constructor(private readonly webhookSecret: string) {}

  async createPayment(_payment: CreatePayment): Promise<CreatedPayment> {
    const id = `sim_pi_${uuidv7Hex()}`;
    return { providerPaymentId: id, clientSecret: `${id}_secret` };
  }

  async refund({ idempotencyKey }: RefundRequest) {
    return { providerRefundId: `sim_re_${(await sha256Hex(idempotencyKey)).slice(0, 24)}` };
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
    if (!parsed.success) return null;
    const { id, type, data } = parsed.data;
    const base = { providerEventId: id, type, providerPaymentId: data.paymentId };
    return type === "payment.succeeded"
      ? { ...base, kind: "payment_succeeded", amount: { amount: data.amount, currency: data.currency } }
      : { ...base, kind: "payment_failed", failureReason: data.failureReason ?? "declined by the simulator" };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
