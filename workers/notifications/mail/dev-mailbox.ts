import { newId } from "../../lib/ids";
import type { Db } from "../../platform/db";
import { keepDevMail } from "../store/mailbox";
import type { Mail, Mailer, SentMail } from "./mailer";

/** The embedded default: mail is kept in the database and read back at `GET /v1/dev/mailbox`, never sent. */
export class DevMailbox implements Mailer {
  constructor(
    private readonly db: Db,
    private readonly from: string,
  ) {}

  async send(mail: Mail): Promise<SentMail> {
    const id = newId("msg");
    await keepDevMail(this.db, {
      id,
      // The mailbox is looked up by lower-cased address; mail keeps the case the user typed.
      to: mail.to.trim().toLowerCase(),
      from: this.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      headers: mail.headers ?? null,
      template: mail.template,
      sentAt: Date.now(),
    });
    return { provider: "dev-mailbox", providerMessageId: id };
  }
}
