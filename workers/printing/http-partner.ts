import { z } from "zod";
import type { PrintJob, PrintPartner } from "./partner";

const Accepted = z.object({ id: z.string().min(1) });

/**
 * Production adapter for a print partner's HTTP API of the common shape: `POST {PRINT_API_URL}/jobs` with a
 * bearer key and an Idempotency-Key, answering `{id}`.
 */
export class HttpPrintPartner implements PrintPartner {
  readonly name = "http" as const;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async submit(job: PrintJob) {
    const { idempotencyKey, ...order } = job;
    const response = await fetch(`${this.baseUrl.replace(/\/$/, "")}/jobs`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      },
      body: JSON.stringify({ reference: `${order.orderId}/${order.lineId}`, ...order }),
    });
    if (!response.ok) throw new Error(`print partner answered ${response.status}`);
    return { partnerJobId: Accepted.parse(await response.json()).id };
  }
}
