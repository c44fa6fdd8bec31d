import { z } from "zod";
import type { Mail, Mailer, SentMail } from "./mailer";

const SendResponse = z.object({ id: z.string() });

/**
 * Production adapter for a transactional email HTTP API of the common shape
 * (`POST {MAIL_API_URL}` with a bearer key and `{from, to, subject, text, html, headers}`; answers `{id}`).
 */
export class HttpEmailApi implements Mailer {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly from: string,
  ) {}

  async send(mail: Mail): Promise<SentMail> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        "content-type": "application/json",
        "idempotency-key": mail.idempotencyKey,
      },
      body: JSON.stringify({
        from: this.from,
        to: [mail.to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      }),
    });
    if (!response.ok) throw new Error(`email API answered ${response.status}`);
    const body = SendResponse.parse(await response.json());
    return { provider: "http", providerMessageId: body.id };
  }
}
