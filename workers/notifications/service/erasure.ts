import type { Statement } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { forgetAccount } from "../store/erasure";

/**
 * A deleted account is reached no more and waits for nothing: its push subscriptions, phone number, book alerts,
 * cart reminder, preferences and feed go. The delivery log stays, as the record of what was sent.
 */
export function forgetDeletedAccount(ctx: NotificationsContext, userId: string): Statement[] {
  return forgetAccount(ctx.services.db, userId);
}
