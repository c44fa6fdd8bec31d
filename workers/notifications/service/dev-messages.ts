import { AppError } from "../../http/errors";
import type { NotificationsContext } from "../context";
import type { DevMessage } from "../schemas";
import { devMessagesFor } from "../store/dev-messages";

/** `GET /v1/dev/messages`: what a development adapter kept for a number (SMS) or a subscription (push), newest first. */
export async function devMessages(
  ctx: NotificationsContext,
  channel: "sms" | "push",
  to: string,
  limit: number,
): Promise<DevMessage[]> {
  const active = channel === "sms" ? ctx.config.SMS_ADAPTER : ctx.config.PUSH_ADAPTER;
  if (active !== "dev-log") throw new AppError("not_found", `The ${channel} dev log is not active.`);
  const rows = await devMessagesFor(ctx.services.db, channel, to, limit);
  return rows.map((row) => ({ ...row, sentAt: new Date(row.sentAt).toISOString() }));
}
