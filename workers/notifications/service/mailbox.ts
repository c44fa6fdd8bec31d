import { AppError } from "../../http/errors";
import type { NotificationsContext } from "../context";
import type { DevMail } from "../schemas";
import { mailboxFor } from "../store/mailbox";

/** `GET /v1/dev/mailbox`: what the development mailbox kept for an address, newest first. */
export async function devMailbox(ctx: NotificationsContext, to: string, limit: number): Promise<DevMail[]> {
  if (ctx.config.MAIL_ADAPTER !== "dev-mailbox") throw new AppError("not_found", "The dev mailbox is not active.");
  const rows = await mailboxFor(ctx.services.db, to.trim().toLowerCase(), limit);
  return rows.map((row) => ({ ...row, sentAt: new Date(row.sentAt).toISOString() }));
}
