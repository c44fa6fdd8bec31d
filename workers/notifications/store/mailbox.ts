import { desc, eq } from "drizzle-orm";
import { devMailbox } from "../../../schema/notifications";
import type { Db } from "../../platform/db";

/** Mail the development mailbox keeps instead of sending it. */
export function keepDevMail(db: Db, mail: typeof devMailbox.$inferInsert) {
  return db.insert(devMailbox).values(mail);
}

export function mailboxFor(db: Db, to: string, limit: number) {
  return db.select().from(devMailbox).where(eq(devMailbox.to, to)).orderBy(desc(devMailbox.sentAt)).limit(limit);
}
