import { newId } from "../../lib/ids";
import type { Db } from "../../platform/db";
import { keepDevMessage } from "../store/dev-messages";
import type { SentMessage, Sms, SmsSender } from "./sender";

/** The embedded default: a text message is kept in the database and read back at `GET /v1/dev/messages`, never sent. */
export class DevSmsLog implements SmsSender {
  constructor(private readonly db: Db) {}

  async send(sms: Sms): Promise<SentMessage> {
    const id = newId("msg");
    await keepDevMessage(this.db, { id, channel: "sms", to: sms.to, body: sms.text, sentAt: Date.now() });
    return { provider: "dev-log", providerMessageId: id };
  }
}
