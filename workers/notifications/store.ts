import { desc, eq } from "drizzle-orm";
import { deliveries, devMailbox } from "../../schema/notifications";
import { newId } from "../lib/ids";
import type { Db } from "../platform/db";
import type { SentMail } from "./mail/mailer";

/** Mail the development mailbox keeps instead of sending it. */
export function keepDevMail(db: Db, mail: typeof devMailbox.$inferInsert) {
  return db.insert(devMailbox).values(mail);
}

export function mailboxFor(db: Db, to: string, limit: number) {
  return db.select().from(devMailbox).where(eq(devMailbox.to, to)).orderBy(desc(devMailbox.sentAt)).limit(limit);
}

export function deliveryRow(db: Db, eventId: string, template: string, to: string, sent: SentMail) {
  return db.insert(deliveries).values({
    id: newId("msg"),
    eventId,
    template,
    to,
    provider: sent.provider,
    providerMessageId: sent.providerMessageId,
    sentAt: Date.now(),
  });
}
