import type { SentMail } from "../mail/mailer";

export interface Sms {
  /** An E.164 number (`+4915112345678`). */
  to: string;
  text: string;
  /** Lets a provider that honours it drop a repeated send of the same message (a retry after a lost answer). */
  idempotencyKey: string;
}

/** What a provider answers for a message it accepted: its name and its id for the message. */
export type SentMessage = SentMail;

export interface SmsSender {
  send(sms: Sms): Promise<SentMessage>;
}
