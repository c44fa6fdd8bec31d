import { z } from "zod";
import type { SentMessage, Sms, SmsSender } from "./sender";

const MessageResource = z.object({ sid: z.string() });

export interface HttpSmsSettings {
  /** The API base, e.g. `https://api.twilio.com/2010-04-01`. */
  url: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/**
 * Production adapter for an SMS HTTP API in the shape of Twilio's Messages API: `POST {url}/Accounts/{sid}/
 * Messages.json` with HTTP basic auth (account sid and auth token) and the form fields `To`, `From`, `Body`;
 * it answers the message resource, whose `sid` the delivery log keeps. Twilio has no idempotency keys of its own:
 * the `Idempotency-Key` header is for providers of this shape that honour one, and costs nothing with the others.
 */
export class HttpSmsApi implements SmsSender {
  constructor(private readonly settings: HttpSmsSettings) {}

  async send(sms: Sms): Promise<SentMessage> {
    const { url, accountSid, authToken, from } = this.settings;
    const response = await fetch(
      `${url.replace(/\/+$/, "")}/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      {
        method: "POST",
        headers: {
          authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
          "content-type": "application/x-www-form-urlencoded",
          "idempotency-key": sms.idempotencyKey,
        },
        body: new URLSearchParams({ To: sms.to, From: from, Body: sms.text }),
      },
    );
    if (!response.ok) throw new Error(`SMS API answered ${response.status}`);
    const message = MessageResource.parse(await response.json());
    return { provider: "http", providerMessageId: message.sid };
  }
}
