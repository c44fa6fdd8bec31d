import { eq } from "drizzle-orm";
import { notificationPreferences } from "../../../schema/notifications";
import { type Db, incoming, upserting } from "../../platform/db";
import type { StoredChoices } from "../preferences";

export async function storedChoices(db: Db, userId: string): Promise<StoredChoices | undefined> {
  const [row] = await db
    .select({ choices: notificationPreferences.choices })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .limit(1);
  return row?.choices;
}

/** A user's own choices (not the defaults they left alone, so a changed default still reaches them). */
export function saveChoices(db: Db, userId: string, choices: StoredChoices) {
  return upserting(
    db,
    db.insert(notificationPreferences).values({ userId, choices, updatedAt: Date.now() }),
    notificationPreferences.userId,
    {
      choices: incoming(db, notificationPreferences.choices),
      updatedAt: incoming(db, notificationPreferences.updatedAt),
    },
  );
}
