import type { SentMessage } from "../sms/sender";

export interface PushMessage {
  subscription: { id: string; endpoint: string; p256dh: string; auth: string };
  /** What the browser's service worker receives: the JSON of `{title, body, link, kind}`. */
  payload: string;
  /** The delivery it sends: a retry of it replaces the first send while that is still waiting at the push service. */
  idempotencyKey: string;
}

/** Sent, or `gone`: the push service no longer knows the subscription (it answered 404 or 410). */
export type PushOutcome = SentMessage | "gone";

export interface PushSender {
  send(message: PushMessage): Promise<PushOutcome>;
}
