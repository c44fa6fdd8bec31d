import { newId } from "../../lib/ids";
import type { Db } from "../../platform/db";
import { keepDevMessage } from "../store/dev-messages";
import type { PushMessage, PushOutcome, PushSender } from "./sender";

/**
 * The embedded default: a push message is kept in the database under its subscription's id and read back at
 * `GET /v1/dev/messages?channel=push&to=psb_…`, never sent.
 */
export class DevPushLog implements PushSender {
  constructor(private readonly db: Db) {}

  async send({ subscription, payload }: PushMessage): Promise<PushOutcome> {
    const id = newId("msg");
    await keepDevMessage(this.db, { id, channel: "push", to: subscription.id, body: payload, sentAt: Date.now() });
    return { provider: "dev-log", providerMessageId: id };
  }
}
