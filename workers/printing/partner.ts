/** A cover to print for one order line: what to print on which book, for which seller to bind. */
export interface PrintJob {
  orderId: string;
  lineId: string;
  sellerId: string;
  isbn13: string;
  title: string;
  coverName: string;
  inscription: string | null;
  quantity: number;
  /** The same key asks the partner for the same job, never a second one. */
  idempotencyKey: string;
}

/** Cover printing goes through one of these: a print partner's HTTP API, or the embedded print-job log. */
export interface PrintPartner {
  readonly name: "log" | "http";
  submit(job: PrintJob): Promise<{ partnerJobId: string }>;
}

/**
 * The embedded default: the job is only recorded (the print_jobs table is the log operators print from), so
 * `npm start` needs no partner account.
 */
export class PrintJobLog implements PrintPartner {
  readonly name = "log" as const;

  async submit(job: PrintJob) {
    return { partnerJobId: `log_${job.lineId}` };
  }
}
