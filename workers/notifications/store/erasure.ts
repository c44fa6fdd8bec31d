import { eq } from "drizzle-orm";
import {
  bookAlerts,
  cartReminders,
  notificationPreferences,
  notifications,
  phoneNumbers,
  pushSubscriptions,
} from "../../../schema/notifications";
import type { Db, Statement } from "../../platform/db";

/** Everything notifications keeps about one account but its delivery log: where to reach it, what it asked for. */
export function forgetAccount(db: Db, userId: string): Statement[] {
  return [
    db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)),
    db.delete(phoneNumbers).where(eq(phoneNumbers.userId, userId)),
    db.delete(bookAlerts).where(eq(bookAlerts.userId, userId)),
    db.delete(cartReminders).where(eq(cartReminders.userId, userId)),
    db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.delete(notifications).where(eq(notifications.userId, userId)),
  ];
}
