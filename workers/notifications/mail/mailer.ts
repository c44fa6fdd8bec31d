export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, such as RFC 8058 one-click unsubscribe (`List-Unsubscribe`, `List-Unsubscribe-Post`). */
  headers?: Record<string, string>;
  /** Which template produced it, for the delivery log and the dev mailbox. */
  template: string;
  /** Lets a provider drop a duplicate send of the same mail (e.g. a redelivered event). */
  idempotencyKey: string;
}

export interface SentMail {
  provider: string;
  providerMessageId: string | null;
}

export interface Mailer {
  send(mail: Mail): Promise<SentMail>;
}
