import { and, desc, eq } from "drizzle-orm";
import { devMessages } from "../../../schema/notifications";
import type { Db } from "../../platform/db";

export type DevMessageRow = typeof devMessages.$inferSelect;

/** A text or push message the development adapters keep instead of sending it. */
export function keepDevMessage(db: Db, message: DevMessageRow) {
  return db.insert(devMessages).values(message);
}

export function devMessagesFor(db: Db, channel: DevMessageRow["channel"], to: string, limit: number) {
  return db
    .select()
    .from(devMessages)
    .where(and(eq(devMessages.channel, channel), eq(devMessages.to, to)))
    .orderBy(desc(devMessages.sentAt), desc(devMessages.id))
    .limit(limit);
}
